#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <random>

#include "util/rational.h"

using verdeel::Rational;

TEST_CASE("rationals are kept in lowest terms with a positive denominator", "[util][rational]") {
  Rational r = Rational::of(6, -4);
  CHECK(r.num() == -3);
  CHECK(r.den() == 2);
  CHECK(Rational::of(0, -7) == Rational(0));
}

TEST_CASE("rational arithmetic is exact", "[util][rational]") {
  Rational third = Rational::of(1, 3);
  CHECK(third + third + third == Rational(1));
  CHECK(Rational::of(2, 3) * Rational::of(3, 4) == Rational::of(1, 2));
  CHECK(Rational(1) / Rational(3) == third);
  CHECK(Rational::of(1, 3) - Rational::of(1, 2) == Rational::of(-1, 6));
  CHECK(Rational::of(1, 3) < Rational::of(34, 100));
}

TEST_CASE("floor and ceil round toward minus and plus infinity", "[util][rational]") {
  CHECK(Rational::of(7, 2).floor() == 3);
  CHECK(Rational::of(-7, 2).floor() == -4);
  CHECK(Rational::of(7, 2).ceil() == 4);
  CHECK(Rational::of(-7, 2).ceil() == -3);
  CHECK(Rational(5).floor() == 5);
}

TEST_CASE("decimal text rounds half away from zero", "[util][rational]") {
  CHECK(Rational::of(6327, 10000).to_decimal(2) == "0.63");
  CHECK((Rational::of(2, 3) * 100).to_decimal(2) == "66.67");
  CHECK(Rational::of(1, 8).to_decimal(2) == "0.13");
  CHECK(Rational::of(-1, 8).to_decimal(2) == "-0.13");
  CHECK(Rational(3).to_decimal(2) == "3.00");
}

TEST_CASE("overflow beyond 64 bits is an error, never a wrong number", "[util][rational]") {
  Rational big(std::numeric_limits<int64_t>::max());
  CHECK_THROWS_AS(big + Rational(1), std::overflow_error);
  CHECK_THROWS_AS(big * Rational(2), std::overflow_error);
  CHECK_THROWS_AS(Rational::of(1, 0), std::domain_error);
  CHECK_THROWS_AS(Rational(1) / Rational(0), std::domain_error);
}

namespace {
using i128 = verdeel::int128;

// The plain definitions, on 128 bits throughout: what the faster code must agree with.
i128 ref_gcd(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// (num, den) in lowest terms with den > 0, or nothing when either does not fit in 64 bits.
bool ref_reduce(i128 num, i128 den, int64_t& n, int64_t& d) {
  if (den < 0) num = -num, den = -den;
  i128 g = ref_gcd(num, den);
  if (g > 1) num /= g, den /= g;
  const i128 lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  if (num < lo || num > hi || den < lo || den > hi) return false;
  n = static_cast<int64_t>(num);
  d = static_cast<int64_t>(den);
  return true;
}

void check_same(const char* op, const std::function<Rational()>& got, i128 num, i128 den) {
  int64_t n = 0, d = 0;
  INFO(op);
  if (!ref_reduce(num, den, n, d)) {
    CHECK_THROWS_AS(got(), std::overflow_error);
    return;
  }
  Rational r = got();
  CHECK(r.num() == n);
  CHECK(r.den() == d);
}
}  // namespace

TEST_CASE("rational arithmetic agrees with plain 128-bit Euclid on numbers of every size", "[util][rational]") {
  std::mt19937_64 rng(20261130);
  // Magnitudes from one digit to the edge of 64 bits, so that products need all of 128 bits and
  // common factors are frequent (multiples of a shared random factor).
  auto draw = [&](bool positive) {
    const int bits = static_cast<int>(rng() % 63) + 1;
    int64_t v = static_cast<int64_t>(rng() >> (64 - bits));
    if (rng() % 4 == 0) v = std::numeric_limits<int64_t>::max() - static_cast<int64_t>(rng() % 1000);
    if (!positive && rng() % 2) v = -v;
    if (positive && v == 0) v = 1;
    return v;
  };
  for (int i = 0; i < 20000; ++i) {
    const int64_t shared = static_cast<int64_t>(rng() % 1000) + 1;
    int64_t an = draw(false), ad = draw(true), bn = draw(false), bd = draw(true);
    if (rng() % 3 == 0 && an < std::numeric_limits<int64_t>::max() / shared && an > std::numeric_limits<int64_t>::min() / shared &&
        bd < std::numeric_limits<int64_t>::max() / shared)
      an *= shared, bd *= shared;
    int64_t n = 0, d = 0;
    REQUIRE(ref_reduce(an, ad, n, d));
    const Rational a = Rational::of(an, ad);
    CHECK(a.num() == n);
    CHECK(a.den() == d);
    REQUIRE(ref_reduce(bn, bd, n, d));
    const Rational b = Rational::of(bn, bd);
    const i128 A = a.num(), B = a.den(), C = b.num(), D = b.den();
    check_same("+", [&] { return a + b; }, A * D + C * B, B * D);
    check_same("-", [&] { return a - b; }, A * D - C * B, B * D);
    check_same("*", [&] { return a * b; }, A * C, B * D);
    if (C != 0) check_same("/", [&] { return a / b; }, A * D, B * C);
    // floor and ceil by 128-bit division, rounded toward minus and plus infinity.
    i128 q = A / B;
    if (A % B != 0 && A < 0) --q;
    CHECK(a.floor() == static_cast<int64_t>(q));
    q = A / B;
    if (A % B != 0 && A > 0) ++q;
    CHECK(a.ceil() == static_cast<int64_t>(q));
  }
}

TEST_CASE("floor and ceil at the edges of 64 bits", "[util][rational]") {
  const int64_t min = std::numeric_limits<int64_t>::min(), max = std::numeric_limits<int64_t>::max();
  CHECK(Rational(min).floor() == min);
  CHECK(Rational(min).ceil() == min);
  CHECK(Rational(max).ceil() == max);
  CHECK(Rational::of(min, 3).floor() == min / 3 - 1);
  CHECK(Rational::of(min, 3).ceil() == min / 3);
  CHECK(Rational::of(max, 2).ceil() == max / 2 + 1);
  CHECK(Rational::of(max, max).floor() == 1);
}

TEST_CASE("negative denominators and the most negative numerator", "[util][rational]") {
  const int64_t min = std::numeric_limits<int64_t>::min(), max = std::numeric_limits<int64_t>::max();
  CHECK(Rational::of(3, -6) == Rational::of(-1, 2));
  CHECK(Rational::of(-3, -6) == Rational::of(1, 2));
  CHECK(Rational::of(min, 2).num() == min / 2);
  CHECK(Rational::of(min, 2).den() == 1);
  CHECK(Rational::of(min, min) == Rational(1));
  CHECK(Rational::of(min, -2) == Rational(-(min / 2)));
  // -(2^63 - 1) / 2^63 is in lowest terms, and 2^63 does not fit: an error, never a wrong number.
  CHECK_THROWS_AS(Rational::of(max, min), std::overflow_error);
  CHECK_THROWS_AS(Rational::of(min, -1), std::overflow_error);
  CHECK_THROWS_AS(-Rational(min), std::overflow_error);
  CHECK(Rational(min) / Rational(min) == Rational(1));
  CHECK(Rational(min) * Rational::of(1, 2) == Rational(min / 2));
}
