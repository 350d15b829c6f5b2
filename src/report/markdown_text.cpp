#include "report/markdown_text.h"

namespace verdeel::report {

std::string md_escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    // A link needs "](", "][" or "]:"; escaping that "]" is enough, so a
    // placeholder such as "[datum]" stays readable.
    bool link = c == ']' && (next == '(' || next == '[' || next == ':');
    if (link || std::string("\\`*_<>|#").find(c) != std::string::npos) out += '\\';
    out += c == '\n' || c == '\r' ? ' ' : c;
  }
  return out;
}

}  // namespace verdeel::report
