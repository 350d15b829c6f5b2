// verdeel explain through the real program: for every municipality of both
// examples, its figures agree with `show`, and every record it cites exists
// and really holds the figures the line states.
#include <catch2/catch.hpp>
#include <filesystem>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli_fixture.h"

using verdeel::testing::Cli;
using Json = nlohmann::json;

namespace {
Json json_of(const Cli& cli, const std::vector<std::string>& args) {
  auto o = cli.run(args);
  INFO(o.err);
  REQUIRE(o.status == 0);
  return Json::parse(o.out);
}

// The first cited record of a line that has `kind`.
const Json* cited(const Json& line, const std::map<int64_t, Json>& log, const std::string& kind) {
  for (const auto& c : line["records"]) {
    const Json& r = log.at(c["seq"].get<int64_t>());
    if (r["kind"] == kind) return &r;
  }
  return nullptr;
}

void check_every_municipality(const std::string& example, const std::string& province) {
  Cli cli;
  cli.decided(example, province);
  Json show = json_of(cli, {"show", "--cycle", "2024", "--province", province, "--format", "json"});
  std::map<int64_t, Json> log;
  for (const auto& r : json_of(cli, {"log", "--format", "json"})) log[r["seq"].get<int64_t>()] = r;

  for (const auto& m : show["municipalities"]) {
    const std::string code = m["code"].get<std::string>();
    INFO(example << " " << code << " " << m["name"]);
    Json e = json_of(cli, {"explain", "--cycle", "2024", "--province", province, code, "--format", "json"});
    // The figures agree with show.
    CHECK(e["final"]["regulier"] == m["regulier"]);
    CHECK(e["final"]["amv"] == m["amv"]);
    CHECK(e["final"]["totaal"] == m["totaal"]);
    CHECK(e["extra"] == m["extra"]);
    CHECK(e["excluded"] == m["excluded"]);
    CHECK(e["warnings"].empty());

    std::map<std::string, std::vector<std::string>> held;  // category -> rules that held, from the lines
    for (const auto& l : e["lines"]) {
      INFO(l.dump());
      // Every line names at least one record, and each one exists with that hash.
      REQUIRE(!l["records"].empty());
      CHECK(!l["rule"].get<std::string>().empty());
      for (const auto& c : l["records"]) {
        REQUIRE(log.count(c["seq"].get<int64_t>()));
        CHECK(log.at(c["seq"].get<int64_t>())["hash"] == c["hash"]);
        CHECK(log.at(c["seq"].get<int64_t>())["kind"] == c["kind"]);
      }
      const Json& f = l["figures"];
      const std::string what = l["what"].get<std::string>();
      if (what == "indicatief") {
        const Json* r = cited(l, log, "input.indicatief");
        REQUIRE(r);
        CHECK((*r)["body"]["regulier"] == f["regulier"]);
        CHECK((*r)["body"]["amv"] == f["amv"]);
      } else if (what == "historie" && !f["gemiddeld"].is_null()) {
        const Json* r = cited(l, log, "input.historie");
        REQUIRE(r);
        CHECK((*r)["body"]["gemiddeld"] == f["gemiddeld"]);
      } else if (what == "basis") {
        const Json* r = cited(l, log, "step.basis");
        REQUIRE(r);
        CHECK((*r)["body"]["basis"] == f["basis"]);
        CHECK((*r)["subject"] == code);
      } else if (what == "rule") {
        if (l["holds"] == true) {
          const Json* r = cited(l, log, "step.exclusion");
          REQUIRE(r);  // a rule that held cites its exclusion record ...
          CHECK((*r)["body"]["rule"] == f["rule"]);
          CHECK((*r)["body"]["categorie"] == l["categorie"]);
          CHECK((*r)["subject"] == code);
          for (auto it = (*r)["body"]["figures"].begin(); it != (*r)["body"]["figures"].end(); ++it)
            CHECK(f[it.key()] == it.value());  // ... and states its figures
          held[l["categorie"].get<std::string>()].push_back(f["rule"].get<std::string>());
        } else {
          CHECK(cited(l, log, "step.exclusion") == nullptr);
        }
      } else if (what == "below_minimum") {
        const Json* r = cited(l, log, "step.exclusion");
        REQUIRE(r);
        CHECK((*r)["body"]["rule"] == "below_minimum");
        CHECK((*r)["body"]["figures"]["e"] == f["e"]);
        held[l["categorie"].get<std::string>()].push_back("below_minimum");
      } else if (what == "share" || what == "rounding") {
        const Json* r = cited(l, log, "step.aandeel");
        REQUIRE(r);
        CHECK((*r)["subject"] == code);
        CHECK((*r)["body"]["exact"] == f["exact"]);
        if (what == "rounding") {
          CHECK((*r)["body"]["rounded"] == f["rounded"]);
          CHECK(f["rounded"] == m["extra"][l["categorie"].get<std::string>()]);
        }
      } else if (what == "percentage") {
        const Json* r = cited(l, log, "step.percentage");
        REQUIRE(r);
        CHECK((*r)["body"]["p"] == f["p"]);
        const Json& sp = show["percentage"][l["categorie"].get<std::string>()];
        if (sp.is_null()) CHECK(f["p"].is_null());
        else CHECK(f["p"] == Json{{"num", sp["num"]}, {"den", sp["den"]}});
      } else if (what == "besluit") {
        const Json* r = cited(l, log, "result.gemeente");
        REQUIRE(r);
        CHECK((*r)["subject"] == code);
        CHECK((*r)["body"]["besluit"] == f["besluit"]);
        CHECK(f["besluit"]["regulier"] == m["regulier"]);
        CHECK(f["besluit"]["amv"] == m["amv"]);
      }
    }
    // The rules that held, in the lines, are exactly the exclusions show lists.
    for (const char* c : {"regulier", "amv"}) {
      auto want = m["excluded"][c].get<std::vector<std::string>>();
      CHECK(held[c] == want);
    }
  }
}
}  // namespace

TEST_CASE("explain agrees with show and its cited records for every municipality of Zuiderland",
          "[cli][explain]") {
  check_every_municipality("zuid-synthetisch-2024", "Zuiderland");
}

TEST_CASE("explain agrees with show and its cited records for every municipality of Drenthe", "[cli][explain]") {
  check_every_municipality("drenthe-2024", "Drenthe");
}

TEST_CASE("explain in Dutch names on every line a record and the rule, also for rules that did not hold",
          "[cli][explain]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto o = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "Schaijkenbroek"});
  REQUIRE(o.status == 0);
  std::regex cite(R"(\[\d+ [0-9a-f]{12}(, \d+ [0-9a-f]{12})* \| (Toelichting|Wet|Beleidsregel)[^\]]*\]$)");
  std::istringstream in(o.out);
  int lines = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  - ", 0) != 0) continue;
    ++lines;
    INFO(line);
    CHECK(std::regex_search(line, cite));
  }
  CHECK(lines > 15);
  // Schaijkenbroek's history 130,0 is not strictly more than its indicative total 130: no exclusion.
  CHECK(o.out.find("historie 130 ≤ indicatief totaal 130 (strikt groter vereist): geen uitsluiting") != std::string::npos);
  CHECK(o.out.find("Toelichting voor Schaijkenbroek (GM9027)") != std::string::npos);
  CHECK(o.out.find("percentage p = 3175/4382 ≈ 72,46%") != std::string::npos);
  // The policy line names every value of the policy record, the rounding and its tie rule too.
  CHECK_THAT(o.out, Catch::Contains("category_order regulier,amv, rounding largest_remainder, tie_break "
                                    "indicative_desc,code_asc  [132 "));

  auto en = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "GM9027", "--lang", "en"});
  REQUIRE(en.status == 0);
  CHECK(en.out.find("Explanation for Schaijkenbroek (GM9027)") != std::string::npos);
  CHECK(en.out.find("history 130 ≤ indicative total 130") != std::string::npos);
  CHECK(en.out.find("72.46%") != std::string::npos);
  // The English besluit's words: "regular", and municipalities that "provide" places.
  CHECK_THAT(en.out, Catch::Contains("Indicative distribution: regular 119, amv 11, total 130"));
  CHECK_THAT(en.out, Catch::Contains("Decision: regular base 70 + extra 16 = 86; amv base 0 + extra 7 = 7; total 93"));
  CHECK_THAT(en.out, Catch::Contains("exchange: task provided by others (exchange_full): provided for it by others 0"));
  // "regulier" is left only where it is a recorded value: the policy's category_order.
  std::istringstream en_lines(en.out);
  for (std::string line; std::getline(en_lines, line);) {
    INFO(line);
    if (line.find("category_order") == std::string::npos) CHECK(line.find("regulier") == std::string::npos);
    CHECK(line.find("realise") == std::string::npos);
  }
}

TEST_CASE("explain of Heuvelrade shows its history exclusion with the figures compared", "[cli][explain]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto o = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "heuvelrade"});
  REQUIRE(o.status == 0);
  CHECK(o.out.find("regulier, uitzonderlijke historische bijdrage (history): historie 143,2 > indicatief totaal 120") !=
        std::string::npos);
  CHECK(o.out.find("toegerekend totaal 40 < indicatief totaal 120: geen uitsluiting") != std::string::npos);
  CHECK(o.out.find("Besluit: regulier basis 40 + extra 0 = 40") != std::string::npos);
}

TEST_CASE("explain of an unknown municipality or one of another province is a usage error", "[cli][explain]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto o = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "Atlantis"});
  CHECK(o.status == 2);
  CHECK(o.err.find("unknown municipality 'Atlantis'") != std::string::npos);
}

TEST_CASE("explain says when a rounding tie at the border was decided by indicative number and CBS code", "[cli][explain]") {
  verdeel::testing::Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  // Steenwaard (GM9031) and Hoogmoer share the amv fraction 94/207 at the border; the code decides.
  for (const char* g : {"Steenwaard", "Hoogmoer"}) {
    auto o = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", g});
    REQUIRE(o.status == 0);
    CHECK_THAT(o.out, Catch::Contains("gelijke stand is beslist op het grotere indicatieve aantal, daarna de kleinere CBS-code"));
    // The other side of the tie is named, with what the tie rule weighed.
    const std::string other = std::string(g) == "Steenwaard" ? "gelijke rest met Hoogmoer (GM" : "gelijke rest met Steenwaard (GM9031, indicatief ";
    CHECK_THAT(o.out, Catch::Contains(other));
  }
  auto en = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "Steenwaard", "--lang", "en"});
  CHECK_THAT(en.out, Catch::Contains("a tie with Hoogmoer (GM"));
  auto json = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "Hoogmoer", "--format", "json"});
  CHECK_THAT(json.out, Catch::Contains("\"tied_at_border\""));
  CHECK_THAT(json.out, Catch::Contains("\"GM9031\""));
  auto other = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "Maasveldt"});
  CHECK_THAT(other.out, !Catch::Contains("gelijke stand"));
}

TEST_CASE("a name two provinces' municipalities share is taken in the province given, or refused as ambiguous",
          "[cli][explain]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  // Bergen (NH.) and Bergen (L.), written both as "Bergen": here Assen in Drenthe and Hulstrode in Zuiderland.
  auto rename = [&](const std::string& example, const std::string& as, const std::string& from) {
    auto dir = cli.copy_example(example, as);
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".csv") continue;
      std::string text = verdeel::testing::slurp(entry.path().string());
      for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.replace(at, from.size(), "Bergen");
      Cli::write(entry.path(), text);
    }
    REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  };
  rename("drenthe-2024", "d", "Assen");
  rename("zuid-synthetisch-2024", "z", "Hulstrode");
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--all"}).status == 0);
  auto d = cli.run({"explain", "--cycle", "2024", "--province", "Drenthe", "Bergen"});
  CHECK(d.status == 0);
  CHECK_THAT(d.out, Catch::Contains("Toelichting voor Bergen (GM0106), Drenthe 2024"));
  auto z = cli.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "bergen"});
  CHECK(z.status == 0);
  CHECK_THAT(z.out, Catch::Contains("Toelichting voor Bergen (GM9005), Zuiderland 2024"));
  auto h = cli.run({"history", "Bergen"});
  CHECK(h.status == 2);
  CHECK_THAT(h.err, Catch::Contains("'Bergen' names more than one municipality: GM0106 (Drenthe), GM9005 (Zuiderland); "
                                    "give the CBS code"));
  CHECK(cli.run({"history", "GM9005"}).status == 0);
}

