#include <catch2/catch.hpp>

#include "helpers.h"
#include "method/validate.h"

using namespace verdeel::method;
using namespace verdeel::method::test;

TEST_CASE("A consistent case passes validation", "[method]") {
  auto pc = province(10, 1, {gm("GM0001", 10, 1), gm("GM0002", 5, 0)});
  CHECK_NOTHROW(validate(pc));
  CHECK_NOTHROW(decide(pc));
}

TEST_CASE("decide rejects unknown codes, duplicates and negative numbers", "[method]") {
  auto pc = province(10, 1, {gm("GM0001", 10, 1), gm("GM0002", 5, 0)});
  SECTION("duplicate municipality code") { pc.gemeenten.push_back(gm("GM0001", 1, 1)); }
  SECTION("initiative of an unknown municipality") { pc.initiatieven.push_back({"GM9999", {1, 0}, {"toezegging"}}); }
  SECTION("history of an unknown municipality") { pc.historie["GM9999"] = 3; }
  SECTION("Ukraine row of an unknown municipality") { pc.oekraine["GM9999"] = {1, 1}; }
  SECTION("exchange from an unknown municipality") { pc.uitruil.push_back({"GM9999", "GM0001", Category::regulier, 1}); }
  SECTION("exchange for an unknown municipality") { pc.uitruil.push_back({"GM0001", "GM9999", Category::regulier, 1}); }
  SECTION("exchange with itself") { pc.uitruil.push_back({"GM0001", "GM0001", Category::regulier, 0}); }
  SECTION("group with an unknown member") { pc.groepen.push_back({"g", {"GM0001", "GM9999"}}); }
  SECTION("negative indicative") { pc.gemeenten[0].indicatief.amv = -1; }
  SECTION("negative report") { pc.gemeenten[1].verslag.regulier = -1; }
  SECTION("category order missing a category") { pc.policy.category_order = {Category::amv, Category::amv}; }
  SECTION("exchange exceeding the base of the realising municipality") {
    pc.uitruil.push_back({"GM0001", "GM0002", Category::regulier, 1});
  }
  CHECK_THROWS_AS(decide(pc), std::invalid_argument);
}

TEST_CASE("The validation message names the offending code", "[method]") {
  auto pc = province(10, 1, {gm("GM0001", 10, 1)});
  pc.historie["GM0404"] = 3;
  CHECK_THROWS_WITH(decide(pc), Catch::Contains("GM0404"));
}
