#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "decision/case_from_inputs.h"

using verdeel::Json;
using verdeel::Rational;
using verdeel::decision::case_from_inputs;
using verdeel::decision::InputRecord;
namespace method = verdeel::method;

namespace {

InputRecord gemeente(const std::string& code, const std::string& naam, const std::string& provincie = "Drenthe") {
  return {"input.gemeente", code, Json{{"code", code}, {"naam", naam}, {"provincie", provincie}}};
}
InputRecord places(const std::string& kind, const std::string& code, int64_t regulier, int64_t amv) {
  return {kind, code, Json{{"gemeente", code}, {"regulier", regulier}, {"amv", amv}}};
}

// Drenthe in brief: three municipalities and one of every other kind.
std::vector<InputRecord> inputs() {
  return {
      gemeente("GM0114", "Emmen"),
      gemeente("GM0106", "Assen"),
      gemeente("GM0119", "Meppel"),
      {"input.opgave", "", Json{{"provincie", "Drenthe"}, {"regulier", 100}, {"amv", 10}}},
      places("input.indicatief", "GM0106", 40, 4),
      places("input.indicatief", "GM0114", 40, 4),
      places("input.indicatief", "GM0119", 20, 2),
      places("input.verslag", "GM0106", 30, 2),
      places("input.verslag", "GM0114", 50, 0),
      {"input.kansrijk", "GM0106",
       Json{{"gemeente", "GM0106"}, {"regulier", 5}, {"amv", 0}, {"criteria", {"toezegging", "besluitvorming"}}}},
      {"input.kansrijk", "GM0106", Json{{"gemeente", "GM0106"}, {"regulier", 3}, {"amv", 1}, {"criteria", Json::array()}}},
      {"input.historie", "GM0114", Json{{"gemeente", "GM0114"}, {"gemiddeld", {{"num", 617}, {"den", 5}}}}},
      {"input.oekraine", "GM0119", Json{{"gemeente", "GM0119"}, {"plaatsen", 30}, {"evenredig", {{"num", 49}, {"den", 4}}}}},
      {"input.uitruil", "GM0106",
       Json{{"van", "GM0106"}, {"voor", "GM0119"}, {"categorie", "regulier"}, {"plaatsen", 20}}},
      {"input.uitruilgroep", "GM0119", Json{{"groep", "Zuid"}, {"gemeente", "GM0119"}}},
      {"input.uitruilgroep", "GM0114", Json{{"groep", "Zuid"}, {"gemeente", "GM0114"}}},
  };
}

std::vector<InputRecord> with(std::vector<InputRecord> v, InputRecord r) {
  v.push_back(std::move(r));
  return v;
}

// The exception message of case_from_inputs, or "" when it did not throw.
std::string refusal(const std::vector<InputRecord>& in) {
  try {
    case_from_inputs("2024", "Drenthe", in);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("inputs become the province's case with every value in place", "[decision]") {
  method::ProvinceCase c = case_from_inputs("2024", "Drenthe", inputs());
  CHECK(c.cycle == "2024");
  CHECK(c.provincie == "Drenthe");
  CHECK(c.opgave == method::PerCategory{100, 10});
  REQUIRE(c.gemeenten.size() == 3);
  CHECK(c.gemeenten[0].code == "GM0106");  // ordered by code
  CHECK(c.gemeenten[0].naam == "Assen");
  CHECK(c.gemeenten[0].indicatief == method::PerCategory{40, 4});
  CHECK(c.gemeenten[0].verslag == method::PerCategory{30, 2});
  CHECK(c.gemeenten[1].code == "GM0114");
  REQUIRE(c.initiatieven.size() == 2);
  CHECK(c.initiatieven[0].plaatsen == method::PerCategory{3, 1});
  CHECK(c.initiatieven[0].criteria.empty());
  CHECK(c.initiatieven[1].criteria == std::vector<std::string>{"besluitvorming", "toezegging"});
  CHECK(c.historie.at("GM0114") == Rational::of(617, 5));
  CHECK(c.oekraine.at("GM0119").plaatsen == Rational(30));
  CHECK(c.oekraine.at("GM0119").evenredig == Rational::of(49, 4));
  REQUIRE(c.uitruil.size() == 1);
  CHECK(c.uitruil[0].van == "GM0106");
  CHECK(c.uitruil[0].voor == "GM0119");
  CHECK(c.uitruil[0].categorie == method::Category::regulier);
  CHECK(c.uitruil[0].plaatsen == 20);
  REQUIRE(c.groepen.size() == 1);
  CHECK(c.groepen[0].naam == "Zuid");
  CHECK(c.groepen[0].leden == std::vector<std::string>{"GM0114", "GM0119"});
  CHECK(c.policy.name == "beleidsregel-2024");
}

TEST_CASE("a municipality without a report row gets a report of 0", "[decision]") {
  method::ProvinceCase c = case_from_inputs("2024", "Drenthe", inputs());
  CHECK(c.gemeenten[2].code == "GM0119");
  CHECK(c.gemeenten[2].verslag == method::PerCategory{0, 0});
}

TEST_CASE("the case does not depend on the order of the records", "[decision]") {
  method::ProvinceCase a = case_from_inputs("2024", "Drenthe", inputs());
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) {
    auto shuffled = inputs();
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    method::ProvinceCase b = case_from_inputs("2024", "Drenthe", shuffled);
    REQUIRE(b.gemeenten.size() == a.gemeenten.size());
    for (size_t k = 0; k < a.gemeenten.size(); ++k) CHECK(b.gemeenten[k].code == a.gemeenten[k].code);
    REQUIRE(b.initiatieven.size() == a.initiatieven.size());
    for (size_t k = 0; k < a.initiatieven.size(); ++k) CHECK(b.initiatieven[k].plaatsen == a.initiatieven[k].plaatsen);
    REQUIRE(b.groepen.size() == 1);
    CHECK(b.groepen[0].leden == a.groepen[0].leden);
  }
}

TEST_CASE("policy overrides from input.beleid are applied to the defaults", "[decision]") {
  auto in = with(inputs(), {"input.beleid", "", Json{{"minimum_places", 3}, {"ukraine_factor", "2,5"}}});
  method::ProvinceCase c = case_from_inputs("2024", "Drenthe", in);
  CHECK(c.policy.minimum_places == 3);
  CHECK(c.policy.ukraine_factor == Rational::of(5, 2));
  CHECK(c.policy.meets_indicative_basis == method::MeetsBasis::total);
}

TEST_CASE("a record of an unknown kind is refused", "[decision]") {
  CHECK_THAT(refusal(with(inputs(), {"input.weer", "", Json::object()})), Catch::Contains("unknown input record kind 'input.weer'"));
}

TEST_CASE("a municipality of another province is refused", "[decision]") {
  CHECK_THAT(refusal(with(inputs(), gemeente("GM0014", "Groningen", "Groningen"))),
             Catch::Contains("GM0014 belongs to province 'Groningen'"));
}

TEST_CASE("a reference to a municipality without an input.gemeente record is refused", "[decision]") {
  CHECK_THAT(refusal(with(inputs(), places("input.verslag", "GM0014", 1, 1))),
             Catch::Contains("input.verslag GM0014") && Catch::Contains("no input.gemeente record"));
}

TEST_CASE("a municipality recorded twice where one record is allowed is refused", "[decision]") {
  CHECK_THAT(refusal(with(inputs(), places("input.indicatief", "GM0106", 1, 1))), Catch::Contains("GM0106 recorded twice"));
  CHECK_THAT(refusal(with(inputs(), gemeente("GM0106", "Assen"))), Catch::Contains("recorded twice"));
}

TEST_CASE("a case without a task or with two tasks is refused", "[decision]") {
  auto in = inputs();
  in.erase(in.begin() + 3);
  CHECK_THAT(refusal(in), Catch::Contains("no input.opgave record"));
  CHECK_THAT(refusal(with(inputs(), inputs()[3])), Catch::Contains("recorded twice"));
  CHECK_THAT(refusal(with(in, {"input.opgave", "", Json{{"provincie", "Groningen"}, {"regulier", 1}, {"amv", 1}}})),
             Catch::Contains("task of province 'Groningen'"));
}

TEST_CASE("a municipality without indicative numbers is refused", "[decision]") {
  auto in = inputs();
  in.erase(in.begin() + 6);  // GM0119
  CHECK_THAT(refusal(in), Catch::Contains("no input.indicatief record for GM0119"));
}

TEST_CASE("a case without municipalities is refused", "[decision]") {
  CHECK_THAT(refusal({}), Catch::Contains("no input.gemeente records"));
}

TEST_CASE("malformed bodies are refused with the record and field named", "[decision]") {
  SECTION("negative count") {
    CHECK_THAT(refusal(with(inputs(), places("input.verslag", "GM0119", -1, 0))),
               Catch::Contains("input.verslag GM0119") && Catch::Contains("'regulier' must be a whole number >= 0"));
  }
  SECTION("count as text") {
    auto r = places("input.verslag", "GM0119", 1, 0);
    r.body["amv"] = "1";
    CHECK_THAT(refusal(with(inputs(), r)), Catch::Contains("'amv'"));
  }
  SECTION("floating-point count") {
    auto r = places("input.verslag", "GM0119", 1, 0);
    r.body["amv"] = 1.5;
    CHECK_THAT(refusal(with(inputs(), r)), Catch::Contains("'amv'"));
  }
  SECTION("missing field") {
    auto r = places("input.verslag", "GM0119", 1, 0);
    r.body.erase("amv");
    CHECK_THAT(refusal(with(inputs(), r)), Catch::Contains("missing field 'amv'"));
  }
  SECTION("unknown field") {
    auto r = places("input.verslag", "GM0119", 1, 0);
    r.body["opmerking"] = "x";
    CHECK_THAT(refusal(with(inputs(), r)), Catch::Contains("unknown field 'opmerking'"));
  }
  SECTION("not an object") {
    CHECK_THAT(refusal(with(inputs(), {"input.verslag", "GM0119", Json::array()})), Catch::Contains("must be a JSON object"));
  }
  SECTION("rational not in lowest terms") {
    CHECK_THAT(refusal(with(inputs(), {"input.historie", "GM0106",
                                       Json{{"gemeente", "GM0106"}, {"gemiddeld", {{"num", 2}, {"den", 4}}}}})),
               Catch::Contains("'gemiddeld'"));
  }
  SECTION("unknown criterion") {
    CHECK_THAT(refusal(with(inputs(), {"input.kansrijk", "GM0106",
                                       Json{{"gemeente", "GM0106"}, {"regulier", 1}, {"amv", 0}, {"criteria", {"intentie"}}}})),
               Catch::Contains("unknown criterion \"intentie\""));
  }
  SECTION("unknown category") {
    CHECK_THAT(refusal(with(inputs(), {"input.uitruil", "GM0106",
                                       Json{{"van", "GM0106"}, {"voor", "GM0114"}, {"categorie", "gezin"}, {"plaatsen", 1}}})),
               Catch::Contains("unknown category"));
  }
  SECTION("exchange with itself") {
    CHECK_THAT(refusal(with(inputs(), {"input.uitruil", "GM0106",
                                       Json{{"van", "GM0106"}, {"voor", "GM0106"}, {"categorie", "amv"}, {"plaatsen", 1}}})),
               Catch::Contains("exchanges with itself"));
  }
  SECTION("group member twice") {
    CHECK_THAT(refusal(with(inputs(), {"input.uitruilgroep", "GM0114", Json{{"groep", "Zuid"}, {"gemeente", "GM0114"}}})),
               Catch::Contains("listed twice in group 'Zuid'"));
  }
  SECTION("bad policy") {
    CHECK_THAT(refusal(with(inputs(), {"input.beleid", "", Json{{"rounding", "bankers"}}})),
               Catch::Contains("input.beleid") && Catch::Contains("rounding"));
  }
  SECTION("two policies") {
    auto in = with(inputs(), {"input.beleid", "", Json::object()});
    CHECK_THAT(refusal(with(in, {"input.beleid", "", Json::object()})), Catch::Contains("input.beleid recorded twice"));
  }
}
