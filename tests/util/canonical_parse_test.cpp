#include <catch2/catch.hpp>

#include <functional>

#include "util/canonical_check.h"
#include "util/canonical_parse.h"

using verdeel::Json;
using verdeel::parse_canonical;

namespace {
// The same value as nlohmann's parser gives, down to the kind of every number.
bool same_as_nlohmann(const std::string& text) {
  auto mine = parse_canonical(text);
  Json theirs = Json::parse(text);
  if (!mine || *mine != theirs) return false;
  bool kinds_agree = true;
  std::function<void(const Json&, const Json&)> walk = [&](const Json& a, const Json& b) {
    if (a.type() != b.type()) kinds_agree = false;
    if (a.is_structured())
      for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end(); ++i, ++j) {
        if (a.is_object() && i.key() != j.key()) kinds_agree = false;
        walk(*i, *j);
      }
  };
  walk(*mine, theirs);
  return kinds_agree;
}
}  // namespace

TEST_CASE("Canonical bytes parse to what nlohmann's parser gives", "[util][canonical]") {
  for (const char* text :
       {R"({"a":"x\ny\u0001\"\\\b\f\r\t","b":[1,-2,{"den":4,"num":3}],"c":null,"d":true,"e":false})",
        "{\"z\":[],\"\xC3\xA9\":1,\"\xF0\x9F\x98\x80\":2,\"\xEF\xBF\xBF\":3}", R"("")", "0", "7", "-1",
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "18446744073709551615", R"({"":{}})",
        "[\"\xC3\xA9\xE6\x9D\xB1\xF0\x9D\x94\xB8\x7f\"]", R"([[],[[]],{"a":[{"b":{}}]}])", R"("a\\u0041")",
        R"({"a":1,"a\"":2,"a\\":3})"}) {
    INFO(text);
    REQUIRE(verdeel::check_canonical(text) == verdeel::CanonicalCheck::yes);
    CHECK(same_as_nlohmann(text));
  }
}

TEST_CASE("Bytes that are not canonical give nothing, so the caller takes the general path", "[util][canonical]") {
  for (const char* text : {R"({"b":1,"a":2})", R"({"a": 1})", " 1", "1 ", "1.0", "-0", "007", "18446744073709551616",
                           R"("\u0041")", "\"\xC0\xAF\"", R"([1,])", "", "tru", R"({"a":1,"a":2})", "{\"a\":\"x"}) {
    INFO(text);
    CHECK_FALSE(parse_canonical(text).has_value());
  }
  std::string deep(verdeel::kCanonicalCheckMaxDepth + 5, '[');
  deep += std::string(verdeel::kCanonicalCheckMaxDepth + 5, ']');
  CHECK_FALSE(parse_canonical(deep).has_value());
}

TEST_CASE("A key order that is UTF-16 but not byte order still builds the whole object", "[util][canonical]") {
  // U+1F600 and U+1F601 sort before U+FFFF in UTF-16 and after it in UTF-8: the map holds all.
  auto j = parse_canonical("{\"\xF0\x9F\x98\x80\":1,\"\xF0\x9F\x98\x81\":3,\"\xEF\xBF\xBF\":2}");
  REQUIRE(j);
  CHECK(j->size() == 3);
  CHECK((*j)["\xF0\x9F\x98\x80"] == 1);
  CHECK((*j)["\xEF\xBF\xBF"] == 2);
  CHECK((*j)["\xF0\x9F\x98\x81"] == 3);
}
