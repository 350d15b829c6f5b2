#include "ledger/envelope_check.h"

#include <array>
#include <charconv>
#include <cstring>

#include "util/canonical_check.h"
#include "util/canonical_json.h"
#include "util/utf8.h"

namespace verdeel::ledger {
namespace {

// A column as a JSON string: its own bytes between implied quotes when they need no escaping (so
// nothing is built for the common case), else its canonical form, built and kept in a Quoted.
struct Column {
  std::string_view text;
  bool bare = false;
  size_t size() const { return text.size() + (bare ? 2 : 0); }
};

bool bare(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
  return true;
}

std::string_view decimal(int64_t n, char (&buf)[24]) {
  return std::string_view(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf));
}

// The 64 lowercase hex digits of h, two at a time from a table.
void hex64(const Hash& h, char* out) {
  static const auto pairs = [] {
    std::array<char, 512> t{};
    constexpr char digits[] = "0123456789abcdef";
    for (size_t b = 0; b < 256; ++b) t[2 * b] = digits[b >> 4], t[2 * b + 1] = digits[b & 15];
    return t;
  }();
  for (uint8_t b : h) std::memcpy(out, &pairs[2 * size_t{b}], 2), out += 2;
}

bool same(const char* p, std::string_view s) { return s.empty() || std::memcmp(p, s.data(), s.size()) == 0; }

// envelope_tail's sinks (record.h): one measures the tail, one compares it with the stored bytes.
struct Measure {
  size_t n = 0;
  bool lit(std::string_view s) { return n += s.size(), true; }
  bool json(const Column& c) { return n += c.size(), true; }
  bool hex(const Hash& h) { return n += 2 * h.size(), true; }
  bool num(int64_t v) {
    char buf[24];
    return n += decimal(v, buf).size(), true;
  }
};

struct Compare {
  const char* p;  // at the tail; Measure made sure the bytes are there
  bool lit(std::string_view s) { return same(p, s) && (p += s.size(), true); }
  bool json(const Column& c) {
    if (!c.bare) return lit(c.text);
    if (p[0] != '"' || !same(p + 1, c.text) || p[1 + c.text.size()] != '"') return false;
    return p += c.size(), true;
  }
  bool hex(const Hash& h) {
    char digits[64];
    hex64(h, digits);
    return lit(std::string_view(digits, sizeof digits));
  }
  bool num(int64_t v) {
    char buf[24];
    return lit(decimal(v, buf));
  }
};

}  // namespace

const std::string* EnvelopeCheck::quoted(Quoted& q, std::string_view s) {
  if (q.valid && q.raw == s) return &q.json;
  q.raw.assign(s.data(), s.size());
  q.json.clear();
  q.valid = utf8::valid(s);
  if (!q.valid) return nullptr;
  append_canonical_string(s, q.json);
  return &q.json;
}

bool EnvelopeCheck::matches(const StoredRow& row, const Hash& prev, std::string_view* body) {
  const std::string_view raw[4] = {row.cycle, row.kind, row.province, row.subject};
  Column c[4];
  for (size_t i = 0; i < 4; ++i) {
    if (bare(raw[i])) {
      c[i] = Column{raw[i], true};
    } else {
      const std::string* json = quoted(columns_[i], raw[i]);
      if (!json) return false;
      c[i] = Column{*json, false};
    }
  }
  Measure tail;
  envelope_tail(tail, c[0], c[1], prev, c[2], row.seq, c[3]);

  const std::string_view data = row.data;
  if (data.size() < kEnvelopeHead.size() + tail.n || data.substr(0, kEnvelopeHead.size()) != kEnvelopeHead)
    return false;
  Compare at{data.data() + data.size() - tail.n};
  if (!envelope_tail(at, c[0], c[1], prev, c[2], row.seq, c[3])) return false;
  const std::string_view b = data.substr(kEnvelopeHead.size(), data.size() - kEnvelopeHead.size() - tail.n);
  if (check_canonical(b) != CanonicalCheck::yes) return false;
  if (body) *body = b;
  return true;
}

}  // namespace verdeel::ledger
