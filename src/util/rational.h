#pragma once
// Exact rational numbers for the method (METHOD.md: "All arithmetic is exact").
// Invariant: den > 0 and gcd(|num|, den) == 1. Numerator and denominator fit
// in 64 bits; every operation computes in 128 bits and throws
// std::overflow_error when the reduced result does not fit. Never floating point.
#include <cstdint>
#include <string>

namespace verdeel {

__extension__ typedef __int128 int128;

class Rational {
 public:
  Rational() = default;
  Rational(int64_t whole) : num_(whole), den_(1) {}  // NOLINT: implicit on purpose
  // Throws std::domain_error when den == 0, std::overflow_error on overflow.
  static Rational of(int64_t num, int64_t den);

  int64_t num() const { return num_; }
  int64_t den() const { return den_; }
  bool is_integer() const { return den_ == 1; }

  // Largest integer <= this, smallest integer >= this.
  int64_t floor() const;
  int64_t ceil() const;
  // Rounded to `decimals` places, half away from zero, as text with '.'
  // (for reading only: "63.27"). Never used in computation.
  std::string to_decimal(int decimals) const;
  // "num/den", or "num" when den == 1.
  std::string to_string() const;

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);
  Rational operator-() const;
  Rational& operator+=(const Rational& o) { return *this = *this + o; }
  Rational& operator-=(const Rational& o) { return *this = *this - o; }

  friend bool operator==(const Rational& a, const Rational& b) { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }
  friend bool operator<(const Rational& a, const Rational& b);
  friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
  friend bool operator<=(const Rational& a, const Rational& b) { return !(b < a); }
  friend bool operator>=(const Rational& a, const Rational& b) { return !(a < b); }

 private:
  static Rational reduce(int128 num, int128 den);
  int64_t num_ = 0;
  int64_t den_ = 1;
};

Rational min(const Rational& a, const Rational& b);
Rational max(const Rational& a, const Rational& b);

}  // namespace verdeel
