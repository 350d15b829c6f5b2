// A copy of a ledger on read-only media (an auditor's or a court's copy, a write-protected stick,
// a read-only mount) can be verified and read by every command that only reads, and nothing is
// written beside it. The folder is made read-only; as root, who may write anywhere, the program
// runs as an unprivileged user (setpriv, util-linux), so that the folder is read-only to it.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "cli/cli_fixture.h"

using namespace verdeel::testing;
namespace fs = std::filesystem;

namespace {

// A read-only folder holding a copy of a decided ledger (and whatever `extra` puts beside it), and
// a copy of the program anyone may run.
struct ReadOnlyCopy {
  Cli cli;
  fs::path media, program;
  std::string ledger;

  template <class Extra>
  explicit ReadOnlyCopy(Extra extra) {
    if (geteuid() == 0) REQUIRE(std::system("command -v setpriv >/dev/null") == 0);  // see as_reader
    cli.decided("drenthe-2024", "Drenthe");
    media = cli.dir / "media";
    fs::create_directories(media);
    ledger = (media / "copy of ledger.db").string();
    fs::copy_file(cli.db, ledger);
    extra(*this);
    program = cli.dir / "verdeel";
    fs::copy_file(VERDEEL_BINARY, program);
    fs::permissions(program, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
    const auto readable = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
    for (const auto& f : fs::directory_iterator(media)) fs::permissions(f.path(), readable);
    fs::permissions(cli.dir, readable | fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(media, readable | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);
  }
  ~ReadOnlyCopy() {
    std::error_code ec;  // writable again, so the scratch folder can go
    fs::permissions(media, fs::perms::owner_all, fs::perm_options::add, ec);
  }

  // The program on the copy, as a user who may not write in its folder.
  Outcome run(const std::vector<std::string>& args) const {
    std::string cmd = shell_quote(program.string()) + " --db " + shell_quote(ledger);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    return as_reader(cmd);
  }

  // A shell command as that user.
  Outcome as_reader(std::string cmd) const {
    if (geteuid() == 0) cmd = "setpriv --reuid=65534 --regid=65534 --clear-groups " + cmd;
    return cli.shell(cmd);
  }

  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& f : fs::directory_iterator(media)) names.push_back(f.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

}  // namespace

TEST_CASE("Every reading command reads a ledger on read-only media and writes nothing beside it",
          "[cli][read_only]") {
  ReadOnlyCopy copy([](ReadOnlyCopy&) {});
  // The folder is read-only to the program's user: no file can be made there.
  REQUIRE(copy.as_reader("touch " + shell_quote((copy.media / "probe").string())).status != 0);

  auto v = copy.run({"verify", "-v"});
  INFO(v.err);
  REQUIRE(v.status == 0);
  CHECK(v.out.find("ok: ") != std::string::npos);
  auto log = copy.run({"log", "--limit", "3"});
  CHECK(log.status == 0);
  CHECK(log.out.find("result.decision") != std::string::npos);
  auto show = copy.run({"show", "--cycle", "2024", "--province", "Drenthe"});
  CHECK(show.status == 0);
  auto replay = copy.run({"replay", "--cycle", "2024", "--province", "Drenthe"});
  CHECK(replay.status == 0);
  auto history = copy.run({"history", "GM0106"});
  CHECK(history.status == 0);
  CHECK(copy.files() == std::vector<std::string>{"copy of ledger.db"});  // no -wal, no -shm
}

TEST_CASE("A ledger on read-only media whose write-ahead log cannot be read is refused with a clear message",
          "[cli][read_only]") {
  // A -wal file without its -shm (copied without it): SQLite would need to create the -shm.
  ReadOnlyCopy copy([](ReadOnlyCopy& c) { Cli::write(c.ledger + "-wal", ""); });
  auto v = copy.run({"verify"});
  CHECK(v.status == 2);
  CHECK(v.err.find("write-ahead log") != std::string::npos);
  CHECK(v.err.find("copy of ledger.db-wal") != std::string::npos);
  CHECK(v.err.find("copy the ledger together with its -wal file") != std::string::npos);
  CHECK(copy.files() == std::vector<std::string>{"copy of ledger.db", "copy of ledger.db-wal"});
}

TEST_CASE("A ledger reached through a link is read as the file the link leads to", "[cli][read_only]") {
  // The link lies in the read-only folder, the ledger in a folder its reader may write in. SQLite
  // puts the -wal and -shm files beside the ledger itself, so it is read the normal way (with a
  // writer's log, if one were writing), not as immutable.
  ReadOnlyCopy copy([](ReadOnlyCopy& c) {
    const fs::path real = c.cli.dir / "real";
    fs::create_directories(real);
    fs::copy_file(c.ledger, real / "ledger.db");
    fs::permissions(real, fs::perms::all);
    fs::create_symlink(real / "ledger.db", c.media / "link.db");
    c.ledger = (c.media / "link.db").string();
  });
  auto v = copy.run({"verify", "-v"});
  INFO(v.err);
  CHECK(v.status == 0);
  CHECK(fs::exists(copy.cli.dir / "real" / "ledger.db-shm"));  // SQLite's, beside the real file
}
