// The besluit document as Markdown (CommonMark with GFM tables).
#include <sstream>

#include "report/besluit.h"
#include "report/dutch_terms.h"
#include "report/markdown_text.h"

namespace verdeel::report {
namespace {
// Escaped, without the marks of Dutch terms (dutch_terms.h): Markdown shows them as they are.
std::string text(const std::string& s) { return md_escape(without_term_marks(s)); }
}  // namespace

std::string besluit_markdown(const Document& d) {
  using K = Block::Kind;
  std::ostringstream o;
  o << "# " << text(d.title) << "\n";
  for (const auto& b : d.blocks) {
    o << "\n";
    switch (b.kind) {
      case K::title: o << "**" << text(b.text) << "**\n"; break;
      case K::heading: o << "## " << text(b.text) << "\n"; break;
      case K::subheading: o << "### " << text(b.text) << "\n"; break;
      case K::minor: o << "#### " << text(b.text) << "\n"; break;
      case K::paragraph: o << text(b.text) << "\n"; break;
      case K::note: o << "*" << text(b.text) << "*\n"; break;
      case K::bullets:
        for (const auto& i : b.items) o << "- " << text(i) << "\n";
        break;
      case K::letters:
        for (size_t i = 0; i < b.items.size(); ++i)
          o << "- " << static_cast<char>('a' + static_cast<int>(i % 26)) << ". " << text(b.items[i]) << "\n";
        break;
      case K::lines: {
        // Hard line breaks (two spaces), an empty line as a non-breaking space.
        for (size_t i = 0; i < b.items.size(); ++i)
          o << (b.items[i].empty() ? "\xC2\xA0" : text(b.items[i])) << (i + 1 < b.items.size() ? "  \n" : "\n");
        break;
      }
      case K::table: {
        if (!b.text.empty()) o << "*" << text(b.text) << "*\n\n";
        for (size_t r = 0; r < b.rows.size(); ++r) {
          bool total = b.totals && r + 1 == b.rows.size();
          o << "|";
          for (const auto& cell : b.rows[r]) o << " " << (total ? "**" + text(cell) + "**" : text(cell)) << " |";
          o << "\n";
          if (r == 0) {
            o << "|";
            for (size_t c = 0; c < b.rows[0].size(); ++c) o << (c == 0 ? " --- |" : " ---: |");
            o << "\n";
          }
        }
        break;
      }
    }
  }
  return o.str();
}

}  // namespace verdeel::report
