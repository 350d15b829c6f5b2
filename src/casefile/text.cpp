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
  size_t i = 0, points = 0;
  while (i < s.size() && points < max) {
    utf8::decode(s, i);
    ++points;
  }
  std::string out(s.substr(0, i));
  if (i < s.size()) out += "...";
  return out;
}

std::string quote(std::string_view s, size_t max) { return "'" + clip(s, max) + "'"; }

}  // namespace verdeel::casefile
