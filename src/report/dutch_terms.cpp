#include "report/dutch_terms.h"

#include "report/html_text.h"

namespace verdeel::report {
namespace {
constexpr char kOpen = '\x0E';   // SO: a Dutch term starts
constexpr char kClose = '\x0F';  // SI: it ends
}  // namespace

std::string dutch_term(std::string_view term) {
  std::string out;
  out.reserve(term.size() + 2);
  out += kOpen;
  out += term;
  out += kClose;
  return out;
}

std::string without_term_marks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (c != kOpen && c != kClose) out += c;
  return out;
}

std::string html_with_terms(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find(kOpen, i);
    const size_t close = open == std::string_view::npos ? std::string_view::npos : text.find(kClose, open + 1);
    const size_t next_open = open == std::string_view::npos ? std::string_view::npos : text.find(kOpen, open + 1);
    if (close == std::string_view::npos || (next_open != std::string_view::npos && next_open < close)) {
      // No well-formed term from here to the next open mark: plain text, marks dropped.
      const size_t end = next_open == std::string_view::npos || open == std::string_view::npos ? text.size() : next_open;
      out += html_escape(without_term_marks(text.substr(i, end - i)));
      i = end;
      continue;
    }
    out += html_escape(without_term_marks(text.substr(i, open - i)));
    out += "<span lang=\"nl\">";
    out += html_escape(text.substr(open + 1, close - open - 1));
    out += "</span>";
    i = close + 1;
  }
  return out;
}

}  // namespace verdeel::report
