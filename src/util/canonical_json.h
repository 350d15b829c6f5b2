#pragma once
// Canonical JSON (LEDGER.md, "Canonical bytes"; schema/FORMAT.md): object keys
// sorted by UTF-16 code units, no whitespace, integers only, strings escaped as
// RFC 8785 (JSON.stringify) does. The same value always gives the same bytes.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "util/rational.h"

namespace verdeel {

using Json = nlohmann::json;

class CanonicalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws CanonicalError for a floating-point number or a string that is not
// valid UTF-8.
std::string canonical(const Json& value);
// The same, appended to out.
void append_canonical(const Json& value, std::string& out);

// Appends s as a canonical JSON string (quotes included) to out. Throws
// CanonicalError when s is not valid UTF-8.
void append_canonical_string(std::string_view s, std::string& out);

// The order of keys in a canonical object: by UTF-16 code units (RFC 8785 section 3.2.3).
// Precondition: both are valid UTF-8.
bool canonical_key_less(std::string_view a, std::string_view b);

// The rule of fractions (schema/FORMAT.md), for an object of exactly the members "den" and "num"
// whose values are whole numbers, given as sign and magnitude: a fraction when both fit a signed
// 64-bit integer, den > 1 and the two are in lowest terms. Anything else is not canonical: a
// writer refuses it (CanonicalError) and a checker says no, so no record holds a fraction that
// reading it (rational_from_json) would refuse.
bool canonical_fraction(bool num_negative, uint64_t num, bool den_negative, uint64_t den);

// Rationals in records: an integer when den == 1, else {"den":D,"num":N} in
// lowest terms, so every value has exactly one encoding.
Json to_json(const Rational& r);
// Accepts an integer or {"num","den"}; throws std::invalid_argument otherwise.
Rational rational_from_json(const Json& j);

}  // namespace verdeel
