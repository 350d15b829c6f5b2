// The renderers as pure functions of a hand-made DecisionView: escaping of
// awkward names, csv quoting and separators, Dutch numbers, the chart's bars
// and line, and the wording of a shortfall in the besluit.
#include <catch2/catch.hpp>

#include "html_check.h"
#include "report/besluit.h"
#include "report/render.h"
#include "report/svg_chart.h"
#include "report/wording.h"

using namespace verdeel;
using namespace verdeel::report;
using verdeel::testing::count;

namespace {

GemeenteRow row(std::string code, std::string naam, PerCategory ind, PerCategory basis, PerCategory extra) {
  GemeenteRow g;
  g.code = std::move(code);
  g.naam = std::move(naam);
  g.indicatief = ind;
  g.basis = basis;
  g.verslag = basis;
  g.attr = basis;
  g.extra = extra;
  g.besluit = {basis.regulier + extra.regulier, basis.amv + extra.amv};
  g.excluded = {{"regulier", {}}, {"amv", {}}};
  return g;
}

// Three municipalities with a remainder in both categories; "Bergen & <Zoom>"
// gets places, "A;B \"C\"" is excluded as meeting its indicative number.
DecisionView sample() {
  DecisionView v;
  v.cycle = "2024";
  v.province = "Proef & <Co>";
  v.policy = "beleidsregel-2024";
  v.run = 1;
  v.engine = "verdeel 0.1.0";
  v.task = {1200, 40};
  v.report = v.basis = {1100, 20};
  v.remainder = {100, 20};
  v.shortfall = {0, 0};
  v.besluit = {1200, 40};
  v.percentage["regulier"] = Rational::of(7, 8);
  v.percentage["amv"] = Rational::of(1, 2);
  v.gemeenten.push_back(row("GM0001", "A;B \"C\"", {100, 10}, {1000, 20}, {0, 0}));
  v.gemeenten.back().excluded["regulier"] = {"meets_indicative"};
  v.gemeenten.back().excluded["amv"] = {"meets_indicative"};
  ExclusionFact e;
  e.categorie = "regulier";
  e.rule = "meets_indicative";
  e.figures = {{"attrTot", Rational(1020)}, {"indTot", Rational(110)}};
  v.gemeenten.back().exclusions.push_back(e);
  v.gemeenten.push_back(row("GM0002", "Bergen & <Zoom>", {2000, 30}, {100, 0}, {90, 12}));
  v.gemeenten.push_back(row("GM0003", "Zee|dorp", {50, 10}, {0, 0}, {10, 8}));
  v.record_seq = 99;
  v.record_hash = std::string(64, 'a');
  return v;
}

}  // namespace

TEST_CASE("Dutch numbers: thousands with a dot, decimals with a comma, trailing zeros dropped", "[report]") {
  CHECK(dutch_number(2462) == "2.462");
  CHECK(dutch_number(1000000) == "1.000.000");
  CHECK(dutch_number(-3814) == "-3.814");
  CHECK(dutch_decimal(Rational::of(716, 5)) == "143,2");
  CHECK(dutch_decimal(Rational::of(7013, 5)) == "1.402,6");
  CHECK(dutch_decimal(Rational::of(1620, 653)) == "2,48");
  CHECK(dutch_decimal(Rational(5)) == "5");
  CHECK(shows_exactly(Rational::of(225, 2)));
  CHECK_FALSE(shows_exactly(Rational::of(1, 3)));
  CHECK(dutch_percent(Rational::of(3175, 4382)) == "72,46%");
  CHECK(dutch_decimal(Rational::of(-1, 1000)) == "0");
  CHECK(dutch_decimal(Rational::of(-27, 10)) == "-2,7");
}

TEST_CASE("A rounded figure says so and keeps its two decimals, an exact one is written as it is", "[report]") {
  CHECK(about(Rational::of(1620, 653)) == "circa 2,48");
  CHECK(about(Rational::of(2699, 1000)) == "circa 2,70");  // not "circa 2,7", which reads as exact
  CHECK(about(Rational::of(29999, 10000)) == "circa 3,00");
  CHECK(about(Rational::of(1234567, 1000)) == "circa 1.234,57");
  CHECK(about(Rational::of(27, 10)) == "2,7");
  CHECK(about(Rational::of(716, 5)) == "143,2");
  CHECK(about(Rational(3)) == "3");
  CHECK(about(Rational::of(2699, 1000), Lang::en) == "about 2.70");
  CHECK(about(Rational::of(1234567, 1000), Lang::en) == "about 1,234.57");
}

TEST_CASE("csv quotes a name holding the separator or a quote, and never groups thousands", "[report][csv]") {
  auto v = sample();
  std::string semi = decision_csv(v, ';');
  CHECK(semi.rfind("Gemeente;Reguliere opvangplaatsen;Amv-opvangplaatsen;Totaal;CBS-code;", 0) == 0);
  CHECK_THAT(semi, Catch::Contains("\n\"A;B \"\"C\"\"\";1000;20;1020;GM0001;"));
  CHECK_THAT(semi, Catch::Contains("\nBergen & <Zoom>;190;12;202;GM0002;2000;30;100;0;90;12;;\n"));
  CHECK_THAT(semi, Catch::Contains(";voldoet aan indicatieve verdeling;voldoet aan indicatieve verdeling\n"));
  std::string comma = decision_csv(v, ',');
  CHECK_THAT(comma, Catch::Contains("\n\"A;B \"\"C\"\"\",1000,20,1020,GM0001,"));  // quoted for its quote
  CHECK_THAT(comma, !Catch::Contains("2.000"));
  CHECK(count(semi, "\n") == v.gemeenten.size() + 1);
}

TEST_CASE("markdown escapes a pipe in a name and shows p exact and rounded", "[report][markdown]") {
  auto md = decision_markdown(sample());
  CHECK_THAT(md, Catch::Contains("| Zee\\|dorp | 10 | 8 | 18 |"));
  CHECK_THAT(md, Catch::Contains("regulier 87,50% (exact 7/8); amv 50,00% (exact 1/2)"));
  CHECK_THAT(md, Catch::Contains("| **Totaal** | **1.200** | **40** | **1.240** |"));
  CHECK_THAT(md, Catch::Contains("Tekort: geen"));
}

TEST_CASE("html escapes every name and stays well formed with awkward names", "[report][html]") {
  auto html = decision_html(sample());
  CHECK_THAT(html, Catch::Contains("Bergen &amp; &lt;Zoom&gt;"));
  CHECK_THAT(html, Catch::Contains("A;B &quot;C&quot;"));
  CHECK_THAT(html, !Catch::Contains("<Zoom>"));
  CHECK_THAT(html, !Catch::Contains("<Co>"));
  auto wf = verdeel::testing::check_well_formed(html);
  INFO((wf.ok() ? std::string() : wf.problems.front()));
  CHECK(wf.ok());
  CHECK(verdeel::testing::external_references(html).empty());
}

TEST_CASE("The chart has one bar per municipality, a tick per indicative number and the p line", "[report][svg]") {
  auto v = sample();
  auto svg = category_chart_svg(v, "regulier");
  CHECK(count(svg, "<g class=\"bar") == 3);
  CHECK(count(svg, "<g class=\"bar excluded\"") == 1);
  CHECK(count(svg, "<line class=\"ind\"") == 3);
  CHECK(count(svg, "<polyline class=\"pline\"") == 1);
  // Rows by indicative number, largest first: Bergen (2000), A;B (100), Zee|dorp (50).
  CHECK(svg.find("GM0002") < svg.find("GM0001"));
  CHECK(svg.find("GM0001") < svg.find("GM0003"));
  v.percentage["regulier"] = std::nullopt;
  CHECK(count(category_chart_svg(v, "regulier"), "pline") == 0);
}

TEST_CASE("The besluit of a province with a shortfall says what could not be placed", "[report][besluit]") {
  auto v = sample();
  v.percentage["amv"] = std::nullopt;
  v.shortfall = {0, 3};
  v.besluit = {1200, 37};
  CategoryFacts f;
  f.present = true;
  f.rest = 20;
  f.placed = 17;
  f.shortfall = 3;
  f.participants = {"GM0002", "GM0003"};
  v.distribution["amv"] = f;
  auto md = besluit_markdown(besluit_document(v));
  CHECK_THAT(md, Catch::Contains("kunnen 3 amv-opvangplaatsen niet worden verdeeld"));
  CHECK_THAT(md, Catch::Contains("Zo zijn 17 van de amv-opvangplaatsen verdeeld over 2 gemeenten"));
  CHECK_THAT(md, Catch::Contains("Door het tekort van 0 reguliere opvangplaatsen en 3 amv-opvangplaatsen dekt zij"));
  CHECK_THAT(md, Catch::Contains("- A;B \"C\": realiseert (toegerekend) 1.020 opvangplaatsen, evenveel of meer dan "
                                 "de 110 uit de indicatieve verdeling"));
  CHECK_THAT(md, !Catch::Contains("Hiermee is de verdeling van opvangplaatsen voor de provincie"));

  BesluitOptions en;
  en.lang = Lang::en;
  auto english = besluit_markdown(besluit_document(v, en));
  CHECK_THAT(english, Catch::Contains("filled up to its ceiling, 3 amv reception places cannot be allocated. This "
                                      "shortfall has not been allocated among municipalities in this decision."));
  CHECK_THAT(english, Catch::Contains("In this way 17 of the amv reception places have been allocated among 2 "
                                      "municipalities; the numbers have been rounded"));
  CHECK_THAT(english, Catch::Contains("thus comes to 1,200 regular reception places and 37 amv reception places, as "
                                      "set out in Table 1 of Article I. Because of the shortfall of 0 regular reception "
                                      "places and 3 amv reception places, it does not fully cover the provincial "
                                      "reception task."));
  CHECK_THAT(english, Catch::Contains("- A;B \"C\": provides (as attributed) 1,020 reception places, at least the "
                                      "110 of its indicative distribution"));
}

TEST_CASE("The English besluit of a report covered with promising initiatives names them", "[report][besluit]") {
  auto v = sample();
  v.report = {1100, 20};
  v.basis = v.task = v.besluit = {1200, 40};
  v.remainder = {0, 0};
  InitiativeFact yes;
  yes.code = "GM0002";
  yes.plaatsen = {100, 20};
  yes.criteria = {"besluitvorming", "toezegging"};
  yes.kansrijk = true;
  InitiativeFact no;
  no.code = "GM0003";
  no.plaatsen = {5, 0};
  v.initiatives = {yes, no};
  BesluitOptions en;
  en.lang = Lang::en;
  auto md = besluit_markdown(besluit_document(v, en));
  CHECK_THAT(md, Catch::Contains("have not agreed on an allocation that fully covers"));
  CHECK_THAT(md, Catch::Contains("arrives at 1,100 regular reception places and 20 amv places; with the promising "
                                 "initiatives (kansrijke initiatieven) from the report, at 1,200 regular reception "
                                 "places and 40 amv places. Since the allocation in the report together with the "
                                 "promising initiatives covers the task, it has been adopted unchanged"));
  CHECK_THAT(md, Catch::Contains("- Bergen & \\<Zoom\\>: 100 regular reception places and 20 amv reception places (local "
                                 "decision-making has been completed; clear commitment)"));
  CHECK_THAT(md, Catch::Contains("contain none of the elements that make a plan promising and have not been "
                                 "included:\n\n- Zee\\|dorp: 5 regular reception places and 0 amv reception places\n"));
  auto nl = besluit_markdown(besluit_document(v));
  CHECK_THAT(nl, Catch::Contains("Aangezien de verdeling uit het verslag met de kansrijke initiatieven sluitend is"));
}
