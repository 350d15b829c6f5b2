// main registers only the command the command line names (src/cli/main.cpp, named_command): each
// name in the registry must be the subcommand its function adds, and everything else must behave
// as with every command registered.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli_fixture.h"

using namespace verdeel::testing;

namespace {
// The subcommands `verdeel --help` lists, in its order.
std::vector<std::string> listed_commands(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream in(help);
  std::string line;
  bool in_list = false;
  while (std::getline(in, line)) {
    if (line == "Subcommands:") {
      in_list = true;
      continue;
    }
    if (!in_list || line.size() < 3 || line.compare(0, 2, "  ") != 0) continue;
    out.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return out;
}
}  // namespace

TEST_CASE("every command runs when named alone, with --db before it or after it", "[cli][commands]") {
  Cli cli;
  Outcome help = cli.run_raw({"--help"});
  REQUIRE(help.status == 0);
  auto names = listed_commands(help.out);
  CHECK(names == std::vector<std::string>{"init", "import", "decide", "show", "explain", "besluit", "replay", "whatif",
                                          "verify", "key", "checkpoint", "history", "proof", "bundle",
                                          "verify-bundle", "log"});
  for (const auto& name : names) {
    INFO(name);
    for (const auto& args : {std::vector<std::string>{name, "--help"},
                             std::vector<std::string>{"--db", "x.db", name, "--help"},
                             std::vector<std::string>{"--db=x.db", name, "--help"}}) {
      Outcome o = cli.run_raw(args);
      CHECK(o.status == 0);
      CHECK_THAT(o.out, Catch::Contains("Usage: verdeel " + name + " "));
    }
  }
}

TEST_CASE("a command line that names no command gets the help and errors of every command", "[cli][commands]") {
  Cli cli;
  Outcome none = cli.run_raw({});
  CHECK(none.status == 2);
  CHECK_THAT(none.err, Catch::Contains("A subcommand is required"));
  Outcome typo = cli.run_raw({"deide"});
  CHECK(typo.status == 2);
  CHECK_THAT(typo.err, Catch::Contains("A subcommand is required"));
  Outcome version = cli.run_raw({"--version", "decide"});
  CHECK(version.status == 0);
  CHECK_THAT(version.out, Catch::StartsWith("verdeel "));
  // A command's name as the value of --db is the ledger's name, not the command.
  Outcome db_named_decide = cli.run_raw({"--db", "decide", "log"});
  CHECK(db_named_decide.status == 2);
  CHECK_THAT(db_named_decide.err, Catch::Contains("no ledger at 'decide'"));
}
