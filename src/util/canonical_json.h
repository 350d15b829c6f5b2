#pragma once
// Canonical JSON (LEDGER.md, "Canonical bytes"; schema/FORMAT.md): object keys
// sorted by UTF-16 code units, no whitespace, integers only, strings escaped as
// RFC 8785 (JSON.stringify) does. The same value always gives the same bytes.
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

// Rationals in records: an integer when den == 1, else {"den":D,"num":N} in
// lowest terms, so every value has exactly one encoding.
Json to_json(const Rational& r);
// Accepts an integer or {"num","den"}; throws std::invalid_argument otherwise.
Rational rational_from_json(const Json& j);

}  // namespace verdeel
