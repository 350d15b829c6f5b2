// verdeel whatif through the real program: records nothing, no change gives no
// differences, and a corrected history figure lets an excluded municipality
// take part again.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

using verdeel::testing::Cli;
using verdeel::testing::slurp;
using Json = nlohmann::json;

namespace {
const Json& row(const Json& j, const std::string& code) {
  for (const auto& m : j["municipalities"])
    if (m["code"] == code) return m;
  FAIL("no row for " << code);
  static Json none;
  return none;
}

Json whatif_json(const Cli& cli, std::vector<std::string> sets) {
  std::vector<std::string> args = {"whatif", "--cycle", "2024", "--province", "Zuiderland", "--format", "json"};
  for (const auto& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  auto o = cli.run(args);
  INFO(o.err);
  REQUIRE(o.status == 0);
  return Json::parse(o.out);
}
}  // namespace

TEST_CASE("whatif with a value equal to the recorded one shows no differences", "[cli][whatif]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  for (const char* set : {"minimum_places=5", "historie.GM9007=143,2", "opgave.regulier=9.305",
                                 "verslag.Heuvelrade.regulier=40", "minimum_exclusion=smallest_first"}) {
    INFO(set);
    Json j = whatif_json(cli, {set});
    CHECK(j["any_difference"] == false);
    CHECK(j["differing"] == 0);
    CHECK(j["recorded_reproduces"] == true);
    CHECK(j["changes"].size() == 1);
    CHECK(j["changes"][0]["before"] == j["changes"][0]["after"]);
  }
  auto t = cli.run({"whatif", "--cycle", "2024", "--province", "Zuiderland", "--set", "minimum_places=5"});
  CHECK(t.status == 0);
  CHECK(t.out.find("no differences") != std::string::npos);
}

TEST_CASE("a lower history figure lets Heuvelrade take part again: it gets extra places and p falls",
          "[cli][whatif]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto before = slurp(cli.db);
  Json j = whatif_json(cli, {"historie.Heuvelrade=100"});

  const Json& h = row(j, "GM9007");
  // Recorded: excluded by history 143,2 > indicative total 120, only its report of 40 regulier.
  CHECK(h["recorded"]["excluded"]["regulier"] == Json::array({"history"}));
  CHECK(h["recorded"]["besluit"] == Json{{"regulier", 40}, {"amv", 0}});
  // What-if: 100 ≤ 120, no exclusion; it takes part and gets extra places in both categories.
  CHECK(h["whatif"]["excluded"]["regulier"].empty());
  CHECK(h["whatif"]["excluded"]["amv"].empty());
  CHECK(h["whatif"]["extra"]["regulier"].get<int64_t>() > 0);
  CHECK(h["whatif"]["extra"]["amv"].get<int64_t>() > 0);
  CHECK(h["whatif"]["besluit"] == Json{{"regulier", 79}, {"amv", 6}});  // as the table shows: 40 + 39, 0 + 6
  CHECK(h["differs"] == true);
  // One more participant shares the same remainder: p falls in both categories, the remainder is unchanged.
  for (const char* c : {"regulier", "amv"}) {
    const Json& cat = j["categories"][c];
    CHECK(cat["remainder"]["recorded"] == cat["remainder"]["whatif"]);
    auto pr = cat["percentage"]["recorded"], pw = cat["percentage"]["whatif"];
    CHECK(pw["num"].get<int64_t>() * pr["den"].get<int64_t>() < pr["num"].get<int64_t>() * pw["den"].get<int64_t>());
  }
  // The places come from others: the totals stay at the task.
  int64_t rec = 0, alt = 0;
  for (const auto& m : j["municipalities"]) {
    rec += m["recorded"]["besluit"]["regulier"].get<int64_t>();
    alt += m["whatif"]["besluit"]["regulier"].get<int64_t>();
  }
  CHECK(rec == alt);
  CHECK(j["differing"].get<int64_t>() > 1);
  // Nothing was recorded: the ledger file is byte for byte the same.
  CHECK(slurp(cli.db) == before);
}

TEST_CASE("whatif refuses an unknown key, municipality or value with exit 2", "[cli][whatif]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto bad = [&](const std::string& set, const std::string& says) {
    auto o = cli.run({"whatif", "--cycle", "2024", "--province", "Zuiderland", "--set", set});
    INFO(set << ": " << o.err);
    CHECK(o.status == 2);
    CHECK(o.err.find(says) != std::string::npos);
    CHECK(o.out.empty());
  };
  bad("colour=blue", "unknown key 'colour'");
  bad("historie.Atlantis=3", "unknown municipality 'Atlantis'");
  bad("verslag.GM9007.kinderen=3", "unknown category 'kinderen'");
  bad("minimum_places=vijf", "minimum_places=vijf");
  bad("minimum_exclusion=random", "unknown value 'random'");
  bad("minimum_places", "KEY=VALUE");
  bad("opgave.regulier=-3", "opgave.regulier=-3");
}

TEST_CASE("whatif takes policy keys, Dutch decimals and several settings at once", "[cli][whatif]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  // Brakelhoven is excluded by ukraine (310 > 2 × 112,5); with a factor of 3 it is not.
  Json j = whatif_json(cli, {"ukraine_factor=3", "minimum_places=3"});
  CHECK(j["changes"].size() == 2);
  CHECK(row(j, "GM9025")["recorded"]["excluded"]["regulier"] == Json::array({"ukraine"}));
  CHECK(row(j, "GM9025")["whatif"]["excluded"]["regulier"].empty());
  // An exact Dutch decimal: 120,5 > 120 still excludes Heuvelrade, 119,9 does not.
  CHECK(row(whatif_json(cli, {"historie.GM9007=120,5"}), "GM9007")["differs"] == false);
  CHECK(row(whatif_json(cli, {"historie.GM9007=119,9"}), "GM9007")["differs"] == true);
  // Removing the row has the same effect as a low figure.
  CHECK(row(whatif_json(cli, {"historie.Heuvelrade=geen"}), "GM9007")["whatif"]["besluit"] ==
        row(whatif_json(cli, {"historie.Heuvelrade=100"}), "GM9007")["whatif"]["besluit"]);
}

TEST_CASE("without Beekdonk's promising initiative its amv places fall and the others share the remainder",
          "[cli][whatif]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto before = slurp(cli.db);
  Json j = whatif_json(cli, {"kansrijk.Beekdonk=geen"});
  REQUIRE(j["changes"].size() == 1);
  CHECK(j["changes"][0]["target"] == "kansrijk");
  CHECK(j["changes"][0]["before"].size() == 1);  // its one initiative, 24 amv, toezegging
  CHECK(j["changes"][0]["before"][0]["amv"] == 24);
  CHECK(j["changes"][0]["after"].is_null());
  CHECK(j["any_difference"] == true);
  const Json& beekdonk = row(j, "GM9003");
  CHECK(beekdonk["recorded"]["besluit"]["amv"] == 24);
  CHECK(beekdonk["whatif"]["besluit"]["amv"] == 16);  // its 24 gone; a share of the larger remainder instead
  CHECK(beekdonk["whatif"]["extra"]["amv"] == 16);
  // Taking an exchange or a group membership out is said and recomputed the same way.
  Json u = whatif_json(cli, {"uitruil.Maasveldt=geen", "uitruilgroep.Hoogmoer=geen"});
  REQUIRE(u["changes"].size() == 2);
  CHECK(u["changes"][0]["before"][0]["voor"] == "GM9011");
  CHECK(u["changes"][1]["before"][0]["groep"] == "Peelland-Oost");
  CHECK(slurp(cli.db) == before);  // nothing recorded
  auto bad = cli.run({"whatif", "--cycle", "2024", "--province", "Zuiderland", "--set", "uitruil.Maasveldt=90"});
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("uitruil.G takes only 'geen'"));
}
