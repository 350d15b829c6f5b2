#pragma once
// Dutch numbers in case files (INTERFACE.md, "Input: a case directory"):
// whole numbers may carry `.` as thousands separator (`1.000`, `12.345.678`);
// decimals use `,` or `.` and no thousands separator (`123,4`, `123.4`).
// Decimals are parsed exactly into rationals, never through floating point.
//
// A value matching the thousands pattern (1-3 digits, then groups of `.` and
// three digits) is a whole number, also where a decimal is expected: in a
// Dutch file `1.250` is one thousand two hundred and fifty.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/rational.h"

namespace verdeel::casefile {

template <typename T>
struct Parsed {
  std::optional<T> value;  // set on success
  std::string error;       // why not, quoting the text; empty on success
  bool ok() const { return value.has_value(); }
};

// A non-negative whole number that fits in int64_t.
Parsed<int64_t> parse_whole(std::string_view text);
// A non-negative decimal whose numerator and denominator fit in int64_t.
Parsed<Rational> parse_decimal(std::string_view text);

}  // namespace verdeel::casefile
