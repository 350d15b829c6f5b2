#include <catch2/catch.hpp>

#include "method/minimum.h"

using namespace verdeel;
using namespace verdeel::method;

namespace {
// A 10, B 2, C 5 (ind), rest 16: p = 16/17 gives B 1.88 and C 4.71, both below 5.
std::vector<WaterMember> abc() { return {{"A", 10, 0, 100}, {"B", 2, 0, 100}, {"C", 5, 0, 100}}; }
}  // namespace

TEST_CASE("smallest_first removes only the smallest, which can lift another above the minimum", "[method]") {
  auto r = verdeel_met_minimum(abc(), 16, 5, MinimumExclusion::smallest_first);
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].code == "B");
  CHECK(r.removed[0].round == 1);
  CHECK(r.removed[0].exact == Rational::of(32, 17));
  CHECK(r.rounds == 2);
  REQUIRE(r.participants.size() == 2);
  CHECK(*r.result.p == Rational::of(16, 15));
  CHECK(r.result.exact[1] == Rational::of(16, 3));  // C reaches 5 1/3
}

TEST_CASE("all_at_once removes everyone below the minimum in one round", "[method]") {
  auto r = verdeel_met_minimum(abc(), 16, 5, MinimumExclusion::all_at_once);
  REQUIRE(r.removed.size() == 2);
  CHECK(r.removed[0].code == "B");
  CHECK(r.removed[1].code == "C");
  CHECK(r.removed[1].round == 1);
  REQUIRE(r.participants.size() == 1);
  CHECK(r.result.exact[0] == 16);
}

TEST_CASE("Municipalities tied at the smallest value are removed together", "[method]") {
  std::vector<WaterMember> m = {{"A", 100, 0, 1000}, {"B", 3, 0, 100}, {"C", 3, 0, 100}};
  auto r = verdeel_met_minimum(m, 106, 5, MinimumExclusion::smallest_first);
  REQUIRE(r.removed.size() == 2);
  CHECK(r.removed[0].round == 1);
  CHECK(r.removed[1].round == 1);
  CHECK(r.rounds == 2);
}

TEST_CASE("Removing everyone below the minimum can leave a shortfall", "[method]") {
  std::vector<WaterMember> m = {{"A", 10, 0, 3}, {"B", 10, 0, 4}};
  auto r = verdeel_met_minimum(m, 7, 5, MinimumExclusion::smallest_first);
  CHECK(r.removed.size() == 2);
  CHECK(r.participants.empty());
  CHECK_FALSE(r.result.p);
  CHECK(r.result.shortfall == 7);
}

TEST_CASE("A municipality at zero is not below the minimum", "[method]") {
  std::vector<WaterMember> m = {{"A", 100, 0, 1000}, {"B", 10, 50, 100}};
  auto r = verdeel_met_minimum(m, 20, 5, MinimumExclusion::smallest_first);
  CHECK(r.removed.empty());
  CHECK(r.result.exact[1] == 0);
}
