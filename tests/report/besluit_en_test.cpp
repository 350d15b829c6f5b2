// The besluit in English (`besluit --lang en`): the same document as the Dutch
// one for a reader abroad or a court interpreter. Every sentence translated
// (no Dutch word left but the Dutch terms kept in brackets), a note at the top
// that the Dutch text is the decision, and every number of the Dutch text
// with the same value in the English one, only with English marks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "cli/cli_fixture.h"
#include "html_check.h"
#include "report/besluit.h"
#include "report/besluit_dates.h"
#include "report/html_text.h"
#include "report/wording.h"

using verdeel::testing::Cli;
using namespace verdeel;
using namespace verdeel::report;

namespace {

// The Dutch terms the translation keeps, in brackets beside their English
// meaning, as a translator would: names of acts, rules and bodies, and legal terms.
const char* const kTerms[] = {
    "Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen",
    "Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen; hereinafter: the Act",
    "Beleidsregel verdeelbesluiten",
    "Beleidsregel verdeelbesluiten, Stcrt. 2024, 21380",
    "Capaciteitsraming, provinciale opvangopgave en indicatieve verdeling per gemeente 2024",
    "Algemene wet bestuursrecht",
    "belanghebbenden",
    "bezwaarschrift",
    "niet-ontvankelijk",
    "handelsregister",
    "besluit",
    "Toelichting",
    "Bijlage",
    "verdeelbesluit",
    "verslag",
    "provinciale opvangopgave",
    "alleenstaande minderjarige vreemdelingen, amv",
    "wettelijke taak",
    "commissaris van de Koning",
    "commissarissen van de Koning",
    "Provinciale regietafel, PRT",
    "kansrijk",
    "kansrijke initiatieven",
    "restopgave",
    "uitruilgroep",
};

// The text without the kept Dutch terms: what is left must be English,
// including whatever else stands in brackets ("(round 4)", "(step 4b)").
std::string without_kept_terms(std::string s) {
  for (const char* t : kTerms) {
    const std::string term = std::string("(") + t + ")";
    for (auto at = s.find(term); at != std::string::npos; at = s.find(term, at)) s.erase(at, term.size());
  }
  return s;
}

// The visible text of an HTML page: no style sheet, no tags (the spans that mark a Dutch term go
// without a trace, as they show none).
std::string visible(const std::string& html) {
  std::string s = std::regex_replace(html, std::regex("<style>[\\s\\S]*?</style>"), " ");
  s = std::regex_replace(s, std::regex("<span lang=\"nl\">|</span>"), "");
  return std::regex_replace(s, std::regex("<[^>]*>"), " ");
}

// Dutch words that no English sentence contains and no municipality of the
// examples is named with ("De Wolden", "Aa en Hunze", "Beek, Ven en Heide"
// rule out de, en, ven).
const std::set<std::string> kDutch = {
    "gemeenten", "gemeente", "toelichting", "wordt",      "worden",   "besluit",   "zijn",   "niet",
    "heeft",     "hebben",   "krijgt",      "krijgen",    "zou",      "zouden",    "opvangplaatsen",
    "restopgave", "verdeling", "verdeeld",  "provincie",  "tabel",    "artikel",   "bijlage", "stap",
    "circa",     "exact",    "tot",         "met",        "het",      "een",       "van",    "voor",
    "dat",       "deze",     "dit",         "uit",        "naar",     "zij",       "ook",    "als",
    "wanneer",   "daarmee",  "hiermee",     "bezwaarschrift", "januari", "februari", "oktober", "ronde"};

// The Dutch words of `text` outside the kept terms, each once.
std::set<std::string> dutch_words(const std::string& text) {
  std::set<std::string> found;
  std::string word;
  auto flush = [&] {
    if (kDutch.count(word)) found.insert(word);
    word.clear();
  };
  for (char c : without_kept_terms(text)) {
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      flush();
  }
  flush();
  return found;
}

// Every number of a text ("2.462", "72,46", "3175/4382", "5"), in order of
// appearance; not the engine's version ("verdeel 0.1.0"), which is no number.
std::vector<std::string> numbers(const std::string& text) {
  static const std::regex version("verdeel [0-9]+\\.[0-9]+\\.[0-9]+");
  static const std::regex number("[0-9](?:[0-9.,/]*[0-9])?");
  std::string s = std::regex_replace(text, version, "verdeel");
  std::vector<std::string> out;
  for (std::sregex_iterator it(s.begin(), s.end(), number), end; it != end; ++it) out.push_back(it->str());
  return out;
}

std::string with_english_marks(std::string n) {
  for (auto& c : n) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return n;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// The document after its first line (the title) and the translation note.
std::string body(const std::string& md) {
  auto note = md.find("\n*This is an English translation");
  auto from = note == std::string::npos ? md.find('\n') : md.find('\n', note + 1);
  return md.substr(from);
}

verdeel::testing::Outcome besluit(const Cli& cli, const std::string& province, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"besluit", "--cycle", "2024", "--province", province};
  args.insert(args.end(), extra.begin(), extra.end());
  return cli.run(args);
}

}  // namespace

TEST_CASE("The English Drenthe besluit says it is a translation and translates every sentence", "[report][besluit][en]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto md = besluit(cli, "Drenthe", {"--lang", "en", "--date", "20 december 2024", "--number", "6015725"});
  INFO(md.err);
  REQUIRE(md.status == 0);
  const std::string& s = md.out;
  // The title keeps the citeertitel; the note comes first, in one sentence.
  CHECK(s.rfind("# Verdeelbesluit Drenthe 2024 (allocation decision)\n\n*This is an English translation for "
                "information only: the decision is the Dutch text of the Verdeelbesluit Drenthe 2024, which alone "
                "is legally binding.*\n",
                0) == 0);
  // Key sentences, the legal terms in brackets.
  CHECK_THAT(s, Catch::Contains("**Decision (besluit) of the Minister of Asylum and Migration of 20 December 2024, "
                                "no. 6015725, allocating the asylum reception places of the province of Drenthe "
                                "among its municipalities under the Act on the municipal task of enabling asylum "
                                "reception facilities"));
  CHECK_THAT(s, Catch::Contains("\nDecides:\n"));
  CHECK_THAT(s, Catch::Contains("of the province of Drenthe, as published on 31 January 2024, are allocated among "
                                "the municipalities as follows:"));
  CHECK_THAT(s, Catch::Contains("This decision may be cited as: Verdeelbesluit Drenthe 2024\n"));
  CHECK_THAT(s, Catch::Contains("'s-Gravenhage (The Hague), 20 December 2024"));
  CHECK_THAT(s, Catch::Contains("## Bezwaar (objection)\n"));
  CHECK_THAT(s, Catch::Contains("## Explanatory notes (Toelichting)\n"));
  CHECK_THAT(s, Catch::Contains("remain available until the date of the next capacity estimate (1 February 2026)"));
  CHECK_THAT(s, Catch::Contains("(from 1 September 2014 to 1 September 2024 inclusive)"));
  CHECK_THAT(s, Catch::Contains("### 3. The allocation decision (verdeelbesluit) for the province of Drenthe\n"));
  CHECK_THAT(s, Catch::Contains("The province of Drenthe has a task of 2,462 regular reception places and 229 amv "
                                "reception places. After adopting the places offered in the report, the province "
                                "of Drenthe arrives at 3,814 regular reception places and 341 amv places. Since the "
                                "allocation in the report covers the task, it has been adopted unchanged in the "
                                "allocation decision."));
  CHECK_THAT(s, Catch::Contains("## Appendix (Bijlage): record of the calculation\n"));
  // Tabel 1: English header, thousands with a comma.
  CHECK_THAT(s, Catch::Contains("*Table 1: Allocation of asylum reception places among municipalities*\n\n"
                                "| Municipality | Regular reception places | Reception places for unaccompanied minors "
                                "(amv) | Total |\n"));
  CHECK_THAT(s, Catch::Contains("| Assen | 1,000 | 0 | 1,000 |"));
  CHECK_THAT(s, Catch::Contains("| **Total** | **3,814** | **341** | **4,155** |"));
  // No Dutch sentence left: no Dutch word but in the terms kept in brackets.
  auto left = dutch_words(s);
  INFO(Catch::Detail::stringify(std::vector<std::string>(left.begin(), left.end())));
  CHECK(left.empty());

  auto html = besluit(cli, "Drenthe", {"--lang", "en", "--format", "html"});
  REQUIRE(html.status == 0);
  CHECK_THAT(html.out, Catch::Contains("<html lang=\"en\">"));
  CHECK_THAT(html.out, Catch::Contains("<title>Verdeelbesluit Drenthe 2024 (allocation decision)</title>"));
  CHECK_THAT(html.out, Catch::Contains("<p><em>This is an English translation for information only"));
  CHECK_THAT(html.out, Catch::Contains("<h2 class=\"toelichting\">Explanatory notes (<span lang=\"nl\">Toelichting</span>)</h2>"));
  CHECK_THAT(html.out, Catch::Contains("<section class=\"bijlage\">\n<h2>Appendix (<span lang=\"nl\">Bijlage</span>)"));
  CHECK_THAT(html.out, Catch::Contains("<td>Assen</td><td class=\"n\">1,000</td><td class=\"n\">0</td><td class=\"n\">1,000</td>"));
  CHECK_THAT(html.out, Catch::Contains("<span lang=\"nl\">&#39;s-Gravenhage</span> (The Hague), [date]"));
  // Every Dutch term kept in brackets is marked as Dutch, for a screen reader and a translation tool;
  // the marks themselves (dutch_terms.h) are in no output.
  for (const char* t : kTerms) {
    const std::string plain = std::string("(") + t + ")";
    if (s.find(plain) == std::string::npos) continue;  // a term of another province's text
    INFO(t);
    CHECK_THAT(html.out, !Catch::Contains(html_escape(plain)));
  }
  CHECK_THAT(html.out, Catch::Contains("interested parties (<span lang=\"nl\">belanghebbenden</span>)"));
  CHECK_THAT(html.out, Catch::Contains("the Allocation Decisions Policy Rule (<span lang=\"nl\">Beleidsregel verdeelbesluiten</span>)"));
  for (const std::string& out : {s, html.out}) {
    CHECK(out.find('\x0E') == std::string::npos);
    CHECK(out.find('\x0F') == std::string::npos);
  }
  auto wf = verdeel::testing::check_well_formed(html.out);
  INFO((wf.ok() ? std::string() : wf.problems.front()));
  CHECK(wf.ok());
  CHECK(verdeel::testing::external_references(html.out).empty());
  auto html_left = dutch_words(visible(html.out));
  INFO(Catch::Detail::stringify(std::vector<std::string>(html_left.begin(), html_left.end())));
  CHECK(html_left.empty());
}

TEST_CASE("The English Zuiderland besluit has every number of the Dutch one, with English marks", "[report][besluit][en]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  auto nl = besluit(cli, "Zuiderland");
  auto en = besluit(cli, "Zuiderland", {"--lang", "en"});
  REQUIRE(nl.status == 0);
  REQUIRE(en.status == 0);
  // The same values: every number of the Dutch text (exact fractions, percentages, rounded figures, counts,
  // dates, hashes' digits), as many times, with the marks exchanged.
  std::vector<std::string> want;
  for (const auto& n : numbers(nl.out)) want.push_back(with_english_marks(n));
  CHECK(sorted(numbers(body(en.out))) == sorted(want));
  const std::string& s = en.out;
  CHECK_THAT(s, Catch::Contains("72.46% (exactly 3175/4382)"));
  CHECK_THAT(s, Catch::Contains("60.39% (exactly 125/207)"));
  CHECK_THAT(s, Catch::Contains("have not agreed on an allocation that fully covers the number of reception places"));
  CHECK_THAT(s, Catch::Contains("This leaves a remaining task (restopgave) of 725 regular reception places and 125 amv "
                                "reception places (step 3)."));
  CHECK_THAT(s, Catch::Contains("- Geldermonde: would receive about 2.48 regular reception places, fewer than the "
                                "minimum of 5 (round 1)"));
  CHECK_THAT(s, Catch::Contains("- Weertveld: would receive about 2.70 amv reception places"));
  CHECK_THAT(s, Catch::Contains("- Klaverdijk: other municipalities provide 90 regular reception places for it"));
  CHECK_THAT(s, Catch::Contains("*Table 2: Reception places from the remaining task*"));
  CHECK_THAT(s, Catch::Contains("cover the task in full: 9,305 regular reception places and 864 amv reception places, "
                                "as set out in Table 1 of Article I."));
  CHECK_THAT(s, Catch::Contains("The municipalities Klaverdijk and Molenrade receive no reception places in this "
                                "decision and so have no statutory task (wettelijke taak)"));
  auto left = dutch_words(s);
  INFO(Catch::Detail::stringify(std::vector<std::string>(left.begin(), left.end())));
  CHECK(left.empty());
  CHECK(dutch_words(nl.out).size() > 40);  // the check sees Dutch where there is Dutch
}

TEST_CASE("besluit takes --lang nl or en and refuses any other language with exit 2", "[report][besluit][en][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto nl = besluit(cli, "Drenthe");
  auto explicit_nl = besluit(cli, "Drenthe", {"--lang", "nl"});
  REQUIRE(nl.status == 0);
  CHECK(explicit_nl.out == nl.out);
  CHECK(besluit(cli, "Drenthe", {"--lang", "en"}).status == 0);
  auto de = besluit(cli, "Drenthe", {"--lang", "de"});
  CHECK(de.status == 2);
  CHECK_THAT(de.err, Catch::Contains("--lang"));
  CHECK(de.out.empty());
  auto help = cli.run({"besluit", "--help"});
  CHECK(help.status == 0);
  CHECK_THAT(help.out, Catch::Contains("--lang"));
  CHECK_THAT(help.out, Catch::Contains("English"));
}

TEST_CASE("English numbers and dates: the Dutch digits with English marks and month names", "[report][besluit][en]") {
  CHECK(number_marks("3.814", Lang::en) == "3,814");
  CHECK(number_marks("1.234.567,5", Lang::en) == "1,234,567.5");
  CHECK(number_marks("72,46%", Lang::en) == "72.46%");
  CHECK(number_marks("3.814", Lang::nl) == "3.814");
  CHECK(about(Rational::of(1620, 653), Lang::en) == "about 2.48");
  CHECK(about(Rational::of(716, 5), Lang::en) == "143.2");
  CHECK(written_date("20 december 2024", Lang::en) == "20 December 2024");
  CHECK(written_date("1 mei 2025", Lang::en) == "1 May 2025");
  CHECK(written_date("20 December 2024", Lang::en) == "20 December 2024");
  CHECK(written_date("2024-12-20", Lang::en) == "2024-12-20");
  CHECK(written_date("20 december 2024", Lang::nl) == "20 december 2024");
  auto en = cycle_dates("2026", Lang::en);
  CHECK(en.volgende_raming == "1 February 2028");
  CHECK(en.historie == "1 September 2016 to 1 September 2026 inclusive");
  CHECK(en.oekraine == "1 January 2025 to 1 September 2026 inclusive");
  CHECK(en.opgave_bekendgemaakt == "[date of publication of the provincial reception task]");
  auto nl = cycle_dates("2026");
  CHECK(nl.historie == "1 september 2016 tot en met 1 september 2026");
}
