// Concurrency (LEDGER.md "Storage"): writers take turns through BEGIN
// IMMEDIATE and the busy timeout, so two commands writing at once never fork
// the chain; a writer that cannot get its turn fails with a clear message and
// changes nothing.
#include <catch2/catch.hpp>

#include "cli/cli_fixture.h"
#include "cli/spawn.h"

using namespace verdeel::testing;

namespace {

// Starts every command at once and waits for all; returns their logs.
std::vector<std::pair<Ended, std::string>> race(const Cli& cli, const std::vector<std::vector<std::string>>& cmds) {
  std::vector<pid_t> pids;
  for (size_t i = 0; i < cmds.size(); ++i)
    pids.push_back(spawn_verdeel(cli.db, cmds[i], (cli.dir / ("race" + std::to_string(i) + ".log")).string()));
  std::vector<std::pair<Ended, std::string>> out;
  for (size_t i = 0; i < pids.size(); ++i)
    out.emplace_back(wait_for(pids[i]), slurp(cli.dir / ("race" + std::to_string(i) + ".log")));
  return out;
}

int64_t count_kind(const std::string& db, const std::string& kind) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement q(d, "SELECT COUNT(*) FROM record WHERE kind = ?");
  q.bind(1, kind);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("Imports and decisions started at the same moment take turns and keep one chain", "[cli][concurrency]") {
  Cli cli;
  const std::string drenthe = Cli::example_dir("drenthe-2024"), zuid = Cli::example_dir("zuid-synthetisch-2024");
  // The record counts each command adds when it runs alone.
  cli.decided("drenthe-2024", "Drenthe");
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  const int64_t alone = inspect(cli.db).records;

  for (int round = 0; round < 8; ++round) {
    INFO("round " << round);
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(cli.db + ext);
    REQUIRE(cli.run({"init"}).status == 0);

    for (const auto& [e, log] : race(cli, {{"import", "--cycle", "2024", drenthe}, {"import", "--cycle", "2024", zuid},
                                            {"import", "--cycle", "2024", drenthe}})) {
      INFO(log);
      REQUIRE_FALSE(e.killed);
      REQUIRE(e.code == 0);
    }
    // The third import found the first one's inputs in force and added nothing.
    REQUIRE(count_kind(cli.db, "input.set") == 2);
    for (const auto& [e, log] :
         race(cli, {{"decide", "--cycle", "2024", "--province", "Drenthe"},
                    {"decide", "--cycle", "2024", "--province", "Zuiderland"},
                    {"decide", "--cycle", "2024", "--all"}})) {
      INFO(log);
      REQUIRE(e.code == 0);
    }
    // One run per province, whoever came first; the late one saw it was decided.
    REQUIRE(count_kind(cli.db, "decision.start") == 2);
    LedgerFile f = inspect(cli.db);
    REQUIRE(f.integrity == "ok");
    REQUIRE(f.records == alone);
    REQUIRE(f.max_seq == alone - 1);
    auto v = cli.run({"verify"});
    INFO(v.err);
    REQUIRE(v.status == 0);
  }
}

TEST_CASE("A writer waits while another command holds the ledger, and proceeds when it is free",
          "[cli][concurrency]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  pid_t pid;
  {
    SQLite::Database holder(cli.db, SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    pid = spawn_verdeel(cli.db, {"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")},
                        (cli.dir / "waiting.log").string());
    usleep(700 * 1000);
    REQUIRE(inspect(cli.db).records == 1);
    holder.exec("ROLLBACK");
  }
  Ended e = wait_for(pid);
  INFO(slurp(cli.dir / "waiting.log"));
  REQUIRE(e.code == 0);
  REQUIRE(inspect(cli.db).records > 1);
  REQUIRE(cli.run({"verify"}).status == 0);
}

TEST_CASE("A writer that cannot get its turn fails with a clear message and records nothing", "[cli][concurrency]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  SQLite::Database holder(cli.db, SQLite::OPEN_READWRITE);
  holder.exec("BEGIN IMMEDIATE");
  // Held longer than the program's busy timeout (10 s). Meanwhile a decide for a province that has
  // no inputs: it begins its transaction before it looks for provinces, so it says busy too.
  const auto decide_log = (cli.dir / "decide.log").string();
  pid_t decide = spawn_verdeel(cli.db, {"decide", "--cycle", "2024", "--province", "Nowhere"}, decide_log);
  auto o = cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")});
  Ended decided = wait_for(decide);
  holder.exec("ROLLBACK");
  REQUIRE(o.status == 2);
  REQUIRE_THAT(o.err, Catch::Contains("busy") && Catch::Contains("another command is writing"));
  CHECK_FALSE(decided.killed);
  CHECK(decided.code == 2);
  CHECK_THAT(slurp(decide_log), Catch::Contains("busy") && Catch::Contains("another command is writing"));
  REQUIRE(inspect(cli.db).records == 1);
  REQUIRE(cli.run({"verify"}).status == 0);
}
