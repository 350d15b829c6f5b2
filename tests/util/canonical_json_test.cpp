#include <catch2/catch.hpp>

#include "util/canonical_json.h"

using verdeel::canonical;
using verdeel::CanonicalError;
using verdeel::Json;
using verdeel::Rational;

TEST_CASE("canonical JSON sorts keys and writes no whitespace", "[util][canonical]") {
  Json j = Json::parse(R"({ "b": 1, "a": [ 1, 2, {"d": null, "c": true} ], "A": "x" })");
  CHECK(canonical(j) == R"({"A":"x","a":[1,2,{"c":true,"d":null}],"b":1})");
}

TEST_CASE("canonical JSON escapes strings as RFC 8785", "[util][canonical]") {
  Json j = std::string("q\" b\\ \b\f\n\r\t \x01\x1f / \x7f é");
  CHECK(canonical(j) == "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f / \x7f é\"");
}

TEST_CASE("canonical JSON orders keys by UTF-16 code units, not code points", "[util][canonical]") {
  Json j = Json::object();
  j["\xef\xbd\xa1"] = 1;          // U+FF61
  j["\xf0\x9f\x98\x80"] = 2;      // U+1F600, surrogates D83D DE00 < FF61
  CHECK(canonical(j) == "{\"\xf0\x9f\x98\x80\":2,\"\xef\xbd\xa1\":1}");
}

TEST_CASE("without characters beyond U+FFFF, keys are in code point order (the fast path)", "[util][canonical]") {
  Json j = Json::object();
  j["\xef\xbd\xa1"] = 1;  // U+FF61
  j["\xc3\xa9"] = 2;      // U+00E9
  j["z"] = 3;
  j["Z"] = 4;
  j["\xe2\x82\xac"] = 5;  // U+20AC
  CHECK(canonical(j) == "{\"Z\":4,\"z\":3,\"\xc3\xa9\":2,\"\xe2\x82\xac\":5,\"\xef\xbd\xa1\":1}");
  // One key beyond U+FFFF anywhere in the object sends it through the UTF-16 sort.
  j["\xf0\x9f\x98\x80"] = 6;
  CHECK(canonical(j) == "{\"Z\":4,\"z\":3,\"\xc3\xa9\":2,\"\xe2\x82\xac\":5,\"\xf0\x9f\x98\x80\":6,\"\xef\xbd\xa1\":1}");
}

TEST_CASE("canonical JSON refuses floating point", "[util][canonical]") {
  CHECK_THROWS_AS(canonical(Json{{"x", 1.5}}), CanonicalError);
}

TEST_CASE("canonical JSON refuses invalid UTF-8 in strings and keys", "[util][canonical]") {
  CHECK_THROWS_AS(canonical(Json(std::string("\xc3\x28"))), CanonicalError);
  Json j = Json::object();
  j[std::string("\xff")] = 1;
  CHECK_THROWS_AS(canonical(j), CanonicalError);
  Json k = Json::object();  // no byte >= 0xF0: the fast path checks keys too
  k[std::string("\xc3\x28")] = 1;
  CHECK_THROWS_WITH(canonical(k), Catch::Contains("object key is not valid UTF-8"));
}

TEST_CASE("canonical JSON writes negative and large integers exactly", "[util][canonical]") {
  CHECK(canonical(Json::array({-1, 0, INT64_MAX, INT64_MIN})) ==
        "[-1,0,9223372036854775807,-9223372036854775808]");
}

TEST_CASE("a rational is an integer when whole, else num/den in lowest terms", "[util][canonical]") {
  CHECK(canonical(verdeel::to_json(Rational(7))) == "7");
  CHECK(canonical(verdeel::to_json(Rational::of(1234, 10))) == R"({"den":5,"num":617})");
  CHECK(verdeel::rational_from_json(Json::parse(R"({"num":617,"den":5})")) == Rational::of(617, 5));
  CHECK_THROWS(verdeel::rational_from_json(Json::parse(R"({"num":1234,"den":10})")));
  CHECK_THROWS(verdeel::rational_from_json(Json::parse(R"({"num":4,"den":1})")));
  CHECK_THROWS(verdeel::rational_from_json(Json::parse(R"(1.5)")));
}

TEST_CASE("strings of ASCII only are copied when every byte is printable, and escaped otherwise",
          "[util][canonical]") {
  // Every ASCII byte alone, and in the middle of plain text: the fast path (all printable but the
  // quote and the backslash) and the escaping path must write what RFC 8785 writes.
  for (int c = 0; c < 0x80; ++c) {
    const std::string one(1, static_cast<char>(c));
    std::string want;
    switch (c) {
      case '"': want = "\\\""; break;
      case '\\': want = "\\\\"; break;
      case '\b': want = "\\b"; break;
      case '\f': want = "\\f"; break;
      case '\n': want = "\\n"; break;
      case '\r': want = "\\r"; break;
      case '\t': want = "\\t"; break;
      default:
        if (c < 0x20) {
          const char* hex = "0123456789abcdef";
          want = std::string("\\u00") + hex[c >> 4] + hex[c & 15];
        } else {
          want = one;  // DEL (0x7F) included: RFC 8785 leaves it as it is
        }
    }
    INFO("byte " << c);
    CHECK(canonical(Json(one)) == "\"" + want + "\"");
    CHECK(canonical(Json("GM0106" + one + "abc")) == "\"GM0106" + want + "abc\"");
  }
  CHECK(canonical(Json(std::string(64, 'f'))) == "\"" + std::string(64, 'f') + "\"");
  CHECK(canonical(Json("")) == "\"\"");
}
