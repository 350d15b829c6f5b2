#include "casefile/numbers.h"

#include <limits>

#include "casefile/text.h"

namespace verdeel::casefile {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}

// `1.000`, `12.345.678`: the Dutch thousands pattern. The first group has no
// leading zero: `0.500` is not a thousands number.
bool is_grouped(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 3 || !all_digits(s.substr(0, dot)) || s[0] == '0')
    return false;
  s.remove_prefix(dot);
  while (!s.empty()) {
    if (s.size() < 4 || s[0] != '.' || !all_digits(s.substr(1, 3))) return false;
    s.remove_prefix(4);
  }
  return true;
}

// Digits only (dots already removed) to int64_t; false on overflow.
bool to_int64(std::string_view digits, int64_t& out) {
  int64_t v = 0;
  for (char c : digits) {
    int64_t d = c - '0';
    if (v > (std::numeric_limits<int64_t>::max() - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

std::string strip_dots(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// Shared refusals: empty, negative, signs and text.
std::optional<std::string> common_error(std::string_view text) {
  if (text.empty()) return std::string("empty value where a number is expected");
  if (text[0] == '-') return quote(text) + " is negative; numbers of places cannot be negative";
  if (text[0] == '+') return quote(text) + " is not a number (write it without a sign)";
  return std::nullopt;
}

}  // namespace

Parsed<int64_t> parse_whole(std::string_view text) {
  text = trim(text);
  if (auto e = common_error(text)) return {std::nullopt, *e};
  std::string digits;
  if (all_digits(text)) {
    digits = std::string(text);
  } else if (is_grouped(text)) {
    digits = strip_dots(text);
  } else {
    bool decimal_like = true;
    size_t marks = 0;
    for (char c : text) {
      if (c == ',' || c == '.') ++marks;
      else if (!is_digit(c)) decimal_like = false;
    }
    if (decimal_like && marks == 1 && is_digit(text.front()) && is_digit(text.back()))
      return {std::nullopt, quote(text) + " is not a whole number"};
    return {std::nullopt, quote(text) + " is not a number"};
  }
  int64_t v = 0;
  if (!to_int64(digits, v) || v > kMaxWhole)
    return {std::nullopt, quote(text) + " is too large (at most 1.000.000.000 places)"};
  return {v, {}};
}

Parsed<Rational> parse_decimal(std::string_view text) {
  text = trim(text);
  if (auto e = common_error(text)) return {std::nullopt, *e};
  // `1.250` in a decimal column could be 1250 (Dutch thousands) or 1,25 (a
  // decimal point): refuse rather than guess. More groups (`12.345.678`) are
  // unambiguous thousands.
  if (is_grouped(text) && text.find('.') == text.rfind('.'))
    return {std::nullopt, quote(text) + " is ambiguous: write " + strip_dots(text) + " for a whole number or " +
                              std::string(text.substr(0, text.find('.'))) + "," +
                              std::string(text.substr(text.find('.') + 1)) + " for a decimal"};
  if (all_digits(text) || is_grouped(text)) {
    Parsed<int64_t> whole = parse_whole(text);
    if (!whole.ok()) return {std::nullopt, whole.error};
    return {Rational(*whole.value), {}};
  }
  size_t mark = text.find_first_of(",.");
  if (mark == std::string_view::npos || mark == 0 || mark + 1 == text.size() ||
      !all_digits(text.substr(0, mark)) || !all_digits(text.substr(mark + 1))) {
    if (text.find(',') != std::string_view::npos && text.find('.') != std::string_view::npos)
      return {std::nullopt, quote(text) + " is not a number (a decimal takes no thousands separator: write 1000,5)"};
    return {std::nullopt, quote(text) + " is not a number"};
  }
  std::string_view whole_part = text.substr(0, mark);
  std::string_view fraction = text.substr(mark + 1);
  while (fraction.size() > 1 && fraction.back() == '0') fraction.remove_suffix(1);
  const std::string too_precise = quote(text) + " has too many digits to be represented exactly";
  if (fraction.size() > 18) return {std::nullopt, too_precise};
  int64_t den = 1;
  for (size_t i = 0; i < fraction.size(); ++i) den *= 10;
  int64_t whole = 0, frac = 0;
  if (!to_int64(whole_part, whole) || whole >= kMaxWhole)
    return {std::nullopt, quote(text) + " is too large (at most 1.000.000.000 places)"};
  to_int64(fraction, frac);  // at most 18 digits: fits
  if (whole > (std::numeric_limits<int64_t>::max() - frac) / den) return {std::nullopt, too_precise};
  return {Rational::of(whole * den + frac, den), {}};
}

}  // namespace verdeel::casefile
