#include "report/markdown_text.h"

namespace verdeel::report {

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("\\`*_[]<>|#").find(c) != std::string::npos) out += '\\';
    out += c == '\n' || c == '\r' ? ' ' : c;
  }
  return out;
}

}  // namespace verdeel::report
