#include "report/exact_text.h"

#include <stdexcept>

namespace verdeel::report {

std::string decimal_text(const Rational& r, int decimals, Lang lang) {
  std::string s = r.to_decimal(decimals);
  if (lang == Lang::nl)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string exact_text(const Rational& r, Lang lang) {
  if (r.is_integer()) return std::to_string(r.num());
  // Terminating within six decimals: r * 10^k is an integer for some k <= 6.
  try {
    Rational scaled = r;
    for (int k = 1; k <= 6; ++k) {
      scaled = scaled * 10;
      if (scaled.is_integer()) return decimal_text(r, k, lang);
    }
  } catch (const std::overflow_error&) {
    // too large to scale: written as a fraction below
  }
  return r.to_string() + " (≈ " + decimal_text(r, 2, lang) + ")";
}

std::string percent_text(const Rational& p, Lang lang) { return decimal_text(p * 100, 2, lang) + "%"; }

}  // namespace verdeel::report
