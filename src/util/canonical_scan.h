#pragma once
// The grammar of canonical JSON, once (schema/FORMAT.md; util/canonical_json.h):
// a one-pass scanner that accepts exactly the bytes canonical() writes. With
// Build = false it only checks (util/canonical_check.h: no allocation); with
// Build = true it also builds the value it reads (util/canonical_parse.h), so
// that what is proved canonical and what is parsed are the same bytes read by
// the same code. Internal to util.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "util/canonical_check.h"
#include "util/canonical_json.h"

namespace verdeel::canonical_scan {

// Decodes one UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
// <= U+10FFFF); returns the code point and advances p, or -1.
inline int32_t utf8_at(const unsigned char*& p, const unsigned char* end) {
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

inline int hex_lower(unsigned char c) {
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
inline void units(int32_t cp, int32_t& a, int32_t& b) {
  if (cp < 0x10000) {
    a = cp, b = 0;
  } else {
    a = 0xD800 + ((cp - 0x10000) >> 10);
    b = 0xDC00 + ((cp - 0x10000) & 0x3FF);
  }
}

// Whether key x < key y in UTF-16 code units (RFC 8785 3.2.3); both point after their opening quote.
inline bool less_utf16(const unsigned char* x, const unsigned char* y, const unsigned char* end) {
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

// What a scanner that only checks builds: nothing.
struct Nothing {};

// Scanner<false>::run(b) is check_canonical(b). Scanner<true>::run(b, out) also
// leaves in `out`, when the answer is yes, the value Json::parse(b) gives:
// non-negative integers unsigned and negative ones signed, as nlohmann does.
template <bool Build>
class Scanner {
 public:
  using Value = std::conditional_t<Build, Json, Nothing>;

  explicit Scanner(std::string_view s)
      : p_(reinterpret_cast<const unsigned char*>(s.data())), end_(p_ + s.size()) {}

  CanonicalCheck run(Value& out) {
    if (!value(0, out)) return deep_ ? CanonicalCheck::unknown : CanonicalCheck::no;
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

  bool value(int depth, Value& out) {
    if (p_ >= end_) return false;
    switch (*p_) {
      case '{': return object(depth + 1, out);
      case '[': return array(depth + 1, out);
      case '"': {
        const unsigned char* first = p_ + 1;
        if (!string()) return false;
        if constexpr (Build) out = decode(first, p_ - 1);
        return true;
      }
      case 't': return literal("true") && set(out, true);
      case 'f': return literal("false") && set(out, false);
      case 'n': return literal("null") && set(out, nullptr);
      default: return number(out);
    }
  }

  template <class T>
  static bool set(Value& out, T v) {
    if constexpr (Build) out = v;
    (void)out;
    (void)v;
    return true;
  }

  bool object(int depth, Value& out) {
    if (depth > kCanonicalCheckMaxDepth) return deep_ = true, false;
    ++p_;
    if constexpr (Build) out = Json::object();
    if (at('}')) return ++p_, true;
    const unsigned char* previous = nullptr;
    // The first two members' keys and values, for the rule of fractions (fraction()).
    std::string_view keys[2], values[2];
    int members = 0;
    for (;;) {
      if (!at('"')) return false;
      const unsigned char* key = p_ + 1;
      if (!string()) return false;
      if (previous && !less_utf16(previous, key, end_)) return false;
      const unsigned char* key_end = p_ - 1;
      previous = key;
      if (!at(':')) return false;
      ++p_;
      const unsigned char* value_start = p_;
      Value member;
      if (!value(depth, member)) return false;
      if (members < 2) {
        keys[members] = span(key, key_end);
        values[members] = span(value_start, p_);
      }
      ++members;
      if constexpr (Build) {
        // Keys arrive in UTF-16 order, which is std::string's byte order but for code points
        // from U+E000 to U+FFFF against those above it: the hint is right, or merely slower.
        auto& m = out.template get_ref<Json::object_t&>();
        m.emplace_hint(m.end(), decode(key, key_end), std::move(member));
      }
      if (at('}')) return ++p_, members != 2 || keys[0] != "den" || keys[1] != "num" || fraction(values[1], values[0]);
      if (!at(',')) return false;
      ++p_;
    }
  }

  static std::string_view span(const unsigned char* first, const unsigned char* last) {
    return {reinterpret_cast<const char*>(first), static_cast<size_t>(last - first)};
  }

  // An object of exactly "den" and "num" with whole numbers is a fraction (canonical_fraction).
  static bool fraction(std::string_view num, std::string_view den) {
    auto is_number = [](std::string_view t) { return !t.empty() && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9')); };
    if (!is_number(num) || !is_number(den)) return true;  // a string, say: no fraction, nothing to check
    // Numbers the grammar accepted: digits after a minus sign or not, at most 20 of them.
    auto read = [](std::string_view t, bool& negative, uint64_t& magnitude) {
      negative = t[0] == '-';
      if (negative) t.remove_prefix(1);
      if (t.size() > 19) return false;  // beyond a signed 64-bit integer
      magnitude = 0;
      for (char c : t) magnitude = magnitude * 10 + static_cast<uint64_t>(c - '0');
      return true;
    };
    bool nn = false, dn = false;
    uint64_t n = 0, d = 0;
    return read(num, nn, n) && read(den, dn, d) && canonical_fraction(nn, n, dn, d);
  }

  bool array(int depth, Value& out) {
    if (depth > kCanonicalCheckMaxDepth) return deep_ = true, false;
    ++p_;
    if constexpr (Build) out = Json::array();
    if (at(']')) return ++p_, true;
    for (;;) {
      Value element;
      if (!value(depth, element)) return false;
      if constexpr (Build) out.template get_ref<Json::array_t&>().push_back(std::move(element));
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

  // The text of a string string() accepted, from after its opening quote to its closing one, with
  // its escapes (all of them ASCII, at most U+001F) decoded.
  static std::string decode(const unsigned char* first, const unsigned char* last) {
    const char* f = reinterpret_cast<const char*>(first);
    const char* l = reinterpret_cast<const char*>(last);
    const char* slash = static_cast<const char*>(std::memchr(f, '\\', static_cast<size_t>(l - f)));
    if (!slash) return std::string(f, l);
    std::string s(f, slash);
    Chars c{reinterpret_cast<const unsigned char*>(slash), last + 1};
    while (c.p < last) {
      if (*c.p != '\\') {
        s.push_back(static_cast<char>(*c.p++));
        continue;
      }
      s.push_back(static_cast<char>(c.next()));
    }
    return s;
  }

  bool number(Value& out) {
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
    if (n > ln || (n == ln && std::memcmp(digits, limit, n) > 0)) return false;
    if constexpr (Build) {
      uint64_t v = 0;
      for (size_t i = 0; i < n; ++i) v = v * 10 + static_cast<uint64_t>(digits[i] - '0');
      if (negative)
        out = static_cast<int64_t>(0 - v);  // two's complement: -2^63 included
      else
        out = v;
    }
    (void)out;
    return true;
  }
};

}  // namespace verdeel::canonical_scan
