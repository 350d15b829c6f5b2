#include <catch2/catch.hpp>

#include "decision/policy_json.h"
#include "util/canonical_json.h"

using verdeel::Json;
using verdeel::Rational;
using verdeel::decision::policy_from_json;
using verdeel::decision::policy_to_json;
namespace method = verdeel::method;

namespace {

std::string refusal(const Json& overrides) {
  try {
    policy_from_json(overrides);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the default policy record is beleidsregel-2024 with every key", "[decision]") {
  CHECK(verdeel::canonical(policy_to_json(method::Policy{})) ==
        R"({"category_order":["regulier","amv"],"meets_indicative_basis":"total","minimum_exclusion":"smallest_first",)"
        R"("minimum_places":5,"name":"beleidsregel-2024","rounding":"largest_remainder",)"
        R"("tie_break":["indicative_desc","code_asc"],"ukraine_factor":2})");
}

TEST_CASE("no overrides give the defaults", "[decision]") {
  CHECK(policy_to_json(policy_from_json(Json::object())) == policy_to_json(method::Policy{}));
}

TEST_CASE("a full policy record read back gives the same policy", "[decision]") {
  method::Policy p;
  p.name = "what-if";
  p.meets_indicative_basis = method::MeetsBasis::per_category;
  p.ukraine_factor = Rational::of(5, 2);
  p.minimum_places = 0;
  p.minimum_exclusion = method::MinimumExclusion::all_at_once;
  p.category_order = {method::Category::amv, method::Category::regulier};
  Json j = policy_to_json(p);
  CHECK(j["ukraine_factor"] == Json{{"num", 5}, {"den", 2}});
  CHECK(policy_to_json(policy_from_json(j)) == j);
}

TEST_CASE("the Ukraine factor is read as integer, decimal string or fraction", "[decision]") {
  CHECK(policy_from_json({{"ukraine_factor", 3}}).ukraine_factor == Rational(3));
  CHECK(policy_from_json({{"ukraine_factor", "2,5"}}).ukraine_factor == Rational::of(5, 2));
  CHECK(policy_from_json({{"ukraine_factor", "1.25"}}).ukraine_factor == Rational::of(5, 4));
  CHECK(policy_from_json({{"ukraine_factor", "2"}}).ukraine_factor == Rational(2));
  CHECK(policy_from_json({{"ukraine_factor", {{"num", 7}, {"den", 3}}}}).ukraine_factor == Rational::of(7, 3));
}

TEST_CASE("a Ukraine factor that is not a positive exact number is refused", "[decision]") {
  CHECK_THAT(refusal({{"ukraine_factor", 2.5}}), Catch::Contains("floating-point"));
  CHECK_THAT(refusal({{"ukraine_factor", 0}}), Catch::Contains("positive"));
  CHECK_THAT(refusal({{"ukraine_factor", -2}}), Catch::Contains("positive"));
  for (const char* s : {"", "2,", ",5", "2,5,1", "twee", "-2", "1e3", "99999999999999999999"}) {
    INFO(s);
    CHECK_THAT(refusal({{"ukraine_factor", s}}), Catch::Contains("ukraine_factor"));
  }
  CHECK_THAT(refusal({{"ukraine_factor", {{"num", 4}, {"den", 2}}}}), Catch::Contains("ukraine_factor"));
  CHECK_THAT(refusal({{"ukraine_factor", "1.250"}}), Catch::Contains("ambiguous"));
  CHECK(policy_from_json({{"ukraine_factor", "1,250"}}).ukraine_factor == Rational::of(5, 4));
}

TEST_CASE("each policy key takes only its known values", "[decision]") {
  CHECK(policy_from_json({{"meets_indicative_basis", "per_category"}}).meets_indicative_basis ==
        method::MeetsBasis::per_category);
  CHECK(policy_from_json({{"category_order", {"amv", "regulier"}}}).category_order ==
        std::vector<method::Category>{method::Category::amv, method::Category::regulier});
  CHECK(policy_from_json({{"minimum_places", 0}}).minimum_places == 0);
  CHECK(policy_from_json({{"name", "proef"}}).name == "proef");
  CHECK_THAT(refusal({{"meets_indicative_basis", "half"}}), Catch::Contains("meets_indicative_basis"));
  CHECK_THAT(refusal({{"minimum_places", -1}}), Catch::Contains("minimum_places"));
  CHECK_THAT(refusal({{"minimum_places", 5.0}}), Catch::Contains("minimum_places"));
  CHECK_THAT(refusal({{"minimum_places", "5"}}), Catch::Contains("minimum_places"));
  CHECK_THAT(refusal({{"minimum_exclusion", "random"}}), Catch::Contains("'random'"));
  CHECK_THAT(refusal({{"category_order", {"amv"}}}), Catch::Contains("category_order"));
  CHECK_THAT(refusal({{"category_order", {"amv", "amv"}}}), Catch::Contains("category_order"));
  CHECK_THAT(refusal({{"rounding", "dhondt"}}), Catch::Contains("rounding"));
  CHECK_THAT(refusal({{"tie_break", {"code_asc", "indicative_desc"}}}), Catch::Contains("tie_break"));
  CHECK_THAT(refusal({{"name", ""}}), Catch::Contains("name"));
  CHECK_THAT(refusal({{"name", 3}}), Catch::Contains("name"));
}

TEST_CASE("an unknown policy key is refused by name", "[decision]") {
  CHECK_THAT(refusal({{"afronding", "x"}}), Catch::Contains("unknown policy key 'afronding'"));
  CHECK_THAT(refusal(Json::array()), Catch::Contains("JSON object"));
}

TEST_CASE("a policy that departs from the defaults without a name of its own is called aangepast", "[decision]") {
  CHECK(verdeel::decision::policy_from_json(verdeel::Json{{"minimum_places", 3}}).name == "aangepast");
  CHECK(verdeel::decision::policy_from_json(verdeel::Json{{"minimum_places", 5}}).name == "beleidsregel-2024");
  CHECK(verdeel::decision::policy_from_json(verdeel::Json{{"minimum_places", 3}, {"name", "proef"}}).name == "proef");
}
