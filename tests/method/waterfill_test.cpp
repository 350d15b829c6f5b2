#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "method/waterfill.h"

using namespace verdeel;
using namespace verdeel::method;

namespace {
Rational sum(const std::vector<Rational>& v) {
  Rational s = 0;
  for (const auto& x : v) s += x;
  return s;
}
}  // namespace

TEST_CASE("Water filling brings everyone to the same share of its indicative", "[method]") {
  std::vector<WaterMember> m = {{"A", 100, 0, 1000}, {"B", 50, 0, 1000}};
  auto r = waterfill(m, 30);
  REQUIRE(r.p);
  CHECK(*r.p == Rational::of(1, 5));
  CHECK(r.exact[0] == 20);
  CHECK(r.exact[1] == 10);
  CHECK(r.shortfall == 0);
}

TEST_CASE("A municipality already above the share gets nothing", "[method]") {
  std::vector<WaterMember> m = {{"A", 100, 0, 1000}, {"B", 100, 60, 1000}};
  auto r = waterfill(m, 50);
  REQUIRE(r.p);
  CHECK(*r.p == Rational::of(1, 2));
  CHECK(r.exact[0] == 50);
  CHECK(r.exact[1] == 0);
  SECTION("and joins once the share passes its own") {
    auto r2 = waterfill(m, 100);
    CHECK(*r2.p == Rational::of(4, 5));
    CHECK(r2.exact[0] == 80);
    CHECK(r2.exact[1] == 20);
  }
}

TEST_CASE("Nobody passes its head, the others take the rest", "[method]") {
  std::vector<WaterMember> m = {{"A", 100, 0, 10}, {"B", 100, 0, 1000}};
  auto r = waterfill(m, 100);
  REQUIRE(r.p);
  CHECK(*r.p == Rational::of(9, 10));
  CHECK(r.exact[0] == 10);
  CHECK(r.exact[1] == 90);
}

TEST_CASE("The percentage can exceed 100 percent when the total cap allows it", "[method]") {
  // ind regulier 10 with a total cap of 30 (amv counts in the cap).
  std::vector<WaterMember> m = {{"A", 10, 0, 30}, {"B", 10, 0, 30}};
  auto r = waterfill(m, 50);
  REQUIRE(r.p);
  CHECK(*r.p == Rational::of(5, 2));
  CHECK(*r.p > Rational(1));
  CHECK(r.exact[0] == 25);
}

TEST_CASE("A municipality with indicative 0 in the category receives nothing", "[method]") {
  std::vector<WaterMember> m = {{"A", 0, 0, 50}, {"B", 20, 0, 50}};
  auto r = waterfill(m, 10);
  REQUIRE(r.p);
  CHECK(*r.p == Rational::of(1, 2));
  CHECK(r.exact[0] == 0);
  CHECK(r.exact[1] == 10);
  SECTION("and its head does not count against a shortfall") {
    auto s = waterfill(m, 60);
    CHECK_FALSE(s.p);
    CHECK(s.shortfall == 10);
    CHECK(s.exact[0] == 0);
    CHECK(s.exact[1] == 50);
  }
}

TEST_CASE("A shortfall gives everyone its head and reports the unfilled remainder", "[method]") {
  std::vector<WaterMember> m = {{"A", 100, 90, 10}, {"B", 50, 0, 7}};
  auto r = waterfill(m, 30);
  CHECK_FALSE(r.p);
  CHECK(r.shortfall == 13);
  CHECK(r.exact == std::vector<Rational>{10, 7});
  SECTION("exactly enough heads is not a shortfall") {
    auto e = waterfill(m, 17);
    REQUIRE(e.p);
    CHECK(e.shortfall == 0);
    CHECK(sum(e.exact) == 17);
    CHECK(*e.p == 1);  // the smallest p at which A reaches its head
  }
}

TEST_CASE("An empty set with a remainder is a shortfall of the whole remainder", "[method]") {
  auto r = waterfill({}, 25);
  CHECK_FALSE(r.p);
  CHECK(r.shortfall == 25);
}

TEST_CASE("Water filling finds the smallest percentage whose shares sum exactly to the rest", "[method]") {
  std::vector<WaterMember> m = {{"A", 7, 3, 9}, {"B", 13, 0, 4}, {"C", 3, 1, 100}, {"D", 11, 9, 2}};
  auto rest = GENERATE(1, 2, 5, 11, 17, 40, 115);
  auto r = waterfill(m, rest);
  REQUIRE(r.p);
  CHECK(sum(r.exact) == rest);
  // any smaller p falls short
  Rational smaller = *r.p - Rational::of(1, 1000000);
  Rational s = 0;
  for (const auto& x : m) s += share(x, smaller);
  CHECK(s < Rational(rest));
}

TEST_CASE("On a plateau of the shares the smallest percentage is taken", "[method]") {
  // A is full at p = 1/2; B only starts at p = 4/5. Rest 5 is reached on the whole plateau.
  std::vector<WaterMember> m = {{"A", 10, 0, 5}, {"B", 10, 8, 100}};
  auto r = waterfill(m, 5);
  REQUIRE(r.p);
  CHECK(*r.p == Rational::of(1, 2));
  auto r2 = waterfill(m, 6);
  CHECK(*r2.p == Rational::of(9, 10));
}

namespace {
// The first breakpoint where Σ e(p) reaches the rest, by walking them from the left: what
// waterfill's bisection must find. Returns p from that segment, as waterfill computes it.
std::optional<Rational> walked_p(const std::vector<WaterMember>& m, int64_t rest) {
  std::vector<Rational> points = {Rational(0)};
  for (const auto& x : m) {
    if (x.ind == 0) continue;
    points.push_back(Rational::of(x.attr, x.ind));
    points.push_back(Rational::of(x.attr + x.head, x.ind));
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  auto total = [&](const Rational& p) {
    Rational s = 0;
    for (const auto& x : m) s += share(x, p);
    return s;
  };
  for (size_t k = 1; k < points.size(); ++k) {
    if (total(points[k]) < Rational(rest)) continue;
    // Σ e is linear on [points[k-1], points[k]]: interpolate exactly.
    Rational lo = points[k - 1], hi = points[k], tlo = total(lo), thi = total(hi);
    return lo + (hi - lo) * (Rational(rest) - tlo) / (thi - tlo);
  }
  return std::nullopt;
}
}  // namespace

TEST_CASE("Water filling finds the breakpoint segment a walk from the left finds", "[method]") {
  // Random sets with ties, zero indicatives, zero heads and plateaus; every reachable rest.
  uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&](int64_t below) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<int64_t>(state % static_cast<uint64_t>(below));
  };
  int checked = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<WaterMember> m;
    const int64_t n = 1 + next(30);
    for (int64_t i = 0; i < n; ++i)
      m.push_back({"G" + std::to_string(i), next(4) == 0 ? 0 : 1 + next(60), next(40), next(5) == 0 ? 0 : next(50)});
    int64_t can = 0;
    for (const auto& x : m) can += reachable(x);
    for (int64_t rest = 1; rest <= can; rest += 1 + next(7)) {
      auto r = waterfill(m, rest);
      REQUIRE(r.p);
      auto expected = walked_p(m, rest);
      REQUIRE(expected);
      CHECK(*r.p == *expected);
      CHECK(sum(r.exact) == rest);
      ++checked;
    }
  }
  CHECK(checked > 1000);
}
