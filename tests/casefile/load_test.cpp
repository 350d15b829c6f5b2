#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "casefile/casefile.h"
#include "casefile/sheet.h"
#include "case_dir.h"
#include "util/sha256.h"

using verdeel::Json;
using verdeel::casefile::CaseData;
using verdeel::casefile::load_case;
using verdeel::casefile::LoadResult;
using verdeel::casefile::Problem;
using verdeel::casefile::Row;

namespace {

using Files = std::map<std::string, std::string>;

// Two provinces: Drenthe with three municipalities, Groningen with one.
Files base() {
  return {
      {"gemeenten.csv",
       "code,naam,provincie\nGM0106,Assen,Drenthe\nGM0114,Emmen,Drenthe\nGM0119,Meppel,Drenthe\nGM0014,Groningen,Groningen\n"},
      {"opgave.csv", "provincie,regulier,amv\nDrenthe,100,10\nGroningen,50,5\n"},
      {"indicatief.csv", "gemeente,regulier,amv\nAssen,40,4\nEmmen,40,4\nMeppel,20,2\nGroningen,50,5\n"},
      {"verslag.csv", "gemeente,regulier,amv\nAssen,30,2\nEmmen,50,0\nGroningen,10,1\n"},
  };
}

Files with(Files f, const std::string& name, const std::string& bytes) {
  f[name] = bytes;
  return f;
}

Files without(Files f, const std::string& name) {
  f.erase(name);
  return f;
}

LoadResult load(const Files& files) {
  CaseDir dir(files);
  return load_case(dir.str());
}

std::string file_name(const Problem& p) {
  auto slash = p.file.find_last_of('/');
  return slash == std::string::npos ? p.file : p.file.substr(slash + 1);
}

std::string all(const LoadResult& r) {
  std::string out;
  for (const auto& p : r.problems) out += p.str() + "\n";
  return out;
}

// The single problem of a load that must fail with exactly one.
Problem only_problem(const Files& files) {
  LoadResult r = load(files);
  INFO(all(r));
  REQUIRE(r.problems.size() == 1);
  CHECK_FALSE(r.data.has_value());
  return r.problems[0];
}

std::vector<const Row*> rows_of(const CaseData& d, const std::string& kind) {
  std::vector<const Row*> out;
  for (const auto& r : d.rows)
    if (r.kind == kind) out.push_back(&r);
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

// ---- valid cases -------------------------------------------------------------

TEST_CASE("the Drenthe 2024 reference case loads with 12 municipalities and its published sums", "[casefile]") {
  const std::string dir = VERDEEL_SOURCE_DIR "/examples/drenthe-2024";
  LoadResult r = load_case(dir);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  const CaseData& d = *r.data;
  CHECK(d.provinces == std::vector<std::string>{"Drenthe"});
  CHECK(rows_of(d, "input.gemeente").size() == 12);
  CHECK(rows_of(d, "input.indicatief").size() == 12);
  int64_t rep_r = 0, rep_a = 0, ind_r = 0, ind_a = 0;
  for (const Row* row : rows_of(d, "input.verslag")) {
    rep_r += row->body["regulier"].get<int64_t>();
    rep_a += row->body["amv"].get<int64_t>();
  }
  for (const Row* row : rows_of(d, "input.indicatief")) {
    ind_r += row->body["regulier"].get<int64_t>();
    ind_a += row->body["amv"].get<int64_t>();
  }
  CHECK(rep_r == 3814);
  CHECK(rep_a == 341);
  CHECK(ind_r == 2462);
  CHECK(ind_a == 229);
  auto opgave = rows_of(d, "input.opgave");
  REQUIRE(opgave.size() == 1);
  CHECK(opgave[0]->body == Json{{"provincie", "Drenthe"}, {"regulier", 2462}, {"amv", 229}});
  CHECK(d.file_sha256.size() == 4);
  CHECK(d.file_sha256.at("verslag.csv") == verdeel::to_hex(verdeel::sha256(slurp(dir + "/verslag.csv"))));
  // Names in indicatief.csv are resolved to codes.
  const Row* assen = rows_of(d, "input.indicatief")[1];
  CHECK(assen->subject == "GM0106");
  CHECK(assen->body == Json{{"gemeente", "GM0106"}, {"regulier", 341}, {"amv", 32}});
  CHECK(assen->province == "Drenthe");
  CHECK(assen->line == 3);
}

TEST_CASE("rows come in file order with the exact kinds, subjects and bodies", "[casefile]") {
  LoadResult r = load(base());
  INFO(all(r));
  REQUIRE(r.problems.empty());
  const CaseData& d = *r.data;
  CHECK(d.provinces == std::vector<std::string>{"Drenthe", "Groningen"});
  std::vector<std::string> kinds;
  for (const auto& row : d.rows)
    if (kinds.empty() || kinds.back() != row.kind) kinds.push_back(row.kind);
  CHECK(kinds == std::vector<std::string>{"input.gemeente", "input.opgave", "input.indicatief", "input.verslag"});
  const Row& g = d.rows.front();
  CHECK(g.file == "gemeenten.csv");
  CHECK(g.line == 2);
  CHECK(g.subject == "GM0106");
  CHECK(g.province == "Drenthe");
  CHECK(g.body == Json{{"code", "GM0106"}, {"naam", "Assen"}, {"provincie", "Drenthe"}});
  auto opgave = rows_of(d, "input.opgave");
  REQUIRE(opgave.size() == 2);
  CHECK(opgave[1]->province == "Groningen");
  CHECK(opgave[1]->subject.empty());
  CHECK(opgave[1]->line == 3);
  // Meppel has no report row: it gets none (the method reads that as 0).
  CHECK(rows_of(d, "input.verslag").size() == 3);
}

TEST_CASE("semicolons, a byte order mark, CRLF, quoted names and thousands separators are read", "[casefile]") {
  Files f = base();
  f["gemeenten.csv"] =
      "\xEF\xBB\xBF"
      "Code;Naam;Provincie\r\nGM0106;\"Assen; de hoofdstad, \"\"echt\"\"\";Drenthe\r\nGM0114;Emmen;Drenthe\r\n"
      "GM0119;Meppel;Drenthe\r\nGM0014;Groningen;Groningen\r\n\r\n";
  f["opgave.csv"] = "PROVINCIE;REGULIER;AMV\r\nDrenthe;1.100;10\r\nGroningen;50;5\r\n";
  f["indicatief.csv"] =
      "gemeente;regulier;amv\n\"Assen; de hoofdstad, \"\"echt\"\"\";1.040;4\nEmmen;40;4\nMeppel;20;2\nGroningen;50;5\n";
  f["verslag.csv"] = "gemeente,regulier,amv\nGM0106,30,2\n";
  LoadResult r = load(f);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  CHECK(r.data->rows[0].body["naam"] == "Assen; de hoofdstad, \"echt\"");
  CHECK(rows_of(*r.data, "input.opgave")[0]->body["regulier"] == 1100);
  CHECK(rows_of(*r.data, "input.indicatief")[0]->body == Json{{"gemeente", "GM0106"}, {"regulier", 1040}, {"amv", 4}});
}

TEST_CASE("municipalities are named by code in any letter case or by exact name", "[casefile]") {
  Files f = with(base(), "indicatief.csv",
                 "gemeente,regulier,amv\nGM0106,40,4\ngm0114,40,4\nMeppel,20,2\nGroningen,50,5\n");
  LoadResult r = load(f);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  auto ind = rows_of(*r.data, "input.indicatief");
  CHECK(ind[0]->subject == "GM0106");
  CHECK(ind[1]->subject == "GM0114");
  CHECK(ind[2]->subject == "GM0119");
}

TEST_CASE("decimals with a comma or a dot become exact rationals in the bodies", "[casefile]") {
  Files f = base();
  f["historie.csv"] = "gemeente,gemiddeld\nAssen,\"123,4\"\nEmmen,12.5\nMeppel,7\nGroningen,1.000.000\n";
  f["oekraine.csv"] = "gemeente;plaatsen;evenredig\nAssen;30;12,25\nEmmen;0,5;0\n";
  LoadResult r = load(f);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  auto hist = rows_of(*r.data, "input.historie");
  REQUIRE(hist.size() == 4);
  CHECK(hist[0]->body == Json{{"gemeente", "GM0106"}, {"gemiddeld", {{"num", 617}, {"den", 5}}}});
  CHECK(hist[1]->body["gemiddeld"] == Json{{"num", 25}, {"den", 2}});
  CHECK(hist[2]->body["gemiddeld"] == 7);
  CHECK(hist[3]->body["gemiddeld"] == 1000000);
  auto ukr = rows_of(*r.data, "input.oekraine");
  REQUIRE(ukr.size() == 2);
  CHECK(ukr[0]->body == Json{{"gemeente", "GM0106"}, {"plaatsen", 30}, {"evenredig", {{"num", 49}, {"den", 4}}}});
  CHECK(ukr[1]->body["plaatsen"] == Json{{"num", 1}, {"den", 2}});
}

TEST_CASE("an ambiguous 1.250 in a decimal column is refused with file and line", "[casefile]") {
  Files f = base();
  f["historie.csv"] = "gemeente,gemiddeld\nAssen,12\nEmmen,143.250\n";
  LoadResult r = load(f);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  CHECK_THAT(r.problems[0].str(), Catch::Contains("historie.csv:3: column gemiddeld: '143.250' is ambiguous"));
}

TEST_CASE("initiatives keep their criteria trimmed, unique and sorted, and may repeat a municipality", "[casefile]") {
  Files f = with(base(), "kansrijk.csv",
                 "gemeente,regulier,amv,criteria\n"
                 "Assen,10,0, verlenging | besluitvorming|verlenging\n"
                 "Assen,5,1,\n"
                 "Emmen,3,0,Toezegging||\n");
  LoadResult r = load(f);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  auto k = rows_of(*r.data, "input.kansrijk");
  REQUIRE(k.size() == 3);
  CHECK(k[0]->body == Json{{"gemeente", "GM0106"},
                           {"regulier", 10},
                           {"amv", 0},
                           {"criteria", {"besluitvorming", "verlenging"}}});
  CHECK(k[1]->body["criteria"] == Json::array());
  CHECK(k[2]->body["criteria"] == Json{"toezegging"});
  CHECK(k[0]->subject == "GM0106");
}

TEST_CASE("exchanges and exchange groups become records of their municipalities", "[casefile]") {
  Files f = base();
  f["uitruil.csv"] = "van,voor,categorie,plaatsen\nAssen,Meppel,regulier,20\nAssen,Meppel,regulier,10\nEmmen,Assen,amv,0\n";
  f["uitruilgroepen.csv"] = "groep,gemeente\nZuid,Emmen\nZuid,Meppel\n";
  LoadResult r = load(f);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  auto u = rows_of(*r.data, "input.uitruil");
  REQUIRE(u.size() == 3);
  CHECK(u[0]->subject == "GM0106");
  CHECK(u[0]->body == Json{{"van", "GM0106"}, {"voor", "GM0119"}, {"categorie", "regulier"}, {"plaatsen", 20}});
  auto g = rows_of(*r.data, "input.uitruilgroep");
  REQUIRE(g.size() == 2);
  CHECK(g[1]->subject == "GM0119");
  CHECK(g[1]->body == Json{{"groep", "Zuid"}, {"gemeente", "GM0119"}});
  CHECK(r.data->file_sha256.count("uitruil.csv") == 1);
}

TEST_CASE("missing optional files mean no rows of their kinds", "[casefile]") {
  LoadResult r = load(base());
  REQUIRE(r.problems.empty());
  for (const char* kind : {"input.kansrijk", "input.historie", "input.oekraine", "input.uitruil", "input.uitruilgroep",
                           "input.beleid"})
    CHECK(rows_of(*r.data, kind).empty());
  CHECK(r.data->file_sha256.size() == 4);
}

TEST_CASE("beleid.json gives one row per province with the overrides as given", "[casefile]") {
  const std::string policy = "{\"minimum_places\": 3, \"ukraine_factor\": \"2,5\", \"name\": \"proef\"}";
  LoadResult r = load(with(base(), "beleid.json", policy));
  INFO(all(r));
  REQUIRE(r.problems.empty());
  auto b = rows_of(*r.data, "input.beleid");
  REQUIRE(b.size() == 2);
  CHECK(b[0]->province == "Drenthe");
  CHECK(b[1]->province == "Groningen");
  CHECK(b[0]->subject.empty());
  CHECK(b[0]->file == "beleid.json");
  CHECK(b[0]->body == Json::parse(policy));
  CHECK(r.data->rows.back().kind == "input.beleid");
  CHECK(r.data->file_sha256.count("beleid.json") == 1);
}

TEST_CASE("beleid.json may not give the Beleidsregel's own name to other values", "[casefile]") {
  Problem p = only_problem(with(base(), "beleid.json", "{\n  \"name\": \"beleidsregel-2024\",\n  \"minimum_places\": 3\n}\n"));
  CHECK(file_name(p) == "beleid.json");
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("the name 'beleidsregel-2024' is that of the Beleidsregel's own values, from "
                                        "which this policy departs (minimum_places 3)"));
  // Its own values under its own name, or other values under another name or none, are fine.
  for (const char* ok : {"{\"name\": \"beleidsregel-2024\", \"minimum_places\": 5}", "{\"name\": \"proef\", \"minimum_places\": 3}",
                         "{\"minimum_places\": 3}"}) {
    LoadResult r = load(with(base(), "beleid.json", ok));
    INFO(ok << "\n" << all(r));
    CHECK(r.problems.empty());
  }
}

TEST_CASE("a municipality name of 10,000 characters loads, and is cut short in messages", "[casefile]") {
  const std::string longname(10000, 'a');
  Files f = base();
  f["gemeenten.csv"] += "GM9999," + longname + ",Drenthe\n";
  f["indicatief.csv"] += longname + ",1,0\n";
  LoadResult ok = load(f);
  INFO(all(ok));
  REQUIRE(ok.problems.empty());
  CHECK(ok.data->rows[4].body["naam"].get<std::string>().size() == 10000);

  f["indicatief.csv"] += longname + "b,1,0\n";
  Problem p = only_problem(f);
  CHECK(p.line == 7);
  CHECK(p.message.size() < 300);
  CHECK_THAT(p.message, Catch::Contains("unknown municipality"));
}

TEST_CASE("a problem prints as dir/file:line: message, without the line when it is 0", "[casefile]") {
  CHECK(Problem{"case/verslag.csv", 3, "bad"}.str() == "case/verslag.csv:3: bad");
  CHECK(Problem{"case/indicatief.csv", 0, "bad"}.str() == "case/indicatief.csv: bad");
  CaseDir dir(without(base(), "verslag.csv"));
  LoadResult r = load_case(dir.str());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].str() == dir.file("verslag.csv") + ": required file is missing");
}

// ---- bad input: one test per failure mode ------------------------------------------

TEST_CASE("a directory that does not exist is refused", "[casefile]") {
  LoadResult r = load_case("/nonexistent/verdeel/case");
  REQUIRE(r.problems.size() == 1);
  CHECK_FALSE(r.data.has_value());
  CHECK_THAT(r.problems[0].message, Catch::Contains("not a directory"));
}

TEST_CASE("an unknown municipality is refused at its line", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nAssen,30,2\nZwolle,1,1\n"));
  CHECK(file_name(p) == "verslag.csv");
  CHECK(p.line == 3);
  CHECK_THAT(p.message, Catch::Contains("unknown municipality 'Zwolle'"));
}

TEST_CASE("a name differing only in letter case is unknown, with a hint", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nassen,30,2\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("unknown municipality 'assen'") && Catch::Contains("did you mean 'Assen'"));
}

TEST_CASE("a province with municipalities but no task is refused at opgave.csv", "[casefile]") {
  Problem p = only_problem(with(base(), "opgave.csv", "provincie,regulier,amv\nDrenthe,100,10\n"));
  CHECK(file_name(p) == "opgave.csv");
  CHECK(p.line == 0);
  CHECK_THAT(p.message, Catch::Contains("'Groningen'") && Catch::Contains("no task"));
  // It names where that province is written, and the task it most likely is: a slip in gemeenten.csv.
  CHECK_THAT(p.message, Catch::Contains("(GM0014 (Groningen), gemeenten.csv line 5)"));
  Files slip = base();
  slip["gemeenten.csv"] += "GM0118,Hoogeveen,Drente\n";
  slip["indicatief.csv"] += "Hoogeveen,1,0\n";
  Problem s = only_problem(slip);
  CHECK(file_name(s) == "opgave.csv");
  CHECK_THAT(s.message, Catch::Contains("province 'Drente' (GM0118 (Hoogeveen), gemeenten.csv line 6) has municipalities "
                                        "but no task (no row here); did you mean 'Drenthe' (line 2)?"));
}

TEST_CASE("a task for an unknown province is refused", "[casefile]") {
  Files f = base();
  f["opgave.csv"] += "Friesland,10,1\n";
  Problem p = only_problem(f);
  CHECK(file_name(p) == "opgave.csv");
  CHECK(p.line == 4);
  CHECK_THAT(p.message, Catch::Contains("unknown province 'Friesland'"));
}

TEST_CASE("a province with two tasks is refused", "[casefile]") {
  Files f = base();
  f["opgave.csv"] += "Drenthe,10,1\n";
  Problem p = only_problem(f);
  CHECK(p.line == 4);
  CHECK_THAT(p.message, Catch::Contains("'Drenthe' appears twice") && Catch::Contains("line 2"));
}

TEST_CASE("an exchange across provinces is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "uitruil.csv", "van,voor,categorie,plaatsen\nAssen,Groningen,regulier,5\n"));
  CHECK(file_name(p) == "uitruil.csv");
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("across provinces") && Catch::Contains("GM0014 (Groningen)"));
}

TEST_CASE("an exchange of a municipality with itself is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "uitruil.csv", "van,voor,categorie,plaatsen\nAssen,GM0106,regulier,5\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("GM0106 (Assen) exchanges with itself"));
}

TEST_CASE("an exchange group across provinces is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "uitruilgroepen.csv", "groep,gemeente\nG,Assen\nG,Emmen\nG,Groningen\n"));
  CHECK(file_name(p) == "uitruilgroepen.csv");
  CHECK(p.line == 4);
  CHECK_THAT(p.message, Catch::Contains("'G' across provinces"));
}

TEST_CASE("an exchange group listing a municipality twice is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "uitruilgroepen.csv", "groep,gemeente\nG,Assen\nG,Emmen\nG,GM0106\n"));
  CHECK(p.line == 4);
  CHECK_THAT(p.message, Catch::Contains("GM0106 (Assen) appears twice in group 'G'") && Catch::Contains("line 2"));
}

TEST_CASE("an exchange group of one municipality is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "uitruilgroepen.csv", "groep,gemeente\nA,Assen\nB,Emmen\nB,Meppel\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("'A' has one member"));
}

TEST_CASE("a municipality twice in a file of one row per municipality is refused", "[casefile]") {
  const std::map<std::string, std::pair<std::string, std::string>> cases = {
      {"indicatief.csv", {"gemeente,regulier,amv\nAssen,40,4\nEmmen,40,4\nMeppel,20,2\nGroningen,50,5\n", "GM0114,1,1\n"}},
      {"verslag.csv", {"gemeente,regulier,amv\nAssen,30,2\nEmmen,50,0\nGroningen,10,1\n", "GM0114,1,1\n"}},
      {"historie.csv", {"gemeente,gemiddeld\nAssen,1\nEmmen,2\nMeppel,3\nGroningen,4\n", "GM0114,1\n"}},
      {"oekraine.csv", {"gemeente,plaatsen,evenredig\nAssen,1,1\nEmmen,2,2\nMeppel,3,3\nGroningen,4,4\n", "GM0114,1,1\n"}},
  };
  for (const auto& [file, contents] : cases) {
    SECTION(file) {
      Problem p = only_problem(with(base(), file, contents.first + contents.second));
      CHECK(file_name(p) == file);
      CHECK(p.line == 6 - (file == "verslag.csv" ? 1 : 0));
      CHECK_THAT(p.message, Catch::Contains("GM0114 (Emmen) appears twice") && Catch::Contains("first at line 3"));
    }
  }
}

TEST_CASE("a municipality twice in gemeenten.csv is refused, by code or by name", "[casefile]") {
  Files f = base();
  SECTION("code") {
    f["gemeenten.csv"] += "GM0106,Assen-Noord,Drenthe\n";
    Problem p = only_problem(f);
    CHECK(file_name(p) == "gemeenten.csv");
    CHECK(p.line == 6);
    CHECK_THAT(p.message, Catch::Contains("GM0106 appears twice"));
  }
  SECTION("name") {
    f["gemeenten.csv"] += "GM0999,Assen,Drenthe\n";
    Problem p = only_problem(f);
    CHECK(p.line == 6);
    CHECK_THAT(p.message, Catch::Contains("name 'Assen' appears twice"));
  }
}

TEST_CASE("a code that is not a CBS code is refused", "[casefile]") {
  Files f = base();
  f["gemeenten.csv"] += "0106,Elders,Drenthe\n";
  Problem p = only_problem(f);
  CHECK(p.line == 6);
  CHECK_THAT(p.message, Catch::Contains("'0106' is not a CBS code"));
}

TEST_CASE("a municipality missing from indicatief.csv is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "indicatief.csv", "gemeente,regulier,amv\nAssen,40,4\nEmmen,40,4\nGroningen,50,5\n"));
  CHECK(file_name(p) == "indicatief.csv");
  CHECK(p.line == 0);
  CHECK_THAT(p.message, Catch::Contains("GM0119 (Meppel) has no row"));
}

TEST_CASE("exchanging more places than report and promising initiatives hold is refused", "[casefile]") {
  // Assen reports 30 regular places; a promising initiative adds 5, one without criteria adds nothing.
  Files f = with(base(), "kansrijk.csv", "gemeente,regulier,amv,criteria\nAssen,5,0,toezegging\nAssen,100,0,\n");
  SECTION("the sum over rows is what counts") {
    f["uitruil.csv"] = "van,voor,categorie,plaatsen\nAssen,Meppel,regulier,20\nAssen,Emmen,regulier,15\nAssen,Emmen,regulier,1\n";
    Problem p = only_problem(f);
    CHECK(file_name(p) == "uitruil.csv");
    CHECK(p.line == 4);
    CHECK_THAT(p.message, Catch::Contains("GM0106 (Assen) exchanges 36 regulier") &&
                              Catch::Contains("report (30)") && Catch::Contains("initiatives (5)"));
  }
  SECTION("per category") {
    f["uitruil.csv"] = "van,voor,categorie,plaatsen\nAssen,Meppel,regulier,35\nAssen,Meppel,amv,3\n";
    Problem p = only_problem(f);
    CHECK(p.line == 3);
    CHECK_THAT(p.message, Catch::Contains("3 amv") && Catch::Contains("report (2)"));
  }
  SECTION("exactly what it holds is fine") {
    f["uitruil.csv"] = "van,voor,categorie,plaatsen\nAssen,Meppel,regulier,35\nAssen,Meppel,amv,2\n";
    LoadResult r = load(f);
    INFO(all(r));
    CHECK(r.problems.empty());
  }
  SECTION("a municipality without a report row holds nothing") {
    f["uitruil.csv"] = "van,voor,categorie,plaatsen\nMeppel,Assen,regulier,1\n";
    Problem p = only_problem(f);
    CHECK(p.line == 2);
    CHECK_THAT(p.message, Catch::Contains("GM0119 (Meppel) exchanges 1 regulier"));
  }
}

TEST_CASE("a negative number is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nAssen,-30,2\n"));
  CHECK(file_name(p) == "verslag.csv");
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("column regulier") && Catch::Contains("'-30' is negative"));
}

TEST_CASE("a negative decimal is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "historie.csv", "gemeente,gemiddeld\nAssen,\"-1,5\"\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("column gemiddeld") && Catch::Contains("negative"));
}

TEST_CASE("a non-numeric number is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "opgave.csv", "provincie,regulier,amv\nDrenthe,honderd,10\nGroningen,50,5\n"));
  CHECK(file_name(p) == "opgave.csv");
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("'honderd' is not a number"));
}

TEST_CASE("a decimal where whole places are expected is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente;regulier;amv\nAssen;30,5;2\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("'30,5' is not a whole number"));
}

TEST_CASE("a number beyond 64 bits is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nAssen,99999999999999999999,2\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("too large"));
}

TEST_CASE("an empty number is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nAssen,30,\n"));
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("column amv") && Catch::Contains("empty"));
}

TEST_CASE("an unknown column is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv,opmerking\nAssen,30,2,x\n"));
  CHECK(file_name(p) == "verslag.csv");
  CHECK(p.line == 1);
  CHECK_THAT(p.message, Catch::Contains("unknown column 'opmerking'"));
}

TEST_CASE("a column given twice is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,AMV,amv\nAssen,30,2,2\n"));
  CHECK(p.line == 1);
  CHECK_THAT(p.message, Catch::Contains("column 'amv' appears twice"));
}

TEST_CASE("an unknown category is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "uitruil.csv", "van,voor,categorie,plaatsen\nAssen,Meppel,gezinnen,5\n"));
  CHECK(file_name(p) == "uitruil.csv");
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("unknown category 'gezinnen'"));
}

TEST_CASE("an unknown criterion is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "kansrijk.csv", "gemeente,regulier,amv,criteria\nAssen,5,0,besluitvorming|intentie\n"));
  CHECK(file_name(p) == "kansrijk.csv");
  CHECK(p.line == 2);
  CHECK_THAT(p.message, Catch::Contains("unknown criterion 'intentie'"));
}

TEST_CASE("a missing required file is refused", "[casefile]") {
  const std::string file = GENERATE(as<std::string>{}, "gemeenten.csv", "opgave.csv", "indicatief.csv", "verslag.csv");
  Problem p = only_problem(without(base(), file));
  CHECK(file_name(p) == file);
  CHECK(p.line == 0);
  CHECK_THAT(p.message, Catch::Contains("required file is missing"));
}

TEST_CASE("a missing required column is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "kansrijk.csv", "gemeente,regulier,amv\nAssen,5,0\n"));
  CHECK(file_name(p) == "kansrijk.csv");
  CHECK(p.line == 1);
  CHECK_THAT(p.message, Catch::Contains("missing column 'criteria'"));
}

TEST_CASE("a row with the wrong number of fields is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nAssen,30,2\nEmmen,50\n"));
  CHECK(file_name(p) == "verslag.csv");
  CHECK(p.line == 3);
  CHECK_THAT(p.message, Catch::Contains("2 fields"));
}

TEST_CASE("invalid UTF-8 is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", "gemeente,regulier,amv\nAssen,30,2\nEmm\xEB" "n,1,1\n"));
  CHECK(file_name(p) == "verslag.csv");
  CHECK(p.line == 3);
  CHECK_THAT(p.message, Catch::Contains("UTF-8"));
}

TEST_CASE("a known file name in the wrong letter case is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "Kansrijk.csv", "gemeente,regulier,amv,criteria\n"));
  CHECK(file_name(p) == "Kansrijk.csv");
  CHECK_THAT(p.message, Catch::Contains("'kansrijk.csv'"));
}

TEST_CASE("an unknown policy key is refused at its line in beleid.json", "[casefile]") {
  Problem p = only_problem(with(base(), "beleid.json", "{\n  \"minimum_places\": 5,\n  \"afronding\": \"x\"\n}\n"));
  CHECK(file_name(p) == "beleid.json");
  CHECK(p.line == 3);
  CHECK_THAT(p.message, Catch::Contains("unknown policy key 'afronding'"));
}

TEST_CASE("an unknown policy value is refused", "[casefile]") {
  LoadResult r = load(with(base(), "beleid.json",
                           "{\"minimum_exclusion\": \"random\",\n\"ukraine_factor\": 2.5, \"minimum_places\": -1}"));
  INFO(all(r));
  REQUIRE(r.problems.size() == 3);
  CHECK(file_name(r.problems[0]) == "beleid.json");
  CHECK_THAT(all(r), Catch::Contains("'random'") && Catch::Contains("floating-point") &&
                         Catch::Contains("minimum_places"));
}

TEST_CASE("beleid.json that is not JSON is refused at the line of the error", "[casefile]") {
  Problem p = only_problem(with(base(), "beleid.json", "{\n\"minimum_places\": 5,\n}\n"));
  CHECK(file_name(p) == "beleid.json");
  CHECK(p.line == 3);
  CHECK_THAT(p.message, Catch::Contains("not valid JSON"));
}

TEST_CASE("every problem of every file is reported, not only the first", "[casefile]") {
  Files f = base();
  f["opgave.csv"] = "provincie,regulier,amv\nDrenthe,-1,10\n";
  f["verslag.csv"] = "gemeente,regulier,amv\nZwolle,1,1\nAssen,x,1\n";
  f["uitruil.csv"] = "van,voor,categorie,plaatsen\nAssen,Assen,amv,1\n";
  LoadResult r = load(f);
  INFO(all(r));
  CHECK_FALSE(r.data.has_value());
  REQUIRE(r.problems.size() == 5);
  CHECK(file_name(r.problems[0]) == "opgave.csv");
  CHECK(r.problems[0].line == 2);
  CHECK(file_name(r.problems[1]) == "opgave.csv");  // Groningen has no task
  CHECK(file_name(r.problems[2]) == "verslag.csv");
  CHECK(r.problems[2].line == 2);
  CHECK(r.problems[3].line == 3);
  CHECK(file_name(r.problems[4]) == "uitruil.csv");
}

TEST_CASE("a code in gemeenten.csv is recorded in upper case", "[casefile]") {
  Files f = base();
  f["gemeenten.csv"] += "gm1680,Aa en Hunze,Drenthe\n";
  f["indicatief.csv"] += "GM1680,1,0\n";
  LoadResult r = load(f);
  INFO(all(r));
  REQUIRE(r.problems.empty());
  CHECK(r.data->rows[4].subject == "GM1680");
  CHECK(r.data->rows[4].body["code"] == "GM1680");
}

TEST_CASE("a province differing only in letter case is unknown, with a hint", "[casefile]") {
  LoadResult r = load(with(base(), "opgave.csv", "provincie,regulier,amv\ndrenthe,100,10\nGroningen,50,5\n"));
  INFO(all(r));
  REQUIRE(r.problems.size() == 2);  // the unknown 'drenthe', and Drenthe without a task
  CHECK(r.problems[0].line == 2);
  CHECK_THAT(r.problems[0].message, Catch::Contains("did you mean 'Drenthe'"));
}

TEST_CASE("beleid.json nested deeper than a policy can be is refused without parsing", "[casefile]") {
  Problem p = only_problem(with(base(), "beleid.json", "{\"name\":" + std::string(100000, '[') + std::string(100000, ']') + "}"));
  CHECK(file_name(p) == "beleid.json");
  CHECK_THAT(p.message, Catch::Contains("nested"));
}

TEST_CASE("beleid.json that is not an object is refused", "[casefile]") {
  Problem p = only_problem(with(base(), "beleid.json", "[\"minimum_places\", 5]"));
  CHECK(p.line == 1);
  CHECK_THAT(p.message, Catch::Contains("JSON object"));
}

TEST_CASE("a municipality name with a line break is refused", "[casefile]") {
  Files f = base();
  f["gemeenten.csv"] += "GM1680,\"Aa en\nHunze\",Drenthe\n";
  Problem p = only_problem(f);
  CHECK(p.line == 6);
  CHECK_THAT(p.message, Catch::Contains("column naam") && Catch::Contains("line break"));
}

TEST_CASE("problems of several files come in file order, whichever file was read first", "[casefile]") {
  // The sheets are read ahead on a second core; what each reading finds is said in its turn.
  Files f = with(base(), "gemeenten.csv",
                 "code,naam,provincie\nGM0106,Assen,Drenthe\nGM0114,Emmen,Drenthe\nGM0119,Meppel,Drenthe\n"
                 "GM0014,Groningen,Groningen\n\"unterminated,x,y\n");
  f = with(f, "historie.csv", "gemeente,gemiddeld\n\"open\n");
  f = with(f, "uitruil.csv", "van,voor\nAssen,Emmen\n");  // two columns missing from the header
  f = without(f, "verslag.csv");
  for (int round = 0; round < 5; ++round) {
    LoadResult r = load(f);
    std::vector<std::string> files;
    for (const auto& p : r.problems) files.push_back(file_name(p));
    INFO(all(r));
    CHECK(files == std::vector<std::string>{"gemeenten.csv", "verslag.csv", "historie.csv", "uitruil.csv", "uitruil.csv"});
    CHECK_FALSE(r.data.has_value());
  }
}

TEST_CASE("a file of thousands of bad rows is refused with the first thousand problems listed and the rest counted",
          "[casefile]") {
  std::string verslag = "gemeente,regulier,amv\n";
  for (int i = 0; i < 2500; ++i) verslag += "GM9999,1,1\n";
  LoadResult r = load(with(base(), "verslag.csv", verslag));
  CHECK_FALSE(r.data.has_value());
  REQUIRE(r.problems.size() == verdeel::casefile::Problems::kKept);
  CHECK(r.more_problems == 2500 - verdeel::casefile::Problems::kKept);
  CHECK(r.problems.front().line == 2);
  CHECK(r.problems.back().line == static_cast<int>(verdeel::casefile::Problems::kKept) + 1);
  CHECK(r.problems.front().message.find("unknown municipality 'GM9999'") != std::string::npos);
}

TEST_CASE("a control character in a field is shown as an escape in the message, which stays whole", "[casefile]") {
  Problem p = only_problem(with(base(), "verslag.csv", std::string("gemeente,regulier,amv\nAssen,10") + '\0' + "00,0\n"));
  CHECK(p.line == 2);
  CHECK(p.message.find("'10\\x0000'") != std::string::npos);
  CHECK(p.message.find('\0') == std::string::npos);
  CHECK(p.str().find("' is not a") != std::string::npos);
}
