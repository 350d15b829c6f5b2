// Crash safety (LEDGER.md "Storage"): a writing command killed with SIGKILL at
// any moment leaves a ledger that SQLite finds sound, that `verify` accepts,
// and that holds either the whole command or nothing of it.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <thread>

#include "cli/cli_fixture.h"
#include "cli/spawn.h"

using namespace verdeel::testing;

namespace {

using Clock = std::chrono::steady_clock;

struct Command {
  std::string name;
  std::string template_db;  // the ledger before the command
  std::vector<std::string> args;
  int64_t before = 0, after = 0;  // record counts without and with the command
  double seconds = 0;             // how long an undisturbed run takes, start to exit
  int cut_off = 0, landed = 0, finished = 0;
};

double timed_run(const Cli& cli, const Command& c) {
  restore_ledger(c.template_db, cli.db);
  auto t0 = Clock::now();
  auto e = wait_for(spawn_verdeel(cli.db, c.args, (cli.dir / "run.log").string()));
  if (e.code != 0) throw std::runtime_error(c.name + " failed: " + slurp(cli.dir / "run.log"));
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

TEST_CASE("A killed import or decide leaves a sound ledger holding the whole command or none of it",
          "[cli][crash]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  const std::string fresh = (cli.dir / "fresh.db").string(), imported = (cli.dir / "imported.db").string();
  std::filesystem::copy_file(cli.db, fresh);
  const std::string example = Cli::example_dir("zuid-synthetisch-2024");
  REQUIRE(cli.run({"import", "--cycle", "2024", example}).status == 0);
  std::filesystem::copy_file(cli.db, imported);

  std::vector<Command> commands{
      {"import", fresh, {"import", "--cycle", "2024", example}},
      {"decide", imported, {"decide", "--cycle", "2024", "--province", "Zuiderland"}},
  };
  for (auto& c : commands) {
    c.before = inspect(c.template_db).records;
    for (int i = 0; i < 3; ++i) c.seconds = std::max(c.seconds, timed_run(cli, c));
    c.after = inspect(cli.db).records;
    REQUIRE(c.after > c.before + 10);
  }

  const unsigned seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  // Hundreds of kills; a time budget keeps slow (sanitizer) builds near a minute.
  const int per_command = 150;
  const auto deadline = Clock::now() + std::chrono::seconds(40);
  int kills = 0;
  for (int round = 0; round < per_command; ++round) {
    if (round >= 40 && Clock::now() > deadline) break;
    for (auto& c : commands) {
      restore_ledger(c.template_db, cli.db);
      // From before main() to somewhat after an undisturbed run would end.
      std::uniform_int_distribution<long> delay_us(0, static_cast<long>(c.seconds * 1.3e6));
      const long delay = delay_us(rng);
      pid_t pid = spawn_verdeel(cli.db, c.args, (cli.dir / "killed.log").string());
      std::this_thread::sleep_for(std::chrono::microseconds(delay));
      kill(pid, SIGKILL);
      Ended e = wait_for(pid);
      ++kills;
      INFO(c.name << " killed after " << delay << " us (round " << round << ")");

      LedgerFile f = inspect(cli.db);
      REQUIRE(f.integrity == "ok");
      REQUIRE((f.records == c.before || f.records == c.after));
      REQUIRE(f.max_seq == f.records - 1);
      if (!e.killed) {
        REQUIRE(e.code == 0);
        REQUIRE(f.records == c.after);
      }
      auto v = cli.run({"verify"});
      INFO(v.err);
      REQUIRE(v.status == 0);
      if (!e.killed) ++c.finished;
      else if (f.records == c.before) ++c.cut_off;
      else ++c.landed;
    }
  }
  for (const auto& c : commands) {
    INFO(c.name << ": " << c.cut_off << " cut off, " << c.landed << " killed after commit, " << c.finished
                << " finished; undisturbed run " << c.seconds << " s");
    // The kills did land at random moments: some before the command committed.
    CHECK(c.cut_off > 0);
    CHECK(c.cut_off + c.landed + c.finished >= 40);
  }
  CHECK(kills >= 80);
}

TEST_CASE("A killed init leaves either no ledger or a whole one, never a half-made file at the ledger's name",
          "[cli][crash]") {
  Cli cli;
  auto t0 = Clock::now();
  REQUIRE(wait_for(spawn_verdeel(cli.db, {"init"}, (cli.dir / "run.log").string())).code == 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const unsigned seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<long> delay_us(0, static_cast<long>(seconds * 1.3e6));
  int none = 0, whole = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  for (int round = 0; round < 100 && (round < 30 || Clock::now() < deadline); ++round) {
    for (const auto& entry : std::filesystem::directory_iterator(cli.dir))
      if (entry.path().filename().string().rfind("ledger.db", 0) == 0) std::filesystem::remove(entry.path());
    const long delay = delay_us(rng);
    pid_t pid = spawn_verdeel(cli.db, {"init"}, (cli.dir / "killed.log").string());
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    kill(pid, SIGKILL);
    wait_for(pid);
    INFO("killed after " << delay << " us (round " << round << ")");
    if (!std::filesystem::exists(cli.db)) {
      ++none;
      auto again = cli.run({"init"});  // nothing stands in the way of a new init
      INFO(again.err);
      REQUIRE(again.status == 0);
    } else {
      ++whole;
    }
    LedgerFile f = inspect(cli.db);
    REQUIRE(f.integrity == "ok");
    REQUIRE(f.records == 1);  // the genesis record
    auto v = cli.run({"verify"});
    INFO(v.err);
    REQUIRE(v.status == 0);
  }
  INFO(none << " left no ledger, " << whole << " a whole one");
  CHECK(none > 0);
}

TEST_CASE("init names the leftovers of an interrupted init beside the ledger", "[cli][crash]") {
  Cli cli;
  Cli::write(cli.dir / "ledger.db.init-0123abcd", "half");
  auto o = cli.run({"init"});
  CHECK(o.status == 0);
  CHECK_THAT(o.err, Catch::Contains("note: an earlier init was interrupted and left 1 file beside the ledger, safe to "
                                    "delete: "));
  CHECK_THAT(o.err, Catch::Contains("ledger.db.init-0123abcd"));
  std::filesystem::remove(cli.dir / "ledger.db.init-0123abcd");
  std::filesystem::remove(cli.db);
  CHECK(cli.run({"init"}).err.empty());
}
