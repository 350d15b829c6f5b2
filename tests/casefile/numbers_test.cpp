#include <catch2/catch.hpp>

#include "casefile/numbers.h"

using verdeel::Rational;
using verdeel::casefile::parse_decimal;
using verdeel::casefile::parse_whole;

TEST_CASE("whole numbers are read plain and with Dutch thousands separators", "[casefile]") {
  CHECK(*parse_whole("0").value == 0);
  CHECK(*parse_whole("2462").value == 2462);
  CHECK(*parse_whole("1.000").value == 1000);
  CHECK(*parse_whole("12.345.678").value == 12345678);
  CHECK(*parse_whole(" 42 ").value == 42);
  CHECK(*parse_whole("1000000000").value == 1000000000);
  CHECK_FALSE(parse_whole("1000000001").ok());
  CHECK_FALSE(parse_whole("9223372036854775807").ok());
}

TEST_CASE("misplaced thousands separators are not numbers", "[casefile]") {
  for (const char* s : {"1.00", "1000.000.0", ".100", "1..000", "1234.000", "1.000."}) {
    INFO(s);
    CHECK_FALSE(parse_whole(s).ok());
  }
}

TEST_CASE("a decimal where a whole number is expected is refused as not whole", "[casefile]") {
  auto p = parse_whole("12,5");
  REQUIRE_FALSE(p.ok());
  CHECK_THAT(p.error, Catch::Contains("'12,5'") && Catch::Contains("not a whole number"));
}

TEST_CASE("negative numbers are refused", "[casefile]") {
  auto p = parse_whole("-5");
  REQUIRE_FALSE(p.ok());
  CHECK_THAT(p.error, Catch::Contains("negative"));
  auto d = parse_decimal("-0,5");
  REQUIRE_FALSE(d.ok());
  CHECK_THAT(d.error, Catch::Contains("negative"));
}

TEST_CASE("text, signs and empty values are not numbers", "[casefile]") {
  for (const char* s : {"abc", "12a", "+3", "", "1e3", "0x10", "١٢", "12 000"}) {
    INFO(s);
    CHECK_FALSE(parse_whole(s).ok());
    CHECK_FALSE(parse_decimal(s).ok());
  }
  CHECK_THAT(parse_whole("").error, Catch::Contains("empty"));
}

TEST_CASE("numbers beyond 64 bits are refused as too large", "[casefile]") {
  auto p = parse_whole("9223372036854775808");
  REQUIRE_FALSE(p.ok());
  CHECK_THAT(p.error, Catch::Contains("too large"));
  CHECK_FALSE(parse_whole("99.999.999.999.999.999.999").ok());
  CHECK_FALSE(parse_decimal("99999999999999999999,5").ok());
  CHECK_FALSE(parse_decimal("1,0000000000000000001").ok());
  CHECK(parse_decimal("999999999,5").ok());
  CHECK_FALSE(parse_decimal("1000000000,5").ok());
}

TEST_CASE("decimals with a comma or a dot are parsed exactly", "[casefile]") {
  CHECK(*parse_decimal("123,4").value == Rational::of(1234, 10));
  CHECK(*parse_decimal("123.4").value == Rational::of(617, 5));
  CHECK(*parse_decimal("0,1").value == Rational::of(1, 10));
  CHECK(*parse_decimal("2,50").value == Rational::of(5, 2));
  CHECK(*parse_decimal("7,0").value == Rational(7));
  CHECK(*parse_decimal("0,333333333333333333").value == Rational::of(333333333333333333, 1000000000000000000));
}

TEST_CASE("a whole number is a decimal too, unambiguous thousands separators included", "[casefile]") {
  CHECK(*parse_decimal("12").value == Rational(12));
  CHECK(*parse_decimal("1.000.000").value == Rational(1000000));
}

TEST_CASE("a decimal column refuses 1.250, which could be 1250 or 1,25, rather than guess", "[casefile]") {
  for (const char* s : {"1.250", "143.250", "1.432", "999.000"}) {
    INFO(s);
    auto p = parse_decimal(s);
    CHECK_FALSE(p.ok());
    CHECK_THAT(p.error, Catch::Contains("ambiguous"));
  }
  CHECK_THAT(parse_decimal("143.250").error, Catch::Contains("write 143250 for a whole number or 143,250 for a decimal"));
  CHECK(*parse_decimal("143.25").value == Rational::of(14325, 100));
  CHECK(*parse_decimal("143,250").value == Rational::of(573, 4));
  CHECK(*parse_decimal("1402.6").value == Rational::of(14026, 10));
  CHECK(*parse_decimal("0.500").value == Rational::of(1, 2));
}

TEST_CASE("0.500 is not a thousands number where a whole number is expected", "[casefile]") {
  CHECK_FALSE(parse_whole("0.500").ok());
  CHECK_FALSE(parse_whole("01.000").ok());
  CHECK(*parse_whole("1.000").value == 1000);
}

TEST_CASE("a decimal with a thousands separator is refused", "[casefile]") {
  auto p = parse_decimal("1.000,5");
  REQUIRE_FALSE(p.ok());
  CHECK_THAT(p.error, Catch::Contains("thousands separator"));
  for (const char* s : {"1,5,5", ",5", "5,", "1.5.5.5"}) {
    INFO(s);
    CHECK_FALSE(parse_decimal(s).ok());
  }
}
