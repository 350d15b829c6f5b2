#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <functional>
#include <random>
#include <type_traits>

#include "util/canonical_writer.h"

using verdeel::canonical;
using verdeel::CanonicalError;
using verdeel::CanonicalObject;
using verdeel::Json;
using verdeel::Rational;

TEST_CASE("CanonicalObject writes what canonical() writes for the same object", "[util][canonical]") {
  CanonicalObject o;
  o("zeta", int64_t{-7})("alpha", true)("m", nullptr)("name", "Assen \"echt\"\n")("u", uint64_t{18446744073709551615u})(
      "min", std::numeric_limits<int64_t>::min())("list", std::vector<std::string>{"b", "a"})(
      "nested", CanonicalObject()("y", 1)("x", false))("r", Rational::of(3, 4))("whole", Rational(5))(
      "json", Json::parse(R"({"b":[1,{"d":2,"c":3}],"a":"x"})"))("f", false)("empty", std::vector<std::string>{});
  Json j = {{"zeta", -7},
            {"alpha", true},
            {"m", nullptr},
            {"name", "Assen \"echt\"\n"},
            {"u", uint64_t{18446744073709551615u}},
            {"min", std::numeric_limits<int64_t>::min()},
            {"list", {"b", "a"}},
            {"nested", {{"y", 1}, {"x", false}}},
            {"r", {{"num", 3}, {"den", 4}}},
            {"whole", 5},
            {"json", Json::parse(R"({"b":[1,{"d":2,"c":3}],"a":"x"})")},
            {"f", false},
            {"empty", Json::array()}};
  CHECK(o.str() == canonical(j));
  CHECK(CanonicalObject().str() == "{}");
}

TEST_CASE("CanonicalObject orders keys by UTF-16 code units and escapes them", "[util][canonical]") {
  CanonicalObject o;
  o("\xef\xbd\xa1", 1)("\xf0\x9f\x98\x80", 2)("z", 3)("a\"b", 4)("tab\t", 5)("\xc3\xa9", 6)("Z", 7);
  Json j = Json::object();
  j["\xef\xbd\xa1"] = 1;      // U+FF61
  j["\xf0\x9f\x98\x80"] = 2;  // U+1F600: surrogates D83D DE00 sort before FF61
  j["z"] = 3;
  j["a\"b"] = 4;
  j["tab\t"] = 5;
  j["\xc3\xa9"] = 6;
  j["Z"] = 7;
  CHECK(o.str() == canonical(j));
  CHECK(o.str().find("\"\xf0\x9f\x98\x80\":2,\"\xef\xbd\xa1\":1") != std::string::npos);
}

TEST_CASE("CanonicalObject refuses a key given twice and invalid UTF-8", "[util][canonical]") {
  CHECK_THROWS_AS(CanonicalObject()("a", 1)("b", 2)("a", 3).str(), CanonicalError);
  CHECK_THROWS_AS(CanonicalObject()("k\xff", 1).str(), CanonicalError);
  CHECK_THROWS_AS(CanonicalObject()("k", "\xc3"), CanonicalError);
  CHECK_THROWS_AS(CanonicalObject()("k", std::vector<std::string>{"ok", "\xed\xa0\x80"}), CanonicalError);
  CHECK_THROWS_AS(CanonicalObject()("k", Json(1.5)), CanonicalError);
}

TEST_CASE("CanonicalObject agrees with canonical() on random objects", "[util][canonical]") {
  // Keys from a pool with the hard cases (escapes, characters beyond U+FFFF, prefixes of each
  // other), values of every kind, objects nested three deep, members in random order, and in
  // canonical order (written as they come, without reordering) in every other object.
  bool in_order = false;
  const std::vector<std::string> keys = {"a",  "aa", "b",  "A",          "\xc3\xa9",   "\xef\xbd\xa1",
                                         "\xf0\x9f\x98\x80", "q\"", "back\\", "nl\n", "", "zz"};
  std::mt19937_64 rng(20261130);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  std::function<void(int, CanonicalObject&, Json&)> fill = [&](int depth, CanonicalObject& o, Json& j) {
    std::vector<std::string> ks = keys;
    std::shuffle(ks.begin(), ks.end(), rng);
    ks.resize(pick(ks.size() + 1));
    if (in_order) std::sort(ks.begin(), ks.end(), verdeel::canonical_key_less);
    for (const auto& k : ks) {
      switch (pick(depth > 0 ? 7 : 6)) {
        case 0: {
          auto v = static_cast<int64_t>(rng());
          o(k, v);
          j[k] = v;
          break;
        }
        case 1: {
          bool v = pick(2) == 1;
          o(k, v);
          j[k] = v;
          break;
        }
        case 2: {
          const std::string& v = keys[pick(keys.size())];
          o(k, v);
          j[k] = v;
          break;
        }
        case 3: {
          Rational v = Rational::of(static_cast<int64_t>(pick(2000)) - 1000, static_cast<int64_t>(pick(9)) + 1);
          o(k, v);
          j[k] = verdeel::to_json(v);
          break;
        }
        case 4: {
          std::vector<std::string> v(pick(4), keys[pick(keys.size())]);
          o(k, v);
          j[k] = v;
          break;
        }
        case 5:
          o(k, nullptr);
          j[k] = nullptr;
          break;
        default: {
          CanonicalObject inner;
          Json inner_j = Json::object();
          fill(depth - 1, inner, inner_j);
          o(k, inner);
          j[k] = inner_j;
        }
      }
    }
  };
  for (int i = 0; i < 1000; ++i) {
    in_order = i % 2 == 1;
    CanonicalObject o;
    Json j = Json::object();
    fill(3, o, j);
    const std::string want = canonical(j);
    REQUIRE(o.str() == want);
    CanonicalObject copy = o;
    REQUIRE(std::move(copy).release() == want);
    REQUIRE(o.str() == want);  // str() leaves the object as it was
  }
}

TEST_CASE("CanonicalObject written in order or not gives the same bytes, and release() takes them", "[util][canonical]") {
  const std::string want = R"({"a":1,"b":{"x":true,"y":[]},"c":"\"","Ã©":null})";
  CanonicalObject in_order;
  in_order("a", 1)("b", CanonicalObject()("x", true)("y", std::vector<std::string>{}))("c", "\"")("Ã©", nullptr);
  CanonicalObject reversed;
  reversed("Ã©", nullptr)("c", "\"")("b", CanonicalObject()("y", std::vector<std::string>{})("x", true))("a", 1);
  CHECK(in_order.str() == want);
  CHECK(reversed.str() == want);
  CHECK(std::move(reversed).release() == want);
  CHECK(std::move(in_order).release() == want);
  CHECK(CanonicalObject().release() == "{}");
  // A key given twice in a row is out of order, and refused as before.
  CHECK_THROWS_AS(CanonicalObject()("a", 1)("a", 2).str(), CanonicalError);
  CHECK_THROWS_AS(std::move(CanonicalObject()("a", 1)("b", 2)("b", 3)).release(), CanonicalError);
}

TEST_CASE("CanonicalObject::Ints writes what a nested CanonicalObject of the same numbers writes", "[util][canonical]") {
  using Ints2 = CanonicalObject::Ints<2>;
  CHECK(CanonicalObject()("p", Ints2{{{"regulier", 3}, {"amv", -1}}}).str() == R"({"p":{"amv":-1,"regulier":3}})");
  CHECK(CanonicalObject()("p", Ints2{{{"regulier", 3}, {"amv", -1}}}).str() ==
        CanonicalObject()("p", CanonicalObject()("regulier", 3)("amv", -1)).str());
  // Keys that need escaping or lie beyond U+FFFF, and more members than it sorts at once, take the
  // general way; the bytes are the same.
  CanonicalObject::Ints<3> odd{{{"b\"", 1}, {"\xf0\x9f\x98\x80", 2}, {"\xef\xbd\xa1", 3}}};
  CHECK(CanonicalObject()("p", odd).str() ==
        CanonicalObject()("p", CanonicalObject()("b\"", 1)("\xf0\x9f\x98\x80", 2)("\xef\xbd\xa1", 3)).str());
  CanonicalObject::Ints<9> many{{{"i", 9}, {"h", 8}, {"g", 7}, {"f", 6}, {"e", 5}, {"d", 4}, {"c", 3}, {"b", 2}, {"a", 1}}};
  CHECK(CanonicalObject()("p", many).str() ==
        R"({"p":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}})");
  CanonicalObject::Ints<8> eight{{{"h", 8}, {"g", 7}, {"f", 6}, {"e", 5}, {"d", 4}, {"c", 3}, {"b", 2}, {"a", 1}}};
  CHECK(CanonicalObject()("p", eight).str() == R"({"p":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8}})");
  CHECK_THROWS_AS(CanonicalObject()("p", Ints2{{{"amv", 1}, {"amv", 2}}}), CanonicalError);
  CHECK_THROWS_AS(CanonicalObject()("p", CanonicalObject::Ints<2>{{{"k\xff", 1}, {"a", 2}}}).str(), CanonicalError);
  // The widest numbers, and long keys, written in place: nothing cut off, nothing left over.
  const std::string long_key(300, 'k');
  CanonicalObject::Ints<3> wide{{{"max", INT64_MAX}, {"min", INT64_MIN}, {long_key, 0}}};
  CHECK(CanonicalObject()("p", wide)("q", 1).str() ==
        R"({"p":{")" + long_key + R"(":0,"max":9223372036854775807,"min":-9223372036854775808},"q":1})");
  CHECK(CanonicalObject()("p", Ints2{{{"a", INT64_MIN}, {"b", INT64_MIN}}}).str() ==
        R"({"p":{"a":-9223372036854775808,"b":-9223372036854775808}})");
  CHECK(CanonicalObject()(long_key, 1)("p", wide).str() ==
        CanonicalObject()(long_key, 1)("p", CanonicalObject()("max", INT64_MAX)("min", INT64_MIN)(long_key, 0)).str());
}

TEST_CASE("CanonicalObject::Ints puts its keys in canonical order from any order given", "[util][canonical]") {
  // Every order of five keys (an insertion sort sorts them), and shuffles of eight.
  CanonicalObject::Ints<5> five{{{"regulier", 1}, {"amv", 2}, {"b", 3}, {"aa", 4}, {"\xc3\xab", 5}}};
  std::sort(five.begin(), five.end());
  auto expected = [](const auto& members) {
    CanonicalObject inner;
    for (const auto& m : members) inner(m.first, m.second);
    return CanonicalObject()("p", inner).str();
  };
  const std::string want5 = expected(five);
  size_t orders = 0;
  do {
    CHECK(CanonicalObject()("p", five).str() == want5);
    ++orders;
  } while (std::next_permutation(five.begin(), five.end()));
  CHECK(orders == 120);
  CanonicalObject::Ints<8> eight{{{"h", 8}, {"g", 7}, {"f", 6}, {"e", 5}, {"d", 4}, {"c", 3}, {"b", 2}, {"a", 1}}};
  const std::string want8 = expected(eight);
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::shuffle(eight.begin(), eight.end(), rng);
    CHECK(CanonicalObject()("p", eight).str() == want8);
  }
}

TEST_CASE("CanonicalObject takes back a member it could not write, whole", "[util][canonical]") {
  // Its bytes are hashed: a caller that catches the error must not be left with half a member.
  CanonicalObject o;
  o("a", 1);
  CHECK_THROWS_AS(o("b", "\xc3"), CanonicalError);
  CHECK_THROWS_AS(o("c", Json(0.5)), CanonicalError);
  CHECK_THROWS_AS(o("d", std::vector<std::string>{"ok", "\xff"}), CanonicalError);
  CHECK_THROWS_AS(o("e", CanonicalObject()("x\xff", 1)), CanonicalError);
  CHECK_THROWS_AS(o("f", CanonicalObject::Ints<2>{{{"x", 1}, {"x", 2}}}), CanonicalError);
  CHECK_THROWS_AS(o("g", static_cast<const char*>(nullptr)), CanonicalError);
  o("z", 2);
  CHECK(o.str() == R"({"a":1,"z":2})");
}

namespace {
enum class Colour { red };
}  // namespace

TEST_CASE("CanonicalObject refuses an enumeration at compile time", "[util][canonical]") {
  // It would otherwise be written as its number through the Json overload.
  STATIC_REQUIRE_FALSE(std::is_invocable_v<CanonicalObject, std::string_view, Colour>);
  STATIC_REQUIRE(std::is_invocable_v<CanonicalObject, std::string_view, int>);
}
