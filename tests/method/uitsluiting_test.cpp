#include <catch2/catch.hpp>

#include "helpers.h"
#include "method/uitsluiting.h"

using namespace verdeel;
using namespace verdeel::method;
using namespace verdeel::method::test;

TEST_CASE("meets_indicative compares totals by default", "[method]") {
  CHECK(rule_meets_indicative(MeetsBasis::total, Category::amv, {90, 10}, {80, 20}));
  CHECK_FALSE(rule_meets_indicative(MeetsBasis::total, Category::amv, {89, 10}, {80, 20}));
  auto f = rule_meets_indicative(MeetsBasis::total, Category::regulier, {100, 0}, {80, 20});
  REQUIRE(f);
  CHECK(f->at(0).name == "attrTot");
  CHECK(f->at(0).value == 100);
  CHECK(f->at(1).name == "indTot");
  CHECK(f->at(1).value == 100);
}

TEST_CASE("meets_indicative with basis per_category compares the category alone", "[method]") {
  CHECK(rule_meets_indicative(MeetsBasis::per_category, Category::regulier, {80, 0}, {80, 20}));
  CHECK_FALSE(rule_meets_indicative(MeetsBasis::per_category, Category::amv, {80, 0}, {80, 20}));
  auto f = rule_meets_indicative(MeetsBasis::per_category, Category::amv, {0, 25}, {80, 20});
  REQUIRE(f);
  CHECK(f->at(0).name == "attr");
  CHECK(f->at(1).value == 20);
}

TEST_CASE("history excludes only when strictly greater than indTot", "[method]") {
  CHECK_FALSE(rule_history(std::nullopt, 10));
  CHECK_FALSE(rule_history(Rational(10), 10));
  CHECK(rule_history(Rational::of(101, 10), 10));
}

TEST_CASE("ukraine excludes only above factor times the fair share", "[method]") {
  CHECK_FALSE(rule_ukraine(std::nullopt, 2));
  CHECK_FALSE(rule_ukraine(Oekraine{20, 10}, 2));
  CHECK(rule_ukraine(Oekraine{21, 10}, 2));
  CHECK(rule_ukraine(Oekraine{16, 10}, Rational::of(3, 2)));
}

TEST_CASE("exchange_full needs at least one place and at least the regulier indicative", "[method]") {
  CHECK(rule_exchange_full(Category::regulier, 30, 30));
  CHECK_FALSE(rule_exchange_full(Category::regulier, 29, 30));
  CHECK_FALSE(rule_exchange_full(Category::regulier, 0, 0));
  CHECK(rule_exchange_full(Category::regulier, 1, 0));
  CHECK_FALSE(rule_exchange_full(Category::amv, 30, 30));
}

TEST_CASE("exchange_group compares the members jointly and applies to regulier only", "[method]") {
  CHECK(rule_exchange_group(Category::regulier, 100, 100));
  CHECK_FALSE(rule_exchange_group(Category::regulier, 99, 100));
  CHECK_FALSE(rule_exchange_group(Category::amv, 100, 100));
}

TEST_CASE("Every rule that holds is recorded, with its figures, in METHOD.md order", "[method]") {
  auto pc = province(1000, 100, {gm("GM0001", 50, 5, 60, 0), gm("GM0002", 40, 4, 0, 0), gm("GM0003", 100, 10, 0, 0)});
  pc.historie["GM0001"] = 56;
  pc.oekraine["GM0001"] = {Rational(50), Rational(10)};
  pc.uitruil.push_back({"GM0001", "GM0002", Category::regulier, 40});
  pc.groepen.push_back({"noord", {"GM0001", "GM0002"}});
  // attr: GM0001 20 regulier, GM0002 40; group 60 < 90, so exchange_group does not hold.
  std::vector<Toerekening> t(3);
  t[0].gemeente = "GM0001";
  t[0].attr = {20, 0};
  t[1].gemeente = "GM0002";
  t[1].attr = {40, 0};
  t[1].door_anderen = {40, 0};
  t[2].gemeente = "GM0003";
  t[2].attr = {110, 0};
  auto ex = uitsluitingen(pc, t, Category::regulier);
  std::vector<std::string> got;
  for (const auto& e : ex) got.push_back(e.gemeente + ":" + e.rule);
  CHECK(got == std::vector<std::string>{"GM0001:history", "GM0001:ukraine", "GM0002:exchange_full",
                                        "GM0003:meets_indicative"});
  SECTION("amv has no exchange rules") {
    auto amv = uitsluitingen(pc, t, Category::amv);
    for (const auto& e : amv) CHECK(e.rule != "exchange_full");
  }
  SECTION("a group that jointly meets its indicative excludes every member, in regulier only") {
    t[0].attr = {60, 0};
    auto ex2 = uitsluitingen(pc, t, Category::regulier);
    int group = 0;
    for (const auto& e : ex2)
      if (e.rule == "exchange_group") {
        ++group;
        CHECK(e.detail == "noord");
        CHECK(e.figures.at(0).value == 100);
        CHECK(e.figures.at(1).value == 90);
      }
    CHECK(group == 2);
    for (const auto& e : uitsluitingen(pc, t, Category::amv)) CHECK(e.rule != "exchange_group");
  }
}
