#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>

#include "ledger/read_access.h"
#include "ledger_fixture.h"

using namespace verdeel::ledger;

TEST_CASE("a reading command opens a ledger immutable only on read-only media without a -wal file",
          "[ledger][read_access]") {
  // can create beside, -wal there, -shm there
  CHECK(choose_read_access(true, false, false) == ReadAccess::normal);
  CHECK(choose_read_access(true, true, false) == ReadAccess::normal);
  CHECK(choose_read_access(true, false, true) == ReadAccess::normal);
  CHECK(choose_read_access(true, true, true) == ReadAccess::normal);
  CHECK(choose_read_access(false, true, true) == ReadAccess::normal);  // SQLite reads a read-only -shm
  CHECK(choose_read_access(false, false, false) == ReadAccess::immutable);
  CHECK(choose_read_access(false, false, true) == ReadAccess::immutable);  // a stale -shm: nothing to read
  CHECK(choose_read_access(false, true, false) == ReadAccess::wal_unreadable);
}

TEST_CASE("a ledger in a folder that can be written is read the normal way", "[ledger][read_access]") {
  const auto dir = verdeel::testing::temp_dir("ra");
  const std::string path = (dir / "ledger.db").string();
  CHECK(read_access(look_beside(path)) == ReadAccess::normal);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the immutable URI opens exactly the file it names, whatever its name", "[ledger][read_access]") {
  const auto dir = verdeel::testing::temp_dir("uri");
  // Characters a URI gives meaning to ('?', '#', '%', '&', '='), a space, a colon, non-ASCII.
  const std::string names[] = {"plain.db", "with space.db", "q?mode=rw.db", "hash#frag.db", "pct%41.db",
                               "a&b=c.db", "Fryslân ledger.db", "colon:name.db"};
  for (const auto& name : names) {
    const std::string path = (dir / name).string();
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("CREATE TABLE marker (name TEXT)");
      SQLite::Statement ins(db, "INSERT INTO marker VALUES (?)");
      ins.bind(1, name);
      ins.exec();
    }
    const std::string uri = immutable_uri(path);
    CAPTURE(name, uri);
    CHECK(uri.rfind("file:///", 0) == 0);
    CHECK(uri.find("immutable=1") != std::string::npos);
    SQLite::Database db(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    CHECK(db.execAndGet("SELECT name FROM marker").getString() == name);
    CHECK_THROWS(db.exec("INSERT INTO marker VALUES ('x')"));  // read-only
  }
  std::filesystem::remove_all(dir);
}
