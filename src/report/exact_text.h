#pragma once
// Exact numbers as people read them in explanations and what-if tables.
// Never rounds silently: a value whose decimal expansion ends within six
// digits is written in full ("143,2" in Dutch, "143.2" in English); any other
// value as its exact fraction with a rounded reading beside it
// ("1595/7 (≈ 227,86)").
#include <string>

#include "util/rational.h"

namespace verdeel::report {

enum class Lang { nl, en };

std::string exact_text(const Rational& r, Lang lang);
// p as a percentage rounded to two decimals, for reading: "63,27%".
std::string percent_text(const Rational& p, Lang lang);
// The decimal mark of the language applied to Rational::to_decimal output.
std::string decimal_text(const Rational& r, int decimals, Lang lang);

}  // namespace verdeel::report
