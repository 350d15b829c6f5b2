// verdeel history through the real program: one municipality across two
// cycles and a correction, with the superseded value beside the new one and
// the runs that used each; show --run makes the superseded run visible.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"

using verdeel::testing::Cli;
using verdeel::testing::slurp;
using Json = nlohmann::json;

namespace {
void ok(const Cli& cli, const std::vector<std::string>& args) {
  auto o = cli.run(args);
  INFO(o.out << o.err);
  REQUIRE(o.status == 0);
}

// 2024 and 2026 from the Zuiderland example, then a corrected 2024 report for
// Heuvelrade (40 -> 50 regulier) decided again.
void two_cycles_and_a_correction(const Cli& cli) {
  ok(cli, {"init"});
  ok(cli, {"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")});
  ok(cli, {"decide", "--cycle", "2024", "--province", "Zuiderland"});
  ok(cli, {"import", "--cycle", "2026", Cli::example_dir("zuid-synthetisch-2024")});
  ok(cli, {"decide", "--cycle", "2026", "--province", "Zuiderland"});
  auto dir = cli.copy_example("zuid-synthetisch-2024");
  std::string verslag = slurp(dir / "verslag.csv");
  auto at = verslag.find("GM9007,40,0");
  REQUIRE(at != std::string::npos);
  verslag.replace(at, 11, "GM9007,50,0");
  Cli::write(dir / "verslag.csv", verslag);
  ok(cli, {"import", "--cycle", "2024", dir.string()});
  ok(cli, {"decide", "--cycle", "2024", "--province", "Zuiderland"});
}

const Json* find(const Json& h, const std::string& type, const std::string& cycle, int64_t run = 0) {
  for (const auto& g : h["groups"])
    if (g["type"] == type && g["cycle"] == cycle && (run == 0 || g["run"] == run)) return &g;
  return nullptr;
}
}  // namespace

TEST_CASE("history follows a municipality across two cycles and a correction, old -> new and which run used which",
          "[cli][history]") {
  Cli cli;
  two_cycles_and_a_correction(cli);
  auto o = cli.run({"history", "Heuvelrade", "--format", "json"});
  INFO(o.err);
  REQUIRE(o.status == 0);
  Json h = Json::parse(o.out);
  CHECK(h["code"] == "GM9007");
  CHECK(h["name"] == "Heuvelrade");

  // Oldest first, grouped: import 2024, run 2024/1, import 2026, run 2026/1, correction 2024, run 2024/2.
  std::vector<std::string> order;
  int64_t last = -1;
  for (const auto& g : h["groups"]) {
    order.push_back(g["type"].get<std::string>() + " " + g["cycle"].get<std::string>() +
                    (g["type"] == "run" ? " " + std::to_string(g["run"].get<int64_t>()) : ""));
    for (const auto& r : g["records"]) {
      CHECK(r["seq"].get<int64_t>() > last);
      last = r["seq"].get<int64_t>();
    }
  }
  CHECK(order == std::vector<std::string>{"import 2024", "run 2024 1", "import 2026", "run 2026 1", "import 2024",
                                          "run 2024 2"});
  // The text's first line counts the imports and the runs apart.
  auto summary = cli.run({"history", "Heuvelrade"});
  CHECK_THAT(summary.out, Catch::Contains(" in 3 imports and 3 decision runs; cycles 2024 2026"));
  auto runs_only = cli.run({"history", "Heuvelrade", "kind:result"});
  INFO(runs_only.err);
  CHECK_THAT(runs_only.out, Catch::Contains(" in 0 imports and 3 decision runs;"));

  // The correction names the record it supersedes, with the old value, and only run 2 used it.
  const Json& correction = h["groups"][4];
  CHECK(correction["corrections"] == true);
  REQUIRE(correction["records"].size() == 1);
  const Json& now = correction["records"][0];
  CHECK(now["kind"] == "input.verslag");
  CHECK(now["body"]["regulier"] == 50);
  CHECK(now["supersedes"]["body"]["regulier"] == 40);
  CHECK(now["used_by_runs"] == Json::array({2}));
  // The superseded row was used by run 1 only; the unchanged rows by both runs of 2024.
  const Json* first = find(h, "import", "2024");
  REQUIRE(first);
  for (const auto& r : (*first)["records"]) {
    if (r["kind"] == "input.verslag") CHECK(r["used_by_runs"] == Json::array({1}));
    if (r["kind"] == "input.historie") CHECK(r["used_by_runs"] == Json::array({1, 2}));
  }
  // Run 2's result shows the new outcome beside run 1's.
  const Json* run2 = find(h, "run", "2024", 2);
  REQUIRE(run2);
  bool seen = false;
  for (const auto& r : (*run2)["records"]) {
    if (r["kind"] != "result.gemeente") continue;
    seen = true;
    CHECK(r["body"]["besluit"]["regulier"] == 50);
    CHECK(r["previous_run"]["run"] == 1);
    CHECK(r["previous_run"]["besluit"]["regulier"] == 40);
  }
  CHECK(seen);

  auto text = cli.run({"history", "GM9007"});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("input.verslag: amv 0, regulier 40 → 50 (supersedes ") != std::string::npos);
  CHECK(text.out.find("2026 Zuiderland · decision run 1") != std::string::npos);
  CHECK(text.out.find("2024 Zuiderland · decision run 2") != std::string::npos);
  CHECK(text.out.find("run 1 had regulier 40, amv 0") != std::string::npos);

  // show makes the superseded run and the current one visible.
  auto old_run = cli.run({"show", "--cycle", "2024", "--province", "Zuiderland", "--run", "1", "--format", "json"});
  auto latest = cli.run({"show", "--cycle", "2024", "--province", "Zuiderland", "--format", "json"});
  REQUIRE(old_run.status == 0);
  REQUIRE(latest.status == 0);
  CHECK(old_run.out != latest.out);
  for (const auto& [out, want] : {std::pair<std::string, int>{old_run.out, 40}, {latest.out, 50}}) {
    const Json doc = Json::parse(out);  // named: a temporary would die before the loop (ASan)
    for (const auto& m : doc["municipalities"])
      if (m["code"] == "GM9007") CHECK(m["regulier"] == want);
  }
}

TEST_CASE("history filters by cycle, kind prefix and province", "[cli][history]") {
  Cli cli;
  two_cycles_and_a_correction(cli);
  auto o = cli.run({"history", "Heuvelrade", "cycle:2026", "kind:result", "--format", "json"});
  REQUIRE(o.status == 0);
  Json h = Json::parse(o.out);
  CHECK(h["count"] == 1);
  REQUIRE(h["groups"].size() == 1);
  CHECK(h["groups"][0]["records"][0]["kind"] == "result.gemeente");
  CHECK(h["groups"][0]["records"][0]["cycle"] == "2026");

  Json inputs = Json::parse(cli.run({"history", "GM9007", "kind:input", "--format", "json"}).out);
  for (const auto& g : inputs["groups"]) {
    CHECK(g["type"] == "import");
    for (const auto& r : g["records"]) CHECK(r["kind"].get<std::string>().rfind("input.", 0) == 0);
  }
  CHECK(inputs["count"] == 9);  // 4 rows per cycle and the correction
  // The text's counts are of what the filter shows, and say so.
  CHECK_THAT(cli.run({"history", "GM9007", "kind:input"}).out,
             Catch::StartsWith("History of Heuvelrade (GM9007): 9 records matching kind:input in "));

  Json none = Json::parse(cli.run({"history", "GM9007", "province:Drenthe", "--format", "json"}).out);
  CHECK(none["count"] == 0);

  auto bad = cli.run({"history", "GM9007", "colour:blue"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown query field 'colour'") != std::string::npos);
  auto unknown = cli.run({"history", "Atlantis"});
  CHECK(unknown.status == 2);
}

TEST_CASE("history of a municipality lists exchanges realised for it by others", "[cli][history]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  Json h = Json::parse(cli.run({"history", "Klaverdijk", "kind:input.uitruil", "--format", "json"}).out);
  REQUIRE(h["count"] == 1);
  const Json& r = h["groups"][0]["records"][0];
  CHECK(r["subject"] == "GM9023");  // Maasveldt realises them
  CHECK(r["body"]["voor"] == "GM9011");
}

TEST_CASE("history shows an input row withdrawn by a later import as old -> none", "[cli][history]") {
  verdeel::testing::Cli cli;
  cli.run({"init"});
  auto dir = cli.copy_example("zuid-synthetisch-2024");
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  std::string verslag = verdeel::testing::slurp(dir / "verslag.csv");
  auto at = verslag.find("GM9037,110,0\n");
  REQUIRE(at != std::string::npos);
  verslag.erase(at, 13);
  verdeel::testing::Cli::write(dir / "verslag.csv", verslag);
  auto imp = cli.run({"import", "--cycle", "2024", dir.string()});
  REQUIRE(imp.status == 0);
  CHECK_THAT(imp.out, Catch::Contains("1 withdrawn"));
  CHECK_THAT(imp.out, Catch::Contains("withdrawn: record"));
  CHECK_THAT(imp.out, Catch::Contains("(input.verslag GM9037)"));
  auto h = cli.run({"history", "Lindenweerd"});
  REQUIRE(h.status == 0);
  CHECK_THAT(h.out, Catch::Matches("(.|\n)*withdrawn: [0-9]+ [0-9a-f]{12} input.verslag: amv 0, regulier 110 → none(.|\n)*"));
  auto j = nlohmann::json::parse(cli.run({"history", "Lindenweerd", "--format", "json"}).out);
  bool found = false;
  for (const auto& g : j["groups"])
    for (const auto& r : g["records"])
      if (r.value("withdrawn", false) && r["kind"] == "input.verslag") found = true;
  CHECK(found);
}
