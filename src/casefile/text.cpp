#include "casefile/text.h"

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

std::string clip(std::string_view s, size_t max) {
  // Control characters are written as escapes: a NUL would end the message where a C string is
  // read (an exception's what()), and a line break in a quoted field would break it over lines.
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  size_t i = 0, points = 0;
  while (i < s.size() && points < max) {
    const size_t from = i;
    utf8::decode(s, i);
    ++points;
    const auto c = static_cast<unsigned char>(s[from]);
    if (i - from == 1 && (c < 0x20 || c == 0x7F)) {
      if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else out.append("\\x").append(1, kHex[c >> 4]).append(1, kHex[c & 0xF]);
    } else {
      out.append(s.substr(from, i - from));
    }
  }
  if (i < s.size()) out += "...";
  return out;
}

std::string quote(std::string_view s, size_t max) { return "'" + clip(s, max) + "'"; }

}  // namespace verdeel::casefile
