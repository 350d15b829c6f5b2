#include <catch2/catch.hpp>

#include "helpers.h"
#include "method/basis.h"
#include "method/initiatieven.h"

using namespace verdeel::method;
using namespace verdeel::method::test;

TEST_CASE("The base adopts the report and adds only promising initiatives", "[method]") {
  std::vector<Gemeente> g = {gm("GM0002", 100, 10, 40, 4), gm("GM0001", 50, 5, 0, 0)};
  std::vector<Initiatief> init = {{"GM0002", {20, 3}, {"besluitvorming"}},
                                  {"GM0002", {1000, 100}, {}},
                                  {"GM0001", {7, 0}, {"toezegging", "verlenging"}}};
  auto b = bereken_basis(g, beoordeel_initiatieven(init));
  REQUIRE(b.size() == 2);
  CHECK(b[0].gemeente == "GM0001");
  CHECK(b[0].verslag == PerCategory{0, 0});
  CHECK(b[0].initiatieven == PerCategory{7, 0});
  CHECK(b[0].basis == PerCategory{7, 0});
  CHECK(b[1].gemeente == "GM0002");
  CHECK(b[1].initiatieven == PerCategory{20, 3});
  CHECK(b[1].basis == PerCategory{60, 7});
}
