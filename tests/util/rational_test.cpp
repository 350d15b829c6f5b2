#include <catch2/catch.hpp>

#include <limits>

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
