#include "util/canonical_check.h"

#include <cstdint>
#include <cstring>

namespace verdeel {
namespace {

// Decodes one UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
// <= U+10FFFF); returns the code point and advances p, or -1.
int32_t utf8_at(const unsigned char*& p, const unsigned char* end) {
  unsigned c = *p;
  int n;
  int32_t cp;
  if (c < 0x80) {
    ++p;
    return static_cast<int32_t>(c);
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 1, cp = static_cast<int32_t>(c & 0x1F);
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 2, cp = static_cast<int32_t>(c & 0x0F);
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3, cp = static_cast<int32_t>(c & 0x07);
  } else {
    return -1;
  }
  if (end - p <= n) return -1;
  for (int i = 1; i <= n; ++i) {
    unsigned cc = p[i];
    if ((cc & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | static_cast<int32_t>(cc & 0x3F);
  }
  if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return -1;
  p += n + 1;
  return cp;
}

int hex_lower(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The code points of a string already checked by Scanner::string, escapes
// decoded; `p` points after the opening quote.
struct Chars {
  const unsigned char* p;
  const unsigned char* end;
  // Next code point, or -1 at the closing quote.
  int32_t next() {
    if (*p == '"') return -1;
    if (*p != '\\') return utf8_at(p, end);
    unsigned char e = p[1];
    p += 2;
    switch (e) {
      case 'b': return 0x08;
      case 'f': return 0x0C;
      case 'n': return 0x0A;
      case 'r': return 0x0D;
      case 't': return 0x09;
      case 'u': p += 4; return hex_lower(p[-2]) * 16 + hex_lower(p[-1]);
      default: return e;  // '"' or '\\'
    }
  }
};

// UTF-16 code units of a code point: (first, second or 0).
void units(int32_t cp, int32_t& a, int32_t& b) {
  if (cp < 0x10000) {
    a = cp, b = 0;
  } else {
    a = 0xD800 + ((cp - 0x10000) >> 10);
    b = 0xDC00 + ((cp - 0x10000) & 0x3FF);
  }
}

// Whether key x < key y in UTF-16 code units (RFC 8785 3.2.3); both point after their opening quote.
bool less_utf16(const unsigned char* x, const unsigned char* y, const unsigned char* end) {
  // Fast path: past their common bytes, two ASCII bytes that are not an escape decide it (a
  // closing quote ends the shorter key). Anything else is decided by code points below.
  const unsigned char *i = x, *j = y;
  while (*i == *j && *i != '"' && *i != '\\') ++i, ++j;
  if (*i < 0x80 && *j < 0x80 && *i != '\\' && *j != '\\') {
    if (*i == '"') return *j != '"';
    return *j != '"' && *i < *j;
  }
  Chars a{x, end}, b{y, end};
  for (;;) {
    int32_t ca = a.next(), cb = b.next();
    if (ca < 0 || cb < 0) return ca < 0 && cb >= 0;
    if (ca == cb) continue;
    int32_t a1, a2, b1, b2;
    units(ca, a1, a2);
    units(cb, b1, b2);
    if (a1 != b1) return a1 < b1;
    return a2 < b2;
  }
}

class Scanner {
 public:
  explicit Scanner(std::string_view s)
      : p_(reinterpret_cast<const unsigned char*>(s.data())), end_(p_ + s.size()) {}

  CanonicalCheck run() {
    if (!value(0)) return deep_ ? CanonicalCheck::unknown : CanonicalCheck::no;
    return p_ == end_ ? CanonicalCheck::yes : CanonicalCheck::no;
  }

 private:
  const unsigned char* p_;
  const unsigned char* end_;
  bool deep_ = false;

  bool at(unsigned char c) const { return p_ < end_ && *p_ == c; }

  bool literal(const char* word) {
    size_t n = std::strlen(word);
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool value(int depth) {
    if (p_ >= end_) return false;
    switch (*p_) {
      case '{': return object(depth + 1);
      case '[': return array(depth + 1);
      case '"': return string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }

  bool object(int depth) {
    if (depth > kCanonicalCheckMaxDepth) return deep_ = true, false;
    ++p_;
    if (at('}')) return ++p_, true;
    const unsigned char* previous = nullptr;
    for (;;) {
      if (!at('"')) return false;
      const unsigned char* key = p_ + 1;
      if (!string()) return false;
      if (previous && !less_utf16(previous, key, end_)) return false;
      previous = key;
      if (!at(':')) return false;
      ++p_;
      if (!value(depth)) return false;
      if (at('}')) return ++p_, true;
      if (!at(',')) return false;
      ++p_;
    }
  }

  bool array(int depth) {
    if (depth > kCanonicalCheckMaxDepth) return deep_ = true, false;
    ++p_;
    if (at(']')) return ++p_, true;
    for (;;) {
      if (!value(depth)) return false;
      if (at(']')) return ++p_, true;
      if (!at(',')) return false;
      ++p_;
    }
  }

  bool string() {
    ++p_;  // the opening quote
    while (p_ < end_) {
      unsigned char c = *p_;
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {  // plain ASCII, the common case
        ++p_;
        continue;
      }
      if (c == '"') return ++p_, true;
      if (c < 0x20) return false;
      if (c != '\\') {
        if (utf8_at(p_, end_) < 0) return false;
        continue;
      }
      if (end_ - p_ < 2) return false;
      unsigned char e = p_[1];
      if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        p_ += 2;
        continue;
      }
      if (e != 'u' || end_ - p_ < 6 || p_[2] != '0' || p_[3] != '0') return false;
      int hi = hex_lower(p_[4]), lo = hex_lower(p_[5]);
      if (hi < 0 || hi > 1 || lo < 0) return false;
      int v = hi * 16 + lo;
      if (v == 0x08 || v == 0x09 || v == 0x0A || v == 0x0C || v == 0x0D) return false;
      p_ += 6;
    }
    return false;
  }

  bool number() {
    bool negative = at('-');
    if (negative) ++p_;
    const unsigned char* digits = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    size_t n = static_cast<size_t>(p_ - digits);
    if (n == 0) return false;
    if (digits[0] == '0' && (n > 1 || negative)) return false;  // leading zero, or -0
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    // Within what the parser keeps as an integer: [-2^63, 2^64 - 1].
    const char* limit = negative ? "9223372036854775808" : "18446744073709551615";
    size_t ln = std::strlen(limit);
    if (n != ln) return n < ln;
    return std::memcmp(digits, limit, n) <= 0;
  }
};

}  // namespace

CanonicalCheck check_canonical(std::string_view bytes) { return Scanner(bytes).run(); }

}  // namespace verdeel
