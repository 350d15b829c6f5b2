// The besluit of Drenthe 2024 follows the published decision word for word
// where the decision is the same: every span below is cut from the published
// text (tests/report/data/verdeelbesluit-drenthe-2024.txt, a copy of
// ../shared/reference/) and must appear in ours.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "cli/cli_fixture.h"
#include "html_check.h"
#include "report/besluit_dates.h"

using verdeel::testing::Cli;

namespace {

// Runs of whitespace as one space, so line breaks of the PDF text do not count.
std::string squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string reference() {
  std::ifstream in(std::string(VERDEEL_SOURCE_DIR) + "/tests/report/data/verdeelbesluit-drenthe-2024.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return squeeze(ss.str());
}

// The reference text from `from` through `to`.
std::string span(const std::string& ref, const std::string& from, const std::string& to) {
  auto a = ref.find(from);
  if (a == std::string::npos) return "<not in reference: " + from + ">";
  auto b = ref.find(to, a);
  if (b == std::string::npos) return "<not in reference: " + to + ">";
  return ref.substr(a, b + to.size() - a);
}

const std::pair<const char*, const char*> kSpans[] = {
    {"houdende de verdeling van asielopvangplaatsen", "over de provincie Drenthe"},
    {"Gelet op artikel 5", "indicatieve verdeling per gemeente 2024;"},
    {"De asielopvangplaatsen uit de provinciale opvangopgave", "over de gemeenten verdeeld:"},
    {"Tabel 1: Verdeling asielopvangplaatsen over gemeenten", "gemeenten"},
    {"Dit besluit wordt aangehaald als:", "Verdeelbesluit Drenthe 2024"},
    {"Op grond van de Algemene wet bestuursrecht", "2500 EH Den Haag."},
    {"Het niet voldoen aan deze eisen", "niet-ontvankelijkheid van het bezwaarschrift."},
    {"Een bezwaarschrift kan uitsluitend", "worden ingediend."},
    {"Machtigt u iemand", "namens de rechtspersoon op te treden."},
    {"Op grond van artikel 5, eerste lid", "aangewezen gemeenten."},
    {"In de provinciale opvangopgave kan aan gemeenten", "zowel de opgave voor regulier als voor amv."},
    {"Met de verdeelbesluiten wordt invulling", "(Stcrt. 2024, 21380)."},
    {"Op 31 oktober van dit jaar", "het nemen van het verdeelbesluit."},
    {"Wanneer uit het verslag blijkt dat aan de PRT", "opvangopgave volledig dekt."},
    {"Als uit het verslag blijkt dat het aan de PRT", "het verslag het uitgangspunt."},
    {"De minister streeft naar", "SES-WOA score."},
    {"Er wordt rekening gehouden met de eerder", "bij het sluitend maken van de verdeling."},
    {"Er wordt bij de verdeling ook rekening", "de IND en de DTenV."},
    {"Wanneer de verdeling uit het verslag niet de gehele", "Deze stappen worden hieronder toegelicht."},
    {"Wanneer de verdeling uit een provinciaal verslag niet sluitend", "aan de PRT zijn gemaakt."},
    {"In de verslagen worden mogelijk ook", "in een vergevorderd stadium."},
    {"Als er in het verslag opvangplaatsen zijn genoemd", "die geen plannen hebben wel."},
    {"Na het overnemen van de opvangplaatsen uit het verslag en de kansrijke", "of voor beiden."},
    {"Wanneer een gemeente in het provinciaal verslag heeft aangegeven", "evenredige bijdrage nog niet leveren."},
    {"Wanneer een gemeente de afgelopen tien jaar", "in de afgelopen tien jaar."},
    {"Ook wanneer gemeenten een uitzonderlijke bijdrage", "over alle gemeenten."},
    {"Aan de PRT hebben gemeenten afspraken", "een kleiner deel van de restopgave."},
    {"Wanneer meerdere gemeenten hebben aangegeven", "restopgave van reguliere opvangplaatsen."},
    {"Een deel van de gemeenten is op basis", "om de verdeling sluitend te maken."},
    {"Mocht een gemeente door deze verdeling", "voor de provincie sluitend gemaakt."},
    {"3. Het verdeelbesluit voor de provincie Drenthe", "Drenthe"},
    {"Op 31 oktober heeft de commissaris van de Koning van Drenthe", "volgens de provinciale opvangopgave moeten realiseren."},
    {"De provincie Drenthe heeft een opgave van 2.462", "één op één overgenomen in het verdeelbesluit."},
};

}  // namespace

TEST_CASE("The Drenthe besluit repeats the published decision's wording and figures", "[report][besluit]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto md = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe"});
  auto html = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--format", "html"});
  REQUIRE(md.status == 0);
  REQUIRE(html.status == 0);
  std::string ref = reference();
  REQUIRE(ref.size() > 10000);
  std::string ours = squeeze(md.out);
  for (const auto& [from, to] : kSpans) {
    std::string want = span(ref, from, to);
    INFO(want);
    CHECK(ours.find(want) != std::string::npos);
  }
  // The order of the published decision.
  const char* order[] = {"Besluit van de Minister", "Gelet op", "Besluit:", "Artikel I", "Tabel 1", "Artikel II",
                         "Bezwaar", "Toelichting", "1. Algemene uitgangspunten", "2. Methode",
                         "3. Het verdeelbesluit voor de provincie Drenthe", "Bijlage: vastlegging"};
  size_t at = 0;
  for (const char* heading : order) {
    INFO(heading);
    auto p = ours.find(heading, at);
    REQUIRE(p != std::string::npos);
    at = p;
  }
  // Tabel 1 with Dutch thousands separators, and the ledger anchor.
  CHECK(ours.find("| Assen | 1.000 | 0 | 1.000 |") != std::string::npos);
  CHECK(ours.find("| **Totaal** | **3.814** | **341** | **4.155** |") != std::string::npos);
  CHECK(ours.find("Merkle-wortel (RFC 9162) over records 0 tot en met") != std::string::npos);
  auto json = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "json"});
  std::string record = json.out.substr(json.out.find("\"record\": \"") + 11, 64);
  CHECK(ours.find("hash " + record) != std::string::npos);

  auto wf = verdeel::testing::check_well_formed(html.out);
  INFO((wf.ok() ? std::string() : wf.problems.front()));
  CHECK(wf.ok());
  CHECK(verdeel::testing::external_references(html.out).empty());
  CHECK(html.out.find("<td>Assen</td><td class=\"n\">1.000</td><td class=\"n\">0</td><td class=\"n\">1.000</td>") !=
        std::string::npos);
}

TEST_CASE("The Zuiderland besluit explains the supplement from the recorded steps", "[report][besluit]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto o = cli.run({"besluit", "--cycle", "2024", "--province", "Zuiderland"});
  REQUIRE(o.status == 0);
  std::string s = squeeze(o.out);
  CHECK(s.find("in de provincie Zuiderland niet tot een volledig sluitende verdeling zijn gekomen") != std::string::npos);
  CHECK(s.find("Daarmee resteert een restopgave van 725 reguliere opvangplaatsen en 125 amv-opvangplaatsen") !=
        std::string::npos);
  CHECK(s.find("72,46% (exact 3175/4382)") != std::string::npos);
  CHECK(s.find("60,39% (exact 125/207)") != std::string::npos);
  CHECK(s.find("- Geldermonde: zou circa 2,48 reguliere opvangplaatsen krijgen, minder dan het minimum van 5 (ronde 1)") !=
        std::string::npos);
  // Every rounded figure with two decimals: "circa 2,70", as "circa 2,48" beside it.
  CHECK(s.find("- Weertveld: zou circa 2,70 amv-opvangplaatsen krijgen") != std::string::npos);
  CHECK_FALSE(std::regex_search(s, std::regex("circa [0-9.]+(,[0-9])?[^0-9,.]")));
  CHECK(s.find("- Klaverdijk: andere gemeenten realiseren 90 reguliere opvangplaatsen voor haar") != std::string::npos);
  CHECK(s.find("- Waalrode: 50 reguliere opvangplaatsen en 0 amv-opvangplaatsen") != std::string::npos);  // not kansrijk
  CHECK(s.find("sluitend gemaakt: 9.305 reguliere opvangplaatsen en 864 amv-opvangplaatsen") != std::string::npos);
  CHECK(s.find("De gemeenten Klaverdijk en Molenrade krijgen in dit besluit geen opvangplaatsen") != std::string::npos);
  CHECK(s.find("| Klaverdijk |") == std::string::npos);  // not in Tabel 1
  CHECK(s.find("Aangezien de verdeling uit het verslag sluitend is") == std::string::npos);
}

// The Bijlage names the run it is of: the replay command it prints, run as
// printed, replays that run and not the latest (verdeel replay --run N).
TEST_CASE("The Bijlage of an earlier run prints the replay command of that run, and it replays it", "[report][besluit]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"}).status == 0);
  for (const char* lang : {"nl", "en"}) {
    auto first = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--run", "1", "--lang", lang});
    REQUIRE(first.status == 0);
    std::string s = squeeze(first.out);
    auto at = s.find("verdeel replay ");
    REQUIRE(at != std::string::npos);
    auto end = s.find(std::string(lang) == "nl" ? " dat de verdeling" : " that the allocation", at);
    REQUIRE(end != std::string::npos);
    std::string command = s.substr(at, end - at);
    CHECK(command == "verdeel replay --cycle 2024 --province Drenthe --run 1");
    std::vector<std::string> args;
    std::istringstream words(command.substr(std::string("verdeel ").size()));
    for (std::string w; words >> w;) args.push_back(w);
    auto replay = cli.run(args);
    INFO(replay.out << replay.err);
    CHECK(replay.status == 0);
    CHECK_THAT(replay.out, Catch::Contains("replay of Drenthe 2024, run 1 "));
    // The latest run's document names its run too, so that it keeps replaying it after a later run.
    auto latest = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--lang", lang});
    CHECK_THAT(squeeze(latest.out), Catch::Contains("verdeel replay --cycle 2024 --province Drenthe --run 2 "));
    // The earlier run's document says, among its ledger facts, that a later run followed; the latest's does not.
    const bool nl = std::string(lang) == "nl";
    const std::string followed = nl ? "Vervangen door een latere berekening: berekening 2 (records "
                                    : "Superseded by a later run: run 2 (records ";
    const std::string doc = squeeze(first.out);
    const auto later = doc.find(followed);
    REQUIRE(later != std::string::npos);
    CHECK(doc.find(nl ? " tot en met " : " inclusive)", later) < later + followed.size() + 30);
    CHECK_THAT(latest.out, !Catch::Contains(nl ? "Vervangen door" : "Superseded by"));
  }
}

TEST_CASE("the date of a besluit is a date as a decision is dated, or the command refuses it", "[report][besluit]") {
  using verdeel::report::valid_dutch_date;
  CHECK(valid_dutch_date("20 december 2024"));
  CHECK(valid_dutch_date("1 januari 2026"));
  CHECK(valid_dutch_date("29 februari 2024"));   // a leap year
  CHECK_FALSE(valid_dutch_date("29 februari 2023"));
  CHECK_FALSE(valid_dutch_date("29 februari 2100"));  // not a leap year
  CHECK(valid_dutch_date("29 februari 2000"));
  CHECK_FALSE(valid_dutch_date("31 april 2024"));
  CHECK_FALSE(valid_dutch_date("0 mei 2024"));
  CHECK_FALSE(valid_dutch_date("05 mei 2024"));
  CHECK_FALSE(valid_dutch_date("20 December 2024"));
  CHECK_FALSE(valid_dutch_date("20 dec. 2024"));
  CHECK_FALSE(valid_dutch_date("maandag 20 december 2024"));
  CHECK_FALSE(valid_dutch_date("20 december 24"));
  CHECK_FALSE(valid_dutch_date(""));
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto o = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--date", "31 februari 2024"});
  CHECK(o.status == 2);
  CHECK_THAT(o.err, Catch::Contains("'31 februari 2024' is not a date as a decision is dated"));
  CHECK(o.out.empty());
}

TEST_CASE("when no municipality is excluded, the remainder is spread over the municipalities, not 'the other' ones",
          "[report][besluit]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  auto dir = cli.copy_example("drenthe-2024");
  Cli::write(dir / "verslag.csv", "gemeente,regulier,amv\n");  // nothing reported: everyone below the indicative
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  const std::string nl = squeeze(cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe"}).out);
  CHECK_THAT(nl, Catch::Contains("is op grond van stap 4a geen gemeente uitgesloten"));
  CHECK_THAT(nl, Catch::Contains("is evenredig verdeeld over de gemeenten, zodat"));
  CHECK_THAT(nl, !Catch::Contains("overige gemeenten"));
  const std::string en = squeeze(cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--lang", "en"}).out);
  CHECK_THAT(en, Catch::Contains("allocated proportionately among the municipalities, so that"));
}

TEST_CASE("a besluit decided under a policy that departs from the Beleidsregel lists every departure", "[report][besluit]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  auto dir = cli.copy_example("zuid-synthetisch-2024");
  Cli::write(dir / "beleid.json", "{\"minimum_places\": 3, \"category_order\": [\"amv\", \"regulier\"]}\n");
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Zuiderland"}).status == 0);
  const std::string nl = squeeze(cli.run({"besluit", "--cycle", "2024", "--province", "Zuiderland"}).out);
  CHECK_THAT(nl, Catch::Contains("Het beleid van deze berekening, 'aangepast', wijkt af van de waarden van de Beleidsregel "
                                 "verdeelbesluiten: category\\_order amv,regulier (Beleidsregel: regulier,amv); "
                                 "minimum\\_places 3 (Beleidsregel: 5)."));
  const std::string en = squeeze(cli.run({"besluit", "--cycle", "2024", "--province", "Zuiderland", "--lang", "en"}).out);
  CHECK_THAT(en, Catch::Contains("The policy of this run, 'aangepast', departs from the values of the Allocation "
                                 "Decisions Policy Rule (Beleidsregel verdeelbesluiten): category\\_order"));
  // Under the Beleidsregel's own values, no such paragraph.
  Cli plain;
  plain.decided("zuid-synthetisch-2024", "Zuiderland");
  CHECK_THAT(plain.run({"besluit", "--cycle", "2024", "--province", "Zuiderland"}).out, !Catch::Contains("wijkt af van de waarden"));
}
