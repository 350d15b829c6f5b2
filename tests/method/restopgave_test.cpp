#include <catch2/catch.hpp>

#include "method/restopgave.h"

using namespace verdeel::method;

TEST_CASE("The remainder is the task minus the base, never below zero", "[method]") {
  std::vector<Basis> b(2);
  b[0].basis = {100, 10};
  b[1].basis = {50, 30};
  SECTION("remainder in one category only") {
    auto r = bereken_restopgave({200, 30}, b);
    CHECK(r.basis_som == PerCategory{150, 40});
    CHECK(r.rest == PerCategory{50, 0});
    CHECK_FALSE(r.one_to_one);
  }
  SECTION("remainder in both categories") {
    auto r = bereken_restopgave({151, 41}, b);
    CHECK(r.rest == PerCategory{1, 1});
  }
  SECTION("no remainder at all: adopted one to one, even above the task") {
    auto r = bereken_restopgave({150, 20}, b);
    CHECK(r.rest == PerCategory{0, 0});
    CHECK(r.one_to_one);
  }
}
