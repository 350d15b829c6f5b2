// Import through the real program: every refusal of INTERFACE.md gives
// `file:line: problem`, exit 2, and leaves the ledger as it was.
#include <catch2/catch.hpp>

#include <map>
#include <tuple>

#include "cli_fixture.h"
#include "util/canonical_json.h"

using verdeel::testing::Cli;
using verdeel::testing::Outcome;
using verdeel::testing::slurp;

namespace {

struct BadCase {
  const char* name;
  const char* file;      // file to write (relative to the case dir); "-" removes `remove`
  const char* content;   // its new content
  const char* expected;  // substring of stderr, with file:line
};

// Each case starts from the Drenthe example and breaks one thing.
const BadCase kCases[] = {
    {"unknown municipality", "verslag.csv", "gemeente,regulier,amv\nAssen,1000,0\nAtlantis,5,0\n",
     "verslag.csv:3: column gemeente: unknown municipality 'Atlantis'"},
    {"province without a task", "opgave.csv", "provincie,regulier,amv\nGroningen,10,1\n", "opgave.csv"},
    {"municipality twice", "indicatief.csv",
     "gemeente,regulier,amv\nAa en Hunze,127,12\nAssen,341,32\nBorger-Odoorn,126,12\nCoevorden,175,16\n"
     "De Wolden,121,11\nEmmen,530,49\nHoogeveen,275,26\nMeppel,172,16\nMidden-Drenthe,166,15\nNoordenveld,162,15\n"
     "Tynaarlo,169,16\nWesterveld,98,9\nAssen,1,1\n",
     "indicatief.csv:14:"},
    {"municipality missing from indicatief", "indicatief.csv", "gemeente,regulier,amv\nAssen,341,32\n",
     "indicatief.csv"},
    {"negative number", "verslag.csv", "gemeente,regulier,amv\nAssen,-5,0\n", "verslag.csv:2:"},
    {"non-numeric number", "verslag.csv", "gemeente,regulier,amv\nAssen,veel,0\n", "verslag.csv:2: column regulier"},
    {"unknown column", "verslag.csv", "gemeente,regulier,amv,opmerking\nAssen,1000,0,x\n", "verslag.csv:1:"},
    {"missing required column", "verslag.csv", "gemeente,regulier\nAssen,1000\n", "verslag.csv:1:"},
    {"unknown criterion", "kansrijk.csv", "gemeente,regulier,amv,criteria\nAssen,10,0,beloofd\n", "kansrijk.csv:2:"},
    {"unknown category", "uitruil.csv", "van,voor,categorie,plaatsen\nAssen,Emmen,bijzonder,10\n", "uitruil.csv:2:"},
    {"exchange with itself", "uitruil.csv", "van,voor,categorie,plaatsen\nAssen,Assen,regulier,10\n", "uitruil.csv:2:"},
    {"exchange beyond the report", "uitruil.csv", "van,voor,categorie,plaatsen\nAa en Hunze,Emmen,regulier,88\n",
     "uitruil.csv:2:"},
    {"exchange group with a member twice", "uitruilgroepen.csv", "groep,gemeente\nnoord,Assen\nnoord,Assen\n",
     "uitruilgroepen.csv:3:"},
    {"unknown policy key", "beleid.json", "{\"minimum_plaatsen\": 3}\n", "beleid.json"},
    {"unknown policy value", "beleid.json", "{\"minimum_exclusion\": \"random\"}\n", "beleid.json"},
    {"invalid UTF-8", "verslag.csv", "gemeente,regulier,amv\nAss\xff\xfen,1000,0\n", "verslag.csv:2:"},
    // An input under a name a slip away from its own would not be read, and its rule not applied.
    {"an input file with an accent in its name", "oekra\xC3\xAFne.csv", "gemeente,plaatsen,evenredig\nAssen,500,10\n",
     "oekra\xC3\xAFne.csv: not an input file, so it would not be read; did you mean 'oekraine.csv'?"},
    {"an input file named in the singular", "uitruilgroep.csv", "groep,gemeente\nnoord,Assen\nnoord,Emmen\n",
     "uitruilgroep.csv: not an input file, so it would not be read; did you mean 'uitruilgroepen.csv'?"},
    {"an input file with a capital", "Historie.csv", "gemeente,gemiddeld\nAssen,900\n",
     "Historie.csv: file name must be 'historie.csv' exactly (lower case)"},
    {"a spreadsheet without its CSV export", "historie.xlsx", "PK", "historie.xlsx: verdeel reads CSV, not spreadsheets"},
};

}  // namespace

TEST_CASE("every bad input is refused whole with file:line, exit 2, and the ledger unchanged", "[cli][import]") {
  for (const auto& bad : kCases) {
    DYNAMIC_SECTION(bad.name) {
      Cli cli;
      REQUIRE(cli.run({"init"}).status == 0);
      auto before = slurp(cli.db);
      auto dir = cli.copy_example("drenthe-2024");
      Cli::write(dir / bad.file, bad.content);
      Outcome o = cli.run({"import", "--cycle", "2024", dir.string()});
      CHECK(o.status == 2);
      CHECK_THAT(o.err, Catch::Contains(bad.expected));
      CHECK_THAT(o.err, Catch::Contains("nothing was recorded"));
      CHECK(o.out.empty());
      CHECK(slurp(cli.db) == before);
      CHECK(cli.run({"log", "--format", "json"}).out.find("input.") == std::string::npos);
    }
  }
}

TEST_CASE("a missing required file is named", "[cli][import]") {
  for (const char* file : {"gemeenten.csv", "opgave.csv", "indicatief.csv", "verslag.csv"}) {
    DYNAMIC_SECTION(file) {
      Cli cli;
      cli.run({"init"});
      auto dir = cli.copy_example("drenthe-2024");
      std::filesystem::remove(dir / file);
      Outcome o = cli.run({"import", "--cycle", "2024", dir.string()});
      CHECK(o.status == 2);
      CHECK_THAT(o.err, Catch::Contains(file));
    }
  }
}

TEST_CASE("import records one record per input row and an input set", "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  Outcome o = cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")});
  REQUIRE(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("Drenthe 2024: 37 new input records"));
  auto log = verdeel::Json::parse(cli.run({"log", "--format", "json"}).out);
  std::map<std::string, int> kinds;
  for (const auto& r : log) kinds[r["kind"].get<std::string>()]++;
  CHECK(kinds["input.gemeente"] == 12);
  CHECK(kinds["input.indicatief"] == 12);
  CHECK(kinds["input.verslag"] == 12);
  CHECK(kinds["input.opgave"] == 1);
  CHECK(kinds["input.set"] == 1);
  for (const auto& r : log)
    if (r["kind"] == "input.verslag") CHECK(r["subject"].get<std::string>().rfind("GM", 0) == 0);
}

TEST_CASE("import says which inputs it read, which are absent, and which files of the folder it did not read",
          "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  auto dir = cli.copy_example("drenthe-2024");
  Cli::write(dir / "brief-provincie.pdf", "%PDF-1.4");
  Cli::write(dir / "verslag_correctie.csv", "gemeente,regulier,amv\nAssen,900,0\n");
  Cli::write(dir / "z\x1b[31mred\nline.txt", "a name with a terminal escape and a line break");
  Outcome o = cli.run({"import", "--cycle", "2024", dir.string()});
  REQUIRE(o.status == 0);
  // A file's name is shown escaped, as every value from the case is: one line, no escape codes.
  CHECK_THAT(o.err, Catch::Contains("z\\x1b[31mred\\nline.txt"));
  CHECK(o.err.find('\x1b') == std::string::npos);
  CHECK_THAT(o.out, Catch::Contains("read gemeenten.csv, opgave.csv, indicatief.csv, verslag.csv; absent, so none: "
                                    "kansrijk.csv, historie.csv, oekraine.csv, uitruil.csv, uitruilgroepen.csv; no "
                                    "beleid.json, so the Beleidsregel's own values\n"));
  CHECK_THAT(o.err, Catch::Contains("note: not read, as no input file has its name: README.md, brief-provincie.pdf, "
                                    "expected.json, verslag_correctie.csv, z\\x1b[31mred\\nline.txt\n"));
}

TEST_CASE("a municipality recorded in one province of a cycle is refused in another", "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  // The same municipalities under another spelling of the province would get a second decision.
  auto dir = cli.copy_example("drenthe-2024");
  for (const auto& [f, from, to] : {std::tuple<const char*, const char*, const char*>{"gemeenten.csv", ",Drenthe\n", ",Drente\n"},
                                    {"opgave.csv", "\nDrenthe,", "\nDrente,"}}) {
    std::string text = slurp((dir / f).string());
    const std::string a = from, b = to;
    for (auto at = text.find(a); at != std::string::npos; at = text.find(a, at)) text.replace(at, a.size(), b);
    Cli::write(dir / f, text);
  }
  const std::string before = slurp(cli.db);
  auto o = cli.run({"import", "--cycle", "2024", dir.string()});
  CHECK(o.status == 2);
  CHECK_THAT(o.err, Catch::Contains("gemeenten.csv:3: GM0106 (Assen) is recorded in province 'Drenthe' for cycle 2024, "
                                    "not in 'Drente': a municipality belongs to one province"));
  CHECK_THAT(o.err, Catch::Contains("nothing was recorded"));
  CHECK(slurp(cli.db) == before);
  CHECK_THAT(o.err, Catch::Contains("import this case with --replaces 'Drenthe'"));
  // In another cycle it is its own.
  CHECK(cli.run({"import", "--cycle", "2026", dir.string()}).status == 0);
  // A name spelled wrong is corrected with --replaces: the case comes in and the other province's inputs are
  // withdrawn, in one transaction; decide leaves that province be, and its earlier run says it no longer stands.
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--all"}).status == 0);
  CHECK(cli.run({"import", "--cycle", "2024", "--replaces", "Atlantis", dir.string()}).status == 2);
  CHECK(cli.run({"import", "--cycle", "2024", "--replaces", "Drente", dir.string()}).status == 2);  // itself
  auto replaced = cli.run({"import", "--cycle", "2024", "--replaces", "Drenthe", dir.string()});
  INFO(replaced.out << replaced.err);
  REQUIRE(replaced.status == 0);
  CHECK_THAT(replaced.out, Catch::Contains("Drente 2024: 37 new input records"));
  CHECK_THAT(replaced.out, Catch::Contains("Drenthe 2024: replaced by this case (--replaces): all 37 inputs withdrawn"));
  auto decided = cli.run({"decide", "--cycle", "2024", "--all"});
  REQUIRE(decided.status == 0);
  CHECK_THAT(decided.out, Catch::Contains("Drenthe 2024: no inputs in force (all withdrawn, input set "));
  CHECK_THAT(decided.out, Catch::Contains("Drente 2024: run 1, records "));
  auto old = cli.run({"show", "--cycle", "2024", "--province", "Drenthe"});
  CHECK_THAT(old.out, Catch::Contains("LET OP: na berekening 1 is alle invoer van deze provincie ingetrokken"));
  CHECK_THAT(old.err, Catch::Contains("note: every input of Drenthe 2024 was withdrawn after run 1"));
  auto json = verdeel::Json::parse(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "json"}).out);
  CHECK(json["newer_inputs"]["withdrawn"] == true);
  CHECK(cli.run({"verify"}).status == 0);
}

TEST_CASE("importing the same case again records nothing new", "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")});
  auto before = slurp(cli.db);
  Outcome o = cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")});
  CHECK(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("unchanged"));
}

TEST_CASE("a corrected row is a new record that names the one it supersedes", "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  auto dir = cli.copy_example("drenthe-2024");
  cli.run({"import", "--cycle", "2024", dir.string()});
  std::string verslag = slurp(dir / "verslag.csv");
  verslag.replace(verslag.find("Meppel,192,0"), 12, "Meppel,200,0");
  Cli::write(dir / "verslag.csv", verslag);
  Outcome o = cli.run({"import", "--cycle", "2024", dir.string()});
  REQUIRE(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("1 new input record (1 correction)"));
  // It says which row, and which of its figures, changed.
  CHECK_THAT(o.out, Catch::Matches("(.|\n)*\n  corrected: record [0-9]+ \\(input.verslag GM0119\\), was record [0-9]+ "
                                   "\\(input.verslag GM0119\\): regulier 192 → 200\n(.|\n)*"));
  auto log = verdeel::Json::parse(cli.run({"log", "--format", "json"}).out);
  std::string old_hash, supersedes;
  for (const auto& r : log) {
    if (r["kind"] != "input.verslag" || r["subject"] != "GM0119") continue;
    if (r["body"]["regulier"] == 192) old_hash = r["hash"];
    if (r["body"]["regulier"] == 200) supersedes = r["body"]["supersedes"];
  }
  CHECK(!old_hash.empty());
  CHECK(supersedes == old_hash);
  CHECK(cli.run({"verify"}).status == 0);
}

TEST_CASE("a decision reads a corrected row's figures, not its bookkeeping, and replays", "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  auto dir = cli.copy_example("drenthe-2024");
  cli.run({"import", "--cycle", "2024", dir.string()});
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  auto report = [&] {
    auto j = verdeel::Json::parse(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "json"}).out);
    return j["report"]["regulier"].get<int64_t>();
  };
  const int64_t before = report();
  std::string verslag = slurp(dir / "verslag.csv");
  verslag.replace(verslag.find("Meppel,192,0"), 12, "Meppel,200,0");
  Cli::write(dir / "verslag.csv", verslag);
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  Outcome d = cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"});
  REQUIRE(d.status == 0);  // the body's "supersedes" is not an unknown field to the method
  CHECK_THAT(d.out, Catch::Contains("run 2"));
  CHECK(report() == before + 8);
  CHECK(cli.run({"replay", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
}

TEST_CASE("the case may use semicolon separators, a BOM, quoted names and Dutch thousands separators", "[cli][import]") {
  Cli cli;
  cli.run({"init"});
  auto dir = cli.copy_example("drenthe-2024");
  Cli::write(dir / "verslag.csv",
             "\xEF\xBB\xBFgemeente;regulier;amv\n\"Aa en Hunze\";87;0\nGM0106;\"1.000\";0\nBorger-Odoorn;0;50\n"
             "Coevorden;430;20\nDe Wolden;0;50\nEmmen;675;50\nHoogeveen;940;0\nMeppel;192;0\n"
             "Midden-Drenthe;250;0\nNoordenveld;0;43\nTynaarlo;240;50\nWesterveld;0;78\n");
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  auto j = verdeel::Json::parse(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "json"}).out);
  CHECK(j["report"]["regulier"] == 3814);
}

TEST_CASE("an import without any report row for a province is recorded, with a note that all reports count as 0, and decide repeats it",
          "[cli][import]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  auto dir = cli.copy_example("drenthe-2024");
  Cli::write(dir / "verslag.csv", "gemeente,regulier,amv\n");
  auto o = cli.run({"import", "--cycle", "2024", dir.string()});
  CHECK(o.status == 0);
  CHECK_THAT(o.err, Catch::Contains("note: verslag.csv holds no row for Drenthe: the report of every municipality "
                                    "there counts as 0 places"));
  auto full = cli.run({"import", "--cycle", "2026", Cli::example_dir("drenthe-2024")});
  CHECK(full.status == 0);
  CHECK_THAT(full.err, !Catch::Contains("note: verslag.csv"));
  // decide says it again, when the reports that counted as 0 decide the numbers.
  auto empty = cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"});
  CHECK(empty.status == 0);
  CHECK_THAT(empty.err, Catch::Contains("note: Drenthe 2024 was decided without any verslag row: the report of every "
                                        "municipality there counted as 0 places"));
  auto reported = cli.run({"decide", "--cycle", "2026", "--province", "Drenthe"});
  CHECK(reported.status == 0);
  CHECK(reported.err.empty());
}
