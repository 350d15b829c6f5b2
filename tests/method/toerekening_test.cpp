#include <catch2/catch.hpp>

#include "method/toerekening.h"

using namespace verdeel::method;

TEST_CASE("Exchanged places count at the municipality they are realised for", "[method]") {
  std::vector<Basis> b(3);
  b[0].gemeente = "GM0001";
  b[0].basis = {100, 10};
  b[1].gemeente = "GM0002";
  b[1].basis = {0, 0};
  b[2].gemeente = "GM0003";
  b[2].basis = {20, 0};
  std::vector<Uitruil> u = {{"GM0001", "GM0002", Category::regulier, 30},
                            {"GM0001", "GM0003", Category::amv, 4},
                            {"GM0003", "GM0002", Category::regulier, 5}};
  auto t = bereken_toerekening(b, u);
  REQUIRE(t.size() == 3);
  CHECK(t[0].voor_anderen == PerCategory{30, 4});
  CHECK(t[0].attr == PerCategory{70, 6});
  CHECK(t[1].door_anderen == PerCategory{35, 0});
  CHECK(t[1].attr == PerCategory{35, 0});
  CHECK(t[2].voor_anderen == PerCategory{5, 0});
  CHECK(t[2].door_anderen == PerCategory{0, 4});
  CHECK(t[2].attr == PerCategory{15, 4});
}

TEST_CASE("Realising more places for others than one's own base is rejected", "[method]") {
  std::vector<Basis> b(2);
  b[0].gemeente = "GM0001";
  b[0].basis = {10, 0};
  b[1].gemeente = "GM0002";
  CHECK_THROWS_AS(bereken_toerekening(b, {{"GM0001", "GM0002", Category::regulier, 11}}), std::invalid_argument);
}
