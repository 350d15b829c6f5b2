#include <catch2/catch.hpp>

#include "helpers.h"

using namespace verdeel;
using namespace verdeel::method;
using namespace verdeel::method::test;

TEST_CASE("Without a remainder the report is adopted one to one, even above the task", "[method]") {
  // Drenthe 2024 in miniature: the report exceeds the task in both categories.
  auto pc = province(100, 10, {gm("GM0106", 60, 5, 120, 8, "Assen"), gm("GM0114", 60, 5, 30, 4, "Emmen")});
  auto d = decide(pc);
  CHECK(d.restopgave.one_to_one);
  CHECK(d.toerekening.empty());
  CHECK(d.exclusions.empty());
  CHECK(d.verdelingen.empty());
  CHECK(d.verslag_som == PerCategory{150, 12});
  CHECK(d.besluit_som == PerCategory{150, 12});
  for (const auto& u : d.uitkomsten) {
    CHECK(u.besluit == u.basis);
    CHECK(u.extra == PerCategory{});
  }
}

TEST_CASE("A remainder in one category only is distributed in that category alone", "[method]") {
  auto pc = province(190, 10, {gm("GM0001", 100, 5, 50, 10), gm("GM0002", 100, 5, 0, 0)});
  auto d = decide(pc);
  CHECK(d.restopgave.rest == PerCategory{140, 0});
  REQUIRE(d.verdelingen.size() == 1);
  CHECK(d.verdelingen[0].categorie == Category::regulier);
  CHECK(d.verdeling(Category::amv) == nullptr);
  // GM0001's amv counts in its total cap: 105 - 60 = 45 places of room.
  CHECK(*d.verdelingen[0].p == Rational::of(19, 20));
  CHECK(uitkomst(d, "GM0001").extra == PerCategory{45, 0});
  CHECK(uitkomst(d, "GM0002").extra == PerCategory{95, 0});
  CHECK(aandeel(d.verdelingen[0], "GM0001")->capped);
  CHECK_FALSE(aandeel(d.verdelingen[0], "GM0002")->capped);
  for (const auto& e : d.exclusions) CHECK(e.categorie == Category::regulier);
  CHECK(d.besluit_som == PerCategory{190, 10});
}

TEST_CASE("When every municipality is excluded the whole remainder is a shortfall", "[method]") {
  auto pc = province(500, 10, {gm("GM0001", 100, 5, 110, 5), gm("GM0002", 100, 5, 0, 5)});
  pc.historie["GM0002"] = 200;
  auto d = decide(pc);
  const Verdeling* v = d.verdeling(Category::regulier);
  REQUIRE(v);
  CHECK(v->eligible.empty());
  CHECK(v->participants.empty());
  CHECK_FALSE(v->p);
  CHECK(v->shortfall == 390);
  CHECK(v->placed == 0);
  CHECK(rules_of(d, "GM0001", Category::regulier) == std::vector<std::string>{"meets_indicative"});
  CHECK(rules_of(d, "GM0002", Category::regulier) == std::vector<std::string>{"history"});
  CHECK(d.besluit_som == PerCategory{110, 10});
}

TEST_CASE("A shortfall with participants gives everyone its head", "[method]") {
  auto pc = province(300, 0, {gm("GM0001", 100, 0, 50, 0), gm("GM0002", 100, 0, 20, 0)});
  auto d = decide(pc);
  const Verdeling* v = d.verdeling(Category::regulier);
  REQUIRE(v);
  CHECK_FALSE(v->p);
  CHECK(v->placed == 130);
  CHECK(v->shortfall == 100);
  CHECK(uitkomst(d, "GM0001").besluit.regulier == 100);
  CHECK(uitkomst(d, "GM0002").besluit.regulier == 100);
  for (const auto& a : v->aandelen) CHECK(a.capped);
}

TEST_CASE("An initiative without criteria adds nothing to the decision", "[method]") {
  auto pc = province(100, 0, {gm("GM0001", 50, 0), gm("GM0002", 50, 0)});
  pc.initiatieven.push_back({"GM0001", {40, 0}, {}});
  auto d = decide(pc);
  REQUIRE(d.initiatieven.size() == 1);
  CHECK_FALSE(d.initiatieven[0].kansrijk);
  CHECK(d.basis[0].basis == PerCategory{0, 0});
  CHECK(d.restopgave.rest.regulier == 100);
  SECTION("with a criterion it counts") {
    pc.initiatieven[0].criteria = {"locatie_voor_raming"};
    auto d2 = decide(pc);
    CHECK(d2.basis[0].basis == PerCategory{40, 0});
    CHECK(d2.restopgave.rest.regulier == 60);
  }
}

TEST_CASE("A municipality with indicative amv 0 receives no amv places", "[method]") {
  auto pc = province(0, 20, {gm("GM0001", 100, 0), gm("GM0002", 100, 10), gm("GM0003", 100, 10)});
  auto d = decide(pc);
  const Verdeling* v = d.verdeling(Category::amv);
  REQUIRE(v);
  CHECK(uitkomst(d, "GM0001").extra.amv == 0);
  CHECK(uitkomst(d, "GM0002").extra.amv == 10);
  CHECK(uitkomst(d, "GM0003").extra.amv == 10);
  CHECK(*v->p == 1);
}

TEST_CASE("The percentage can exceed 100 percent because the cap is on the total", "[method]") {
  // amv has no remainder here, so its indicative places leave room under the total cap.
  auto pc = province(60, 0, {gm("GM0001", 20, 20), gm("GM0002", 20, 20)});
  auto d = decide(pc);
  const Verdeling* v = d.verdeling(Category::regulier);
  REQUIRE(v);
  CHECK(*v->p == Rational::of(3, 2));
  CHECK(uitkomst(d, "GM0001").besluit.regulier == 30);
}

TEST_CASE("Extra of an earlier category uses up the cap of a later one", "[method]") {
  auto pc = province(60, 30, {gm("GM0001", 10, 10), gm("GM0002", 10, 10), gm("GM0003", 40, 40)});
  SECTION("regulier first") {
    auto d = decide(pc);
    REQUIRE(d.verdelingen.size() == 2);
    CHECK(d.verdelingen[0].categorie == Category::regulier);
    const Aandeel* a = aandeel(*d.verdeling(Category::amv), "GM0001");
    REQUIRE(a);
    CHECK(uitkomst(d, "GM0001").extra.regulier == 10);
    CHECK(a->head == 10);
  }
  SECTION("amv first when the policy says so") {
    pc.policy.category_order = {Category::amv, Category::regulier};
    auto d = decide(pc);
    CHECK(d.verdelingen[0].categorie == Category::amv);
    const Aandeel* a = aandeel(*d.verdeling(Category::regulier), "GM0001");
    REQUIRE(a);
    CHECK(uitkomst(d, "GM0001").extra.amv == 5);
    CHECK(a->head == 15);
  }
}

TEST_CASE("all_at_once and smallest_first can give different decisions", "[method]") {
  // p = 16/17 first: GM0002 1.88 and GM0003 4.71 are below 5. Removing only GM0002
  // lifts GM0003 to 5 1/3; removing both leaves everything to GM0001.
  auto pc = province(16, 0, {gm("GM0001", 10, 10), gm("GM0002", 2, 0), gm("GM0003", 5, 0)});
  auto d1 = decide(pc);
  CHECK(uitkomst(d1, "GM0001").extra.regulier == 11);
  CHECK(uitkomst(d1, "GM0002").extra.regulier == 0);
  CHECK(uitkomst(d1, "GM0003").extra.regulier == 5);
  CHECK(rules_of(d1, "GM0002", Category::regulier) == std::vector<std::string>{"below_minimum"});
  CHECK(rules_of(d1, "GM0003", Category::regulier).empty());
  CHECK(d1.verdeling(Category::regulier)->rounds == 2);

  pc.policy.minimum_exclusion = MinimumExclusion::all_at_once;
  auto d2 = decide(pc);
  CHECK(uitkomst(d2, "GM0001").extra.regulier == 16);
  CHECK(uitkomst(d2, "GM0003").extra.regulier == 0);
  CHECK(rules_of(d2, "GM0003", Category::regulier) == std::vector<std::string>{"below_minimum"});
  CHECK(uitkomst(d2, "GM0003").excluded.at(Category::regulier) == std::vector<std::string>{"below_minimum"});
}

TEST_CASE("The per_category basis lets a municipality that meets one category take part in the other", "[method]") {
  // GM0001 meets its total by regulier alone but has no amv.
  auto pc = province(200, 20, {gm("GM0001", 100, 10, 110, 0), gm("GM0002", 100, 10, 0, 0)});
  auto d = decide(pc);
  CHECK(rules_of(d, "GM0001", Category::amv) == std::vector<std::string>{"meets_indicative"});
  CHECK(uitkomst(d, "GM0001").extra.amv == 0);
  CHECK(uitkomst(d, "GM0002").extra == PerCategory{90, 20});  // up to its total cap of 110

  pc.policy.meets_indicative_basis = MeetsBasis::per_category;
  auto d2 = decide(pc);
  CHECK(rules_of(d2, "GM0001", Category::regulier) == std::vector<std::string>{"meets_indicative"});
  CHECK(rules_of(d2, "GM0001", Category::amv).empty());
  CHECK(uitkomst(d2, "GM0001").extra.amv == 0);  // its head is 0: 110 of 110 already
}

TEST_CASE("Exchanges count for the municipality they are realised for but stay where realised", "[method]") {
  auto pc = province(300, 0, {gm("GM0001", 100, 0, 150, 0), gm("GM0002", 100, 0, 0, 0), gm("GM0003", 100, 0, 0, 0)});
  pc.uitruil.push_back({"GM0001", "GM0002", Category::regulier, 100});
  auto d = decide(pc);
  CHECK(rules_of(d, "GM0002", Category::regulier) == std::vector<std::string>{"meets_indicative", "exchange_full"});
  CHECK(uitkomst(d, "GM0001").besluit.regulier == 200);
  CHECK(uitkomst(d, "GM0003").besluit.regulier == 100);
  CHECK(uitkomst(d, "GM0002").besluit.regulier == 0);
  // GM0001 attr 50 joins at p = 1: it reaches 100 attributed, GM0003 100
  CHECK(uitkomst(d, "GM0001").extra.regulier == 50);
  CHECK(d.verdeling(Category::regulier)->shortfall == 0);
}

TEST_CASE("Outcomes are ordered by name, then code", "[method]") {
  auto pc = province(0, 0, {gm("GM0003", 1, 0, 0, 0, "Borger"), gm("GM0002", 1, 0, 0, 0, "Assen"),
                            gm("GM0001", 1, 0, 0, 0, "Borger")});
  auto d = decide(pc);
  REQUIRE(d.uitkomsten.size() == 3);
  CHECK(d.uitkomsten[0].code == "GM0002");
  CHECK(d.uitkomsten[1].code == "GM0001");
  CHECK(d.uitkomsten[2].code == "GM0003");
}

TEST_CASE("Every exclusion rule that holds is recorded with its figures", "[method]") {
  auto pc = province(1000, 100, {gm("GM0001", 50, 5, 0, 0), gm("GM0002", 40, 4, 100, 0), gm("GM0003", 100, 10, 0, 0)});
  pc.historie["GM0001"] = Rational::of(1234, 10);
  pc.oekraine["GM0001"] = {Rational(30), Rational::of(145, 10)};
  pc.uitruil.push_back({"GM0002", "GM0001", Category::regulier, 60});
  pc.groepen.push_back({"zuid", {"GM0001", "GM0002"}});
  auto d = decide(pc);
  // GM0001: attr 60 >= 55; 123.4 > 55; 30 > 29; 60 for it >= 50; group 100 >= 90.
  CHECK(rules_of(d, "GM0001", Category::regulier) ==
        std::vector<std::string>{"meets_indicative", "history", "ukraine", "exchange_full", "exchange_group"});
  CHECK(rules_of(d, "GM0001", Category::amv) == std::vector<std::string>{"meets_indicative", "history", "ukraine"});
  CHECK(uitkomst(d, "GM0001").excluded.at(Category::amv) ==
        std::vector<std::string>{"meets_indicative", "history", "ukraine"});
  for (const auto& e : d.exclusions) {
    if (e.gemeente != "GM0001" || e.categorie != Category::regulier) continue;
    if (e.rule == "history") {
      CHECK(e.figures.at(0).name == "hist");
      CHECK(e.figures.at(0).value == Rational::of(617, 5));
      CHECK(e.figures.at(1).value == 55);
    }
    if (e.rule == "ukraine") CHECK(e.figures.at(2).value == Rational::of(29, 2));
    if (e.rule == "exchange_group") CHECK(e.detail == "zuid");
  }
  // Exclusions come by category in policy order, then code.
  for (size_t k = 1; k < d.exclusions.size(); ++k) {
    const auto& a = d.exclusions[k - 1];
    const auto& b = d.exclusions[k];
    if (a.categorie == b.categorie) CHECK(a.gemeente <= b.gemeente);
  }
  CHECK(d.exclusions.front().categorie == Category::regulier);
  CHECK(d.exclusions.back().categorie == Category::amv);
}
