// A new ledger gets its name only when whole (ledger/file_in_place.h, Store::create).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "ledger/file_in_place.h"
#include "ledger/store.h"
#include "ledger_fixture.h"

using namespace verdeel;
using namespace verdeel::ledger;
namespace fs = std::filesystem;

namespace {

int64_t records_in(const fs::path& p) {
  Store s(p.string());
  return s.size();
}

}  // namespace

TEST_CASE("init follows a symbolic link, as SQLite opens one, and leaves the link a link", "[ledger][store]") {
  const fs::path dir = testing::temp_dir("link");
  fs::create_directories(dir / "real");
  SECTION("to an empty file") {
    std::ofstream(dir / "real" / "l.db").close();
    fs::create_symlink("real/l.db", dir / "link.db");
    Store::create((dir / "link.db").string());
    CHECK(fs::is_symlink(dir / "link.db"));
    CHECK(fs::file_size(dir / "real" / "l.db") > 0);
    CHECK(records_in(dir / "link.db") == 1);
  }
  SECTION("to a file not made yet") {
    fs::create_symlink("real/new.db", dir / "link.db");
    Store::create((dir / "link.db").string());
    CHECK(fs::is_symlink(dir / "link.db"));
    CHECK(records_in(dir / "real" / "new.db") == 1);
  }
  SECTION("to a ledger: refused, and it is unchanged") {
    Store::create((dir / "real" / "l.db").string());
    fs::create_symlink("real/l.db", dir / "link.db");
    const auto before = fs::file_size(dir / "real" / "l.db");
    CHECK_THROWS_WITH(Store::create((dir / "link.db").string()), Catch::Contains("refusing to overwrite"));
    CHECK(fs::file_size(dir / "real" / "l.db") == before);
  }
  CHECK(scratch_leftovers(dir / "real" / "l.db").empty());
  CHECK(scratch_leftovers(dir / "real" / "new.db").empty());
  fs::remove_all(dir);
}

TEST_CASE("a name reserved by an empty file keeps its permissions", "[ledger][store]") {
  const fs::path dir = testing::temp_dir("reserved");
  const fs::path p = dir / "l.db";
  std::ofstream(p).close();
  REQUIRE(::chmod(p.c_str(), 0640) == 0);
  Store::create(p.string());
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(records_in(p) == 1);
  fs::remove_all(dir);
}

TEST_CASE("the scratch name of a new ledger is beside it, random, and its leftovers are found", "[ledger][store]") {
  const fs::path dir = testing::temp_dir("scratch");
  const fs::path p = dir / "l.db";
  const std::string a = scratch_name(p), b = scratch_name(p);
  CHECK(a.rfind(p.string() + ".init-", 0) == 0);
  CHECK(a.size() == p.string().size() + 6 + 8);
  CHECK(a != b);
  std::ofstream(a).close();
  std::ofstream(a + "-journal").close();
  std::ofstream(dir / "other.db.init-00000000").close();
  CHECK(scratch_leftovers(p).size() == 2);
  fs::remove_all(dir);
}

TEST_CASE("init in a folder that does not exist names the folder", "[ledger][store]") {
  const fs::path dir = testing::temp_dir("nofolder");
  CHECK_THROWS_WITH(Store::create((dir / "missing" / "l.db").string()),
                    Catch::Contains("the folder '" + (dir / "missing").string() + "' does not exist"));
  fs::create_symlink("missing/l.db", dir / "link.db");  // through a link, the folder it leads to
  CHECK_THROWS_WITH(Store::create((dir / "link.db").string()), Catch::Contains("/missing' does not exist"));
  fs::remove_all(dir);
}
