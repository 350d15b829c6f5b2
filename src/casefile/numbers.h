#pragma once
// Dutch numbers in case files (INTERFACE.md, "Input: a case directory"):
// whole numbers may carry `.` as thousands separator (`1.000`, `12.345.678`);
// decimals use `,` or `.` and no thousands separator (`123,4`, `123.4`).
// Decimals are parsed exactly into rationals, never through floating point.
//
// Where a whole number is expected, `1.250` is one thousand two hundred and
// fifty. Where a decimal may stand, `1.250` (one `.` and three digits) could be
// 1250 or 1,25: it is refused as ambiguous, never guessed; `12.345.678` is
// still a whole number and `143.25`, `143,250` are decimals. `0.500` is never
// a thousands number.
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

// The largest count of places a case file may hold: far above any real
// figure, and small enough that sums over every row of a case and the
// method's products stay exact in 64/128 bits instead of overflowing.
inline constexpr int64_t kMaxWhole = 1000000000;

// A non-negative whole number of at most kMaxWhole.
Parsed<int64_t> parse_whole(std::string_view text);
// A non-negative decimal whose numerator and denominator fit in int64_t.
Parsed<Rational> parse_decimal(std::string_view text);

}  // namespace verdeel::casefile
