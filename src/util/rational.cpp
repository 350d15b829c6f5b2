#include "util/rational.h"

#include <limits>
#include <stdexcept>
#include <utility>

namespace verdeel {
namespace {

// Euclid's algorithm. On 128 bits while the larger value needs them, then on 64: a 128-bit remainder
// is a library call (__modti3), a 64-bit one an instruction, and the method's numbers mostly fit.
int128 gcd128(int128 a, int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  if (a < b) std::swap(a, b);
  while (b != 0 && (a >> 64) != 0) {  // b <= a throughout: each remainder is below its divisor
    int128 t = a % b;
    a = b;
    b = t;
  }
  if (b == 0) return a;
  auto x = static_cast<uint64_t>(a), y = static_cast<uint64_t>(b);
  while (y != 0) {
    uint64_t t = x % y;
    x = y;
    y = t;
  }
  return static_cast<int128>(x);
}

bool fits64(int128 v) {
  return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

// floor(a / b) for b > 0.
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b) != 0 && a < 0) --q;
  return q;
}

// ceil(a / b) for b > 0.
int64_t ceil_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b) != 0 && a > 0) ++q;
  return q;
}

}  // namespace

Rational Rational::reduce(int128 num, int128 den) {
  if (den == 0) throw std::domain_error("rational with denominator zero");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  int128 g = gcd128(num, den);
  if (g > 1) {
    if (fits64(num) && fits64(den)) {  // and so g, which divides den: a 64-bit division
      num = static_cast<int64_t>(num) / static_cast<int64_t>(g);
      den = static_cast<int64_t>(den) / static_cast<int64_t>(g);
    } else {
      num /= g;
      den /= g;
    }
  }
  if (!fits64(num) || !fits64(den)) throw std::overflow_error("rational number does not fit in 64 bits");
  Rational r;
  r.num_ = static_cast<int64_t>(num);
  r.den_ = static_cast<int64_t>(den);
  return r;
}

Rational Rational::of(int64_t num, int64_t den) { return reduce(num, den); }

int64_t Rational::floor() const { return floor_div(num_, den_); }

int64_t Rational::ceil() const { return ceil_div(num_, den_); }

std::string Rational::to_decimal(int decimals) const {
  int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  int128 n = num_;
  bool negative = n < 0;
  if (negative) n = -n;
  // round half away from zero: floor((2*n*scale + den) / (2*den))
  int128 scaled = (2 * n * scale + den_) / (2 * static_cast<int128>(den_));
  int128 whole = scaled / scale;
  int128 frac = scaled % scale;
  std::string out = negative && scaled != 0 ? "-" : "";
  out += std::to_string(static_cast<int64_t>(whole));
  if (decimals > 0) {
    std::string f = std::to_string(static_cast<int64_t>(frac));
    out += "." + std::string(static_cast<size_t>(decimals) - f.size(), '0') + f;
  }
  return out;
}

std::string Rational::to_string() const {
  if (den_ == 1) return std::to_string(num_);
  return std::to_string(num_) + "/" + std::to_string(den_);
}

Rational operator+(const Rational& a, const Rational& b) {
  return Rational::reduce(static_cast<int128>(a.num_) * b.den_ + static_cast<int128>(b.num_) * a.den_,
                          static_cast<int128>(a.den_) * b.den_);
}
Rational operator-(const Rational& a, const Rational& b) {
  return Rational::reduce(static_cast<int128>(a.num_) * b.den_ - static_cast<int128>(b.num_) * a.den_,
                          static_cast<int128>(a.den_) * b.den_);
}
Rational operator*(const Rational& a, const Rational& b) {
  return Rational::reduce(static_cast<int128>(a.num_) * b.num_, static_cast<int128>(a.den_) * b.den_);
}
Rational operator/(const Rational& a, const Rational& b) {
  if (b.num_ == 0) throw std::domain_error("division by zero");
  return Rational::reduce(static_cast<int128>(a.num_) * b.den_, static_cast<int128>(a.den_) * b.num_);
}
Rational Rational::operator-() const { return reduce(-static_cast<int128>(num_), den_); }

bool operator<(const Rational& a, const Rational& b) {
  return static_cast<int128>(a.num_) * b.den_ < static_cast<int128>(b.num_) * a.den_;
}

Rational min(const Rational& a, const Rational& b) { return b < a ? b : a; }
Rational max(const Rational& a, const Rational& b) { return a < b ? b : a; }

}  // namespace verdeel
