// decide on several cores (docs/performance.md, "decide on two cores"): the records, their order
// and every message are the same whatever the number of threads.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_fixture.h"

using verdeel::testing::Cli;

namespace {
// The ledger at cli.db copied to `name` in the same directory (after a command: no WAL left).
std::string copy_ledger(const Cli& cli, const std::string& name) {
  auto to = cli.dir / name;
  std::filesystem::copy_file(cli.db, to, std::filesystem::copy_options::overwrite_existing);
  return to.string();
}
}  // namespace

TEST_CASE("decide --all writes the same records in the same order on one thread and on several", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  // The same ledger three times (the same genesis, so equal records give equal hashes).
  std::vector<std::string> dbs = {copy_ledger(cli, "t0.db"), copy_ledger(cli, "t1.db"), copy_ledger(cli, "t3.db")};
  std::vector<std::string> threads = {"0", "1", "3"};
  std::vector<std::string> said, verified;
  for (size_t i = 0; i < dbs.size(); ++i) {
    auto d = cli.run_raw({"--db", dbs[i], "decide", "--cycle", "2024", "--all", "--threads", threads[i]});
    INFO(d.err);
    REQUIRE(d.status == 0);
    said.push_back(d.out);
    auto v = cli.run_raw({"--db", dbs[i], "verify", "--verbose"});
    REQUIRE(v.status == 0);
    verified.push_back(v.out);  // names the head's hash and the Merkle root: every record's bytes
  }
  CHECK_THAT(said[0], Catch::Matches("Drenthe 2024: run 1, [^\n]*\nZuiderland 2024: run 1, [^\n]*\n"));
  for (size_t i = 1; i < dbs.size(); ++i) {
    CHECK(said[i] == said[0]);
    CHECK(verified[i] == verified[0]);
  }
}

TEST_CASE("decide --all on several threads says 'already decided' in its place and decides the rest", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  auto d = cli.run({"decide", "--cycle", "2024", "--all", "--threads", "2"});
  REQUIRE(d.status == 0);
  CHECK_THAT(d.out, Catch::Matches("Drenthe 2024: already decided on these inputs [^\n]*\nZuiderland 2024: run 1, [^\n]*\n"));
  CHECK(cli.run({"verify"}).status == 0);
  CHECK(cli.run({"decide", "--cycle", "2024", "--all", "--threads", "65"}).status == 2);
}
