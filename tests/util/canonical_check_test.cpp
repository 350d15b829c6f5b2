#include <catch2/catch.hpp>

#include "util/canonical_check.h"
#include "util/canonical_json.h"

using verdeel::CanonicalCheck;
using verdeel::check_canonical;

namespace {
bool yes(const std::string& s) { return check_canonical(s) == CanonicalCheck::yes; }
}  // namespace

TEST_CASE("The checker accepts what canonical() writes", "[util][canonical]") {
  for (const char* text : {R"({"b":[1,-2,{"num":3,"den":4}],"a":"x\ny\u0001\"\\","c":null,"d":true,"e":false})",
                           R"({"\u00e9":1,"\ud83d\ude00":2,"\uffff":3,"z":[]})", R"("")", "0", "-9223372036854775808",
                           "18446744073709551615", R"({"":{}})", R"(["é東𝔸\u007f"])"}) {
    std::string c = verdeel::canonical(verdeel::Json::parse(text));
    INFO(c);
    CHECK(yes(c));
  }
}

TEST_CASE("The checker refuses every departure from canonical form", "[util][canonical]") {
  CHECK_FALSE(yes(R"({"b":1,"a":2})"));                   // keys out of order
  CHECK_FALSE(yes(R"({"a":1,"a":2})"));                   // duplicate key
  CHECK_FALSE(yes(R"({"a": 1})"));                        // whitespace
  CHECK_FALSE(yes(R"( {"a":1})"));
  CHECK_FALSE(yes(R"({"a":1} )"));
  CHECK_FALSE(yes("1.0"));                                // a float
  CHECK_FALSE(yes("1e3"));
  CHECK_FALSE(yes("-0"));                                 // not how 0 is written
  CHECK_FALSE(yes("007"));                                // leading zeros
  CHECK_FALSE(yes("18446744073709551616"));               // beyond 64 bits: a float to the parser
  CHECK_FALSE(yes("-9223372036854775809"));
  CHECK_FALSE(yes(R"("\u0041")"));                        // needless escape
  CHECK_FALSE(yes(R"("\/")"));
  CHECK_FALSE(yes(R"("\u000a")"));                        // \n has a short form
  CHECK_FALSE(yes(R"("\u001F")"));                        // upper-case hex
  CHECK_FALSE(yes("\"\x01\""));                           // raw control character
  CHECK_FALSE(yes("\"\xC0\xAF\""));                       // overlong UTF-8
  CHECK_FALSE(yes("\"\xED\xA0\x80\""));                   // an encoded surrogate
  CHECK_FALSE(yes("\"\xF4\x90\x80\x80\""));               // beyond U+10FFFF
  CHECK_FALSE(yes(R"("abc)"));                            // unterminated
  CHECK_FALSE(yes(R"([1,])"));
  CHECK_FALSE(yes(""));
  CHECK_FALSE(yes("tru"));
}

TEST_CASE("Keys are ordered by UTF-16 code units, not by UTF-8 bytes", "[util][canonical]") {
  // U+1F600 (surrogates D83D DE00) sorts before U+FFFF in UTF-16, after it in UTF-8.
  CHECK(yes("{\"\xF0\x9F\x98\x80\":1,\"\xEF\xBF\xBF\":2}"));
  CHECK_FALSE(yes("{\"\xEF\xBF\xBF\":2,\"\xF0\x9F\x98\x80\":1}"));
  CHECK(yes(R"({"a":1,"ab":2,"b":3})"));  // a prefix sorts first
  CHECK(yes(R"({"\n":1,"a":2})"));        // escapes compare by the character they stand for
  CHECK_FALSE(yes(R"({"a":2,"\n":1})"));
  // Past a common prefix: ASCII decides at once, anything else by code point.
  CHECK(yes(R"({"ab":1,"ac":2})"));
  CHECK_FALSE(yes(R"({"ac":1,"ab":2})"));
  CHECK_FALSE(yes(R"({"ab":1,"a":2})"));       // the longer key first
  CHECK_FALSE(yes(R"({"ab":1,"ab":2})"));      // duplicate after a common prefix
  CHECK(yes(R"({"a":1,"a\"":2})"));           // a prefix, then an escaped quote
  CHECK(yes(R"({"a\"":1,"a\\":2})"));       // '"' (U+0022) before '\\' (U+005C)
  CHECK_FALSE(yes(R"({"a\\":1,"a\"":2})"));
  CHECK(yes("{\"xz\":1,\"x\xC3\xA9\":2}"));     // z (U+007A) before é (U+00E9)
  CHECK_FALSE(yes("{\"x\xC3\xA9\":1,\"xz\":2}"));
  CHECK(yes("{\"x\xC3\xA9\":1,\"x\xC3\xAA\":2}"));  // é before ê: same first byte
  CHECK_FALSE(yes("{\"x\xC3\xAA\":1,\"x\xC3\xA9\":2}"));
}

TEST_CASE("Nesting deeper than the checker's limit is left to the slow path", "[util][canonical]") {
  std::string deep(verdeel::kCanonicalCheckMaxDepth + 5, '[');
  deep += std::string(verdeel::kCanonicalCheckMaxDepth + 5, ']');
  CHECK(check_canonical(deep) == CanonicalCheck::unknown);
}

TEST_CASE("An object of den and num with whole numbers is a fraction in lowest terms with den > 1, or no canonical bytes",
          "[util][canonical]") {
  // What the writer refuses, the checker refuses: no record holds a fraction reading it would refuse.
  for (const char* text : {R"({"den":10,"num":14})", R"({"den":1,"num":5})", R"({"den":0,"num":5})",
                           R"({"den":-2,"num":5})", R"({"den":5,"num":0})", R"({"den":9223372036854775808,"num":1})",
                           R"({"den":2,"num":-9223372036854775809})", R"([{"a":{"den":4,"num":2}}])"}) {
    INFO(text);
    CHECK_FALSE(yes(text));
    CHECK_THROWS_AS(verdeel::canonical(verdeel::Json::parse(text)), verdeel::CanonicalError);
  }
  for (const char* text : {R"({"den":5,"num":7013})", R"({"den":2,"num":-1})", R"({"den":9223372036854775807,"num":2})",
                           R"({"den":3,"num":-9223372036854775808})", R"({"den":"10","num":14})",
                           R"({"den":10,"num":14,"x":0})", R"({"den":10})"}) {
    INFO(text);
    CHECK(yes(text));
    CHECK(verdeel::canonical(verdeel::Json::parse(text)) == text);
  }
}
