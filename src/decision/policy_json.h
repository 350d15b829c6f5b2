#pragma once
// The policy record of a decision as JSON (METHOD.md, "Policy record").
//
// policy_to_json gives the full record, every key with its value:
//   {"category_order":["regulier","amv"],"meets_indicative_basis":"total",
//    "minimum_exclusion":"smallest_first","minimum_places":5,"name":"beleidsregel-2024",
//    "rounding":"largest_remainder","tie_break":["indicative_desc","code_asc"],"ukraine_factor":2}
// policy_from_json applies overrides (any subset of those keys, as in a case's
// beleid.json) to the defaults. `ukraine_factor` may be a positive integer, a
// decimal string ("2,5" or "2.5") or {"num":N,"den":D}; floating-point JSON
// numbers are refused, since no value in a record may be one.
//
// Header-only on purpose: casefile/ (which validates beleid.json) and
// decision/ (which replays the record) are separate libraries that do not link
// each other, and both must apply exactly the same rules.
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "method/category.h"
#include "method/policy.h"
#include "util/canonical_json.h"
#include "util/rational.h"

namespace verdeel::decision {

Json policy_to_json(const method::Policy& p);
// Throws std::invalid_argument naming the key on an unknown key or value.
method::Policy policy_from_json(const Json& overrides);
// The keys policy_from_json accepts, in alphabetical order.
const std::vector<std::string>& policy_keys();

// ---------------------------------------------------------------------------

namespace policy_json_detail {

// A JSON value for a message, cut short when long.
inline std::string shown(const Json& v) {
  std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (s.size() <= 80) return s;
  size_t cut = 77;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return s.substr(0, cut) + "...";
}

[[noreturn]] inline void refuse(const std::string& key, const std::string& what) {
  throw std::invalid_argument("policy key '" + key + "': " + what);
}

inline std::string string_of(const std::string& key, const Json& v, std::string_view expected) {
  if (!v.is_string()) refuse(key, "must be " + std::string(expected) + ", not " + shown(v));
  return v.get<std::string>();
}

// "2", "2,5" or "2.5": digits, at most one decimal mark, exact.
inline Rational decimal_string(const std::string& key, const std::string& s) {
  const std::string bad = shown(Json(s)) + " is not a decimal number like \"2,5\"";
  int128 num = 0, den = 1;
  bool mark = false, digit = false;
  for (char c : s) {
    if (c == ',' || c == '.') {
      if (mark || !digit) refuse(key, bad);
      mark = true;
      continue;
    }
    if (c < '0' || c > '9') refuse(key, bad);
    digit = true;
    num = num * 10 + (c - '0');
    if (mark) den *= 10;
    if (num > std::numeric_limits<int64_t>::max() || den > std::numeric_limits<int64_t>::max())
      refuse(key, shown(Json(s)) + " has too many digits");
  }
  if (!digit || s.back() == ',' || s.back() == '.') refuse(key, bad);
  // In case files `1.250` is a whole number with a thousands separator
  // (casefile/numbers.h); rather than read it differently here, refuse it.
  const size_t dot = s.find('.');
  if (dot != std::string::npos && dot <= 3 && s.size() - dot - 1 == 3)
    refuse(key, shown(Json(s)) + " is ambiguous (a thousands separator?); write it with a comma, like \"2,5\"");
  return Rational::of(static_cast<int64_t>(num), static_cast<int64_t>(den));
}

inline Rational factor_of(const std::string& key, const Json& v) {
  Rational r;
  if (v.is_number_float()) {
    refuse(key, "floating-point numbers are not accepted; write \"" + shown(v) + "\" as a string or {\"num\":N,\"den\":D}");
  } else if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    refuse(key, shown(v) + " is too large");
  } else if (v.is_string()) {
    r = decimal_string(key, v.get<std::string>());
  } else {
    try {
      r = rational_from_json(v);
    } catch (const std::exception&) {
      refuse(key, "must be a positive integer, a decimal string like \"2,5\" or {\"num\":N,\"den\":D}, not " +
                      shown(v));
    }
  }
  if (r <= Rational(0)) refuse(key, "must be positive, not " + shown(v));
  return r;
}

inline std::vector<std::string> strings_of(const std::string& key, const Json& v) {
  if (!v.is_array()) refuse(key, "must be an array of strings, not " + shown(v));
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(string_of(key, e, "an array of strings"));
  return out;
}

}  // namespace policy_json_detail

inline const std::vector<std::string>& policy_keys() {
  static const std::vector<std::string> keys = {"category_order", "meets_indicative_basis", "minimum_exclusion",
                                                "minimum_places", "name",  "rounding",
                                                "tie_break",      "ukraine_factor"};
  return keys;
}

inline Json policy_to_json(const method::Policy& p) {
  Json order = Json::array();
  for (method::Category c : p.category_order) order.push_back(std::string(method::name(c)));
  return Json{{"name", p.name},
              {"meets_indicative_basis", std::string(method::name(p.meets_indicative_basis))},
              {"ukraine_factor", to_json(p.ukraine_factor)},
              {"minimum_places", p.minimum_places},
              {"minimum_exclusion", std::string(method::name(p.minimum_exclusion))},
              {"category_order", order},
              {"rounding", p.rounding},
              {"tie_break", p.tie_break}};
}

// The keys of a policy record (as policy_to_json writes one) whose values are not the
// Beleidsregel's own (method::Policy{}), in key order; the name is not one of them.
inline std::vector<std::string> departures_from_beleidsregel(const Json& policy) {
  const Json defaults = policy_to_json(method::Policy{});
  std::vector<std::string> keys;
  for (auto it = defaults.begin(); it != defaults.end(); ++it)
    if (it.key() != "name" && policy.contains(it.key()) && policy[it.key()] != it.value()) keys.push_back(it.key());
  return keys;
}

inline method::Policy policy_from_json(const Json& overrides) {
  using namespace policy_json_detail;
  if (!overrides.is_object()) throw std::invalid_argument("policy must be a JSON object, not " + shown(overrides));
  method::Policy p;
  for (auto it = overrides.begin(); it != overrides.end(); ++it) {
    const std::string& key = it.key();
    const Json& v = it.value();
    if (key == "name") {
      p.name = string_of(key, v, "a string");
      if (p.name.empty()) refuse(key, "must not be empty");
    } else if (key == "meets_indicative_basis") {
      std::string s = string_of(key, v, "\"total\" or \"per_category\"");
      if (s == "total") p.meets_indicative_basis = method::MeetsBasis::total;
      else if (s == "per_category") p.meets_indicative_basis = method::MeetsBasis::per_category;
      else refuse(key, "unknown value '" + s + "'; expected \"total\" or \"per_category\"");
    } else if (key == "ukraine_factor") {
      p.ukraine_factor = factor_of(key, v);
    } else if (key == "minimum_places") {
      if (!v.is_number_integer() || v.is_number_float() ||
          (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) ||
          v.get<int64_t>() < 0)
        refuse(key, "must be a whole number >= 0, not " + shown(v));
      p.minimum_places = v.get<int64_t>();
    } else if (key == "minimum_exclusion") {
      std::string s = string_of(key, v, "\"smallest_first\" or \"all_at_once\"");
      if (s == "smallest_first") p.minimum_exclusion = method::MinimumExclusion::smallest_first;
      else if (s == "all_at_once") p.minimum_exclusion = method::MinimumExclusion::all_at_once;
      else refuse(key, "unknown value '" + s + "'; expected \"smallest_first\" or \"all_at_once\"");
    } else if (key == "category_order") {
      std::vector<std::string> names = strings_of(key, v);
      if (names == std::vector<std::string>{"regulier", "amv"}) p.category_order = {method::Category::regulier, method::Category::amv};
      else if (names == std::vector<std::string>{"amv", "regulier"}) p.category_order = {method::Category::amv, method::Category::regulier};
      else refuse(key, "must be [\"regulier\",\"amv\"] or [\"amv\",\"regulier\"], not " + shown(v));
    } else if (key == "rounding") {
      std::string s = string_of(key, v, "\"largest_remainder\"");
      if (s != "largest_remainder") refuse(key, "unknown value '" + s + "'; expected \"largest_remainder\"");
      p.rounding = s;
    } else if (key == "tie_break") {
      if (strings_of(key, v) != std::vector<std::string>{"indicative_desc", "code_asc"})
        refuse(key, "must be [\"indicative_desc\",\"code_asc\"], not " + shown(v));
    } else {
      std::string known;
      for (const auto& k : policy_keys()) known += (known.empty() ? "" : ", ") + k;
      throw std::invalid_argument("unknown policy key '" + key + "' (known keys: " + known + ")");
    }
  }
  // A policy that departs from the defaults without naming itself must not
  // carry the default's name (as scripts/reference_method.py does too).
  if (!overrides.contains("name") && !departures_from_beleidsregel(policy_to_json(p)).empty()) p.name = "aangepast";
  return p;
}

}  // namespace verdeel::decision
