#include "ledger/envelope_check.h"

#include <array>
#include <charconv>
#include <cstring>

#include "util/canonical_check.h"
#include "util/canonical_json.h"
#include "util/canonical_parse.h"
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

// Bytes a JSON string holds as they are: printable ASCII but for the quote and the backslash.
constexpr std::array<bool, 256> kBare = [] {
  std::array<bool, 256> t{};
  for (size_t c = 0x20; c < 0x7F; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

bool bare(std::string_view s) {
  for (const char c : s)
    if (!kBare[static_cast<unsigned char>(c)]) return false;
  return true;
}

// The bytes prev's digits may be: lower-case hex.
constexpr std::array<bool, 256> kLowerHex = [] {
  std::array<bool, 256> t{};
  for (size_t c = '0'; c <= '9'; ++c) t[c] = true;
  for (size_t c = 'a'; c <= 'f'; ++c) t[c] = true;
  return t;
}();

// prev as the envelope writes it: 64 lower-case hex digits. Checked without a branch per digit:
// digits and letters come in random order, and a branch on each was mispredicted half the time
// (it cost as much as the rest of this check).
bool read_prev(const char* digits, Hash& out) {
  bool all = true;
  for (size_t i = 0; i < 64; ++i) all &= kLowerHex[static_cast<unsigned char>(digits[i])];
  if (!all) return false;
  out = hash_from_hex(std::string_view(digits, 64));
  return true;
}

// envelope_tail's sink (record.h) for the checks below: writes the tail into a buffer that is large enough
// (EnvelopeCheck::matches sizes it), to be compared with the stored bytes in one go.
struct Write {
  char* p;
  void put(std::string_view s) {
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
  bool lit(std::string_view s) { return put(s), true; }
  bool json(const Column& c) {
    if (c.bare) *p++ = '"';
    put(c.text);
    if (c.bare) *p++ = '"';
    return true;
  }
  char* hex_at = nullptr;  // where prev's digits went
  bool hex(const Hash& h) {
    hex_at = p;
    p = write_hex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()), p);
    return true;
  }
  bool num(int64_t v) { return p = std::to_chars(p, p + 20, v).ptr, true; }
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
  return check(row, &prev, nullptr, body, nullptr);
}

bool EnvelopeCheck::matches_reading(const StoredRow& row, Hash& prev, Json& body) {
  return check(row, nullptr, &prev, nullptr, &body);
}

bool EnvelopeCheck::check(const StoredRow& row, const Hash* expected, Hash* found, std::string_view* body,
                          Json* value) {
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
  // The literal keys take 58 bytes, prev 64, seq at most 20, the columns what they take.
  size_t bound = 58 + 64 + 20;
  for (const Column& x : c) bound += x.size();
  if (tail_.size() < bound) tail_.resize(bound);
  Write out{tail_.data()};
  envelope_tail(out, c[0], c[1], expected ? *expected : kZeroHash, c[2], row.seq, c[3]);
  const auto n = static_cast<size_t>(out.p - tail_.data());

  const std::string_view data = row.data;
  if (data.size() < kEnvelopeHead.size() + n || data.substr(0, kEnvelopeHead.size()) != kEnvelopeHead) return false;
  const char* stored_tail = data.data() + data.size() - n;
  if (!expected) {  // the stored digits of prev in place of the zeros written, once they are prev's
    const auto at = static_cast<size_t>(out.hex_at - tail_.data());
    if (!read_prev(stored_tail + at, *found)) return false;
    std::memcpy(out.hex_at, stored_tail + at, 64);
  }
  if (std::memcmp(stored_tail, tail_.data(), n) != 0) return false;
  const std::string_view b = data.substr(kEnvelopeHead.size(), data.size() - kEnvelopeHead.size() - n);
  if (value) {
    auto v = parse_canonical(b);
    if (!v) return false;
    *value = std::move(*v);
  } else if (check_canonical(b) != CanonicalCheck::yes) {
    return false;
  }
  if (body) *body = b;
  return true;
}

}  // namespace verdeel::ledger
