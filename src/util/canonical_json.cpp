#include "util/canonical_json.h"

#include <algorithm>
#include <array>
#include <vector>

#include "util/json_object.h"
#include "util/utf8.h"

namespace verdeel {
namespace {

// Order of RFC 8785 section 3.2.3: compare keys as sequences of UTF-16 code units.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = utf8::decode(s, i);  // advances i; validated earlier
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

// Below U+10000 (no UTF-8 byte >= 0xF0), UTF-16 code unit order is code point order, which is the
// byte order of UTF-8.
bool bmp_only(std::string_view s) {
  for (const char c : s)
    if (static_cast<unsigned char>(c) >= 0xF0) return false;
  return true;
}

bool plain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }

// Printable ASCII but the quote and the backslash: bytes a JSON string holds as they are.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> t{};
  for (size_t c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

void write_string(std::string_view s, std::string& out) {
  // The common case (codes, kinds, hashes, numbers as text): one pass, the bytes as they are.
  size_t ascii = 0;
  while (ascii < s.size() && kPlainAscii[static_cast<unsigned char>(s[ascii])]) ++ascii;
  if (ascii == s.size()) {
    out.reserve(out.size() + s.size() + 2);
    out.push_back('"');
    out.append(s);
    out.push_back('"');
    return;
  }
  if (!utf8::valid(s)) throw CanonicalError("string is not valid UTF-8");
  static const char* digits = "0123456789abcdef";
  out.push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    size_t run = i;  // bytes written as they are, copied in one go
    while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s.data() + i, run - i);
    if (run == s.size()) break;
    const auto c = static_cast<unsigned char>(s[run]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:  // the other control characters
        out += "\\u00";
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    i = run + 1;
  }
  out.push_back('"');
}

void write(const Json& v, std::string& out) {
  switch (v.type()) {
    case Json::value_t::null: out += "null"; break;
    case Json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; break;
    case Json::value_t::number_integer: out += std::to_string(v.get<int64_t>()); break;
    case Json::value_t::number_unsigned: out += std::to_string(v.get<uint64_t>()); break;
    case Json::value_t::number_float: throw CanonicalError("floating-point number in a record");
    case Json::value_t::string: write_string(v.get_ref<const std::string&>(), out); break;
    case Json::value_t::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v) {
        if (!first) out.push_back(',');
        first = false;
        write(e, out);
      }
      out.push_back(']');
      break;
    }
    case Json::value_t::object: {
      if (v.size() == 2 && v.contains("den") && v.contains("num") && v["den"].is_number_integer() &&
          v["num"].is_number_integer()) {
        auto sign_magnitude = [](const Json& x, bool& negative, uint64_t& magnitude) {
          negative = x.is_number_integer() && !x.is_number_unsigned() && x.get<int64_t>() < 0;
          magnitude = negative ? 0 - static_cast<uint64_t>(x.get<int64_t>()) : x.get<uint64_t>();
        };
        bool nn = false, dn = false;
        uint64_t n = 0, d = 0;
        sign_magnitude(v["num"], nn, n);
        sign_magnitude(v["den"], dn, d);
        if (!canonical_fraction(nn, n, dn, d))
          throw CanonicalError("a fraction must be in lowest terms with den > 1: " + v.dump());
      }
      // Keys in UTF-16 code unit order. Without characters beyond U+FFFF (no UTF-8 byte >= 0xF0),
      // that is code point order, which is the byte order of UTF-8, which is the order the
      // object's std::map already keeps: then no sort and no copies are needed.
      bool bmp = true;
      for (auto it = v.begin(); it != v.end() && bmp; ++it) bmp = bmp_only(it.key());
      out.push_back('{');
      bool first = true;
      auto member = [&](const std::string& key, const Json& value) {
        if (!first) out.push_back(',');
        first = false;
        write_string(key, out);
        out.push_back(':');
        write(value, out);
      };
      if (bmp) {
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (!utf8::valid(it.key())) throw CanonicalError("object key is not valid UTF-8");
          member(it.key(), it.value());
        }
      } else {
        struct Key {
          std::u16string units;
          const std::string* key;
          const Json* value;
        };
        std::vector<Key> keys;
        keys.reserve(v.size());
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (!utf8::valid(it.key())) throw CanonicalError("object key is not valid UTF-8");
          keys.push_back(Key{utf16(it.key()), &it.key(), &it.value()});
        }
        std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.units < b.units; });
        for (const Key& k : keys) member(*k.key, *k.value);
      }
      out.push_back('}');
      break;
    }
    case Json::value_t::binary: throw CanonicalError("binary value in a record");
    case Json::value_t::discarded: throw CanonicalError("discarded value in a record");
  }
}

}  // namespace

void append_canonical_string(std::string_view s, std::string& out) { write_string(s, out); }

bool canonical_key_less(std::string_view a, std::string_view b) {
  if (bmp_only(a) && bmp_only(b)) return a < b;
  return utf16(a) < utf16(b);
}

void append_canonical(const Json& value, std::string& out) { write(value, out); }

std::string canonical(const Json& value) {
  std::string out;
  write(value, out);
  return out;
}

bool canonical_fraction(bool num_negative, uint64_t num, bool den_negative, uint64_t den) {
  constexpr uint64_t kMax = (uint64_t{1} << 63) - 1;  // INT64_MAX; a numerator may be -2^63
  if (num > (num_negative ? kMax + 1 : kMax) || den_negative || den < 2 || den > kMax) return false;
  uint64_t a = num, b = den;
  while (b != 0) {
    const uint64_t r = a % b;
    a = b;
    b = r;
  }
  return a == 1;
}

Json to_json(const Rational& r) {
  if (r.is_integer()) return r.num();
  return Obj()("num", r.num())("den", r.den());
}

Rational rational_from_json(const Json& j) {
  if (j.is_number_integer()) return Rational(j.get<int64_t>());
  if (j.is_object() && j.size() == 2 && j.contains("num") && j.contains("den") && j["num"].is_number_integer() &&
      j["den"].is_number_integer()) {
    Rational r = Rational::of(j["num"].get<int64_t>(), j["den"].get<int64_t>());
    if (r.num() != j["num"].get<int64_t>() || r.den() != j["den"].get<int64_t>() || r.den() == 1)
      throw std::invalid_argument("rational not in lowest terms: " + j.dump());
    return r;
  }
  throw std::invalid_argument("not a rational number: " + j.dump());
}

}  // namespace verdeel
