#include "casefile/text.h"

#include <algorithm>
#include <vector>

#include "util/utf8.h"

namespace verdeel::casefile {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

namespace {

// Characters that would change how a message reads rather than show in it: C0 and C1 controls,
// line and paragraph separators, and the marks that turn text right to left (a name could reorder
// the message around it).
bool unseen(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string clip(std::string_view s, size_t max) {
  // Such characters are written as escapes: a NUL would end the message where a C string is read
  // (an exception's what()), a line break in a quoted field would break it over lines. Bytes that
  // are not UTF-8 are shown as \xNN.
  static const char* const kHex = "0123456789abcdef";
  auto hex = [&](std::string& out, uint32_t v, int digits) {
    for (int d = digits - 1; d >= 0; --d) out += kHex[(v >> (4 * d)) & 0xF];
  };
  std::string out;
  size_t i = 0, points = 0;
  while (i < s.size() && points < max) {
    const size_t from = i;
    const char32_t cp = utf8::decode(s, i);
    ++points;
    const std::string_view bytes = s.substr(from, i - from);
    if (cp == 0xFFFD && bytes != "\xEF\xBF\xBD") {  // not UTF-8
      for (const char b : bytes) out += "\\x", hex(out, static_cast<unsigned char>(b), 2);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x80 && unseen(cp)) {
      out += "\\x", hex(out, static_cast<uint32_t>(cp), 2);
    } else if (unseen(cp)) {
      out += "\\u{", hex(out, static_cast<uint32_t>(cp), 4), out += "}";
    } else {
      out.append(bytes);
    }
  }
  if (i < s.size()) out += "...";
  return out;
}

std::string quote(std::string_view s, size_t max) { return "'" + clip(s, max) + "'"; }

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace verdeel::casefile
