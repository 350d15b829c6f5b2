#include <catch2/catch.hpp>

#include "method/rounding.h"

using namespace verdeel;
using namespace verdeel::method;

TEST_CASE("Largest remainder gives leftover units to the largest fractional parts", "[method]") {
  std::vector<RoundItem> items = {{"A", 10, Rational::of(53, 10)}, {"B", 10, Rational::of(67, 10)}, {"C", 10, Rational(8)}};
  auto r = rond_af(items, 20);
  CHECK(r[0].floor == 5);
  CHECK(r[0].rounded == 5);
  CHECK(r[1].rounded == 7);
  CHECK(r[1].extra_unit);
  CHECK(r[2].rounded == 8);
  CHECK_FALSE(r[2].extra_unit);
}

TEST_CASE("A tie in rounding goes to the larger indicative, then the smaller code", "[method]") {
  SECTION("larger indicative first") {
    std::vector<RoundItem> items = {{"GM0001", 5, Rational::of(11, 2)}, {"GM0002", 10, Rational::of(11, 2)}};
    auto r = rond_af(items, 11);
    CHECK(r[0].rounded == 5);
    CHECK(r[1].rounded == 6);
  }
  SECTION("equal indicative: smaller code first, whatever the input order") {
    std::vector<RoundItem> items = {{"GM0002", 10, Rational::of(11, 2)}, {"GM0001", 10, Rational::of(11, 2)}};
    auto r = rond_af(items, 11);
    CHECK(r[0].rounded == 5);
    CHECK(r[1].rounded == 6);
  }
}

TEST_CASE("Rounding refuses a target it cannot reach", "[method]") {
  std::vector<RoundItem> items = {{"A", 1, Rational::of(1, 2)}};
  CHECK_THROWS_AS(rond_af(items, 3), std::logic_error);
  CHECK_THROWS_AS(rond_af(items, -1), std::logic_error);
}
