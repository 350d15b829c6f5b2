// A command that only reads leaves nothing beside the ledger: no -wal or -shm file where there was
// none, and the ledger file byte for byte and in time as it was (an auditor checking a copy finds
// only the copy). src/ledger/store.cpp, ~Store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "cli/cli_fixture.h"

using namespace verdeel::testing;
namespace fs = std::filesystem;

TEST_CASE("Every reading command leaves the ledger's folder as it found it", "[cli][read_only]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto files = [&] {
    std::vector<std::string> names;
    for (const auto& f : fs::directory_iterator(cli.dir))
      if (f.path().filename().string().rfind("ledger.db", 0) == 0) names.push_back(f.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  };
  REQUIRE(files() == std::vector<std::string>{"ledger.db"});  // the writers, closing last, removed theirs
  const std::string bytes = slurp(cli.db);
  const auto time = fs::last_write_time(cli.db);
  const std::vector<std::vector<std::string>> reading = {
      {"verify", "-v"},
      {"log", "--limit", "3"},
      {"show", "--cycle", "2024", "--province", "Drenthe"},
      {"replay", "--cycle", "2024", "--province", "Drenthe"},
      {"explain", "--cycle", "2024", "--province", "Drenthe", "GM0106"},
      {"history", "GM0106"},
      {"proof", "inclusion", "3"},
      {"besluit", "--cycle", "2024", "--province", "Drenthe"},
  };
  for (const auto& args : reading) {
    CAPTURE(args.front());
    auto o = cli.run(args);
    INFO(o.err);
    CHECK(o.status == 0);
    CHECK(files() == std::vector<std::string>{"ledger.db"});
  }
  CHECK(slurp(cli.db) == bytes);
  CHECK(fs::last_write_time(cli.db) == time);
}
