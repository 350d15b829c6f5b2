// The besluit document as one standalone HTML page, for reading and for
// printing to PDF (A4, serif, no script, no external reference). The Dutch terms of an English
// document are marked lang="nl" (dutch_terms.h).
#include <sstream>

#include "report/besluit.h"
#include "report/dutch_terms.h"
#include "report/html_text.h"

namespace verdeel::report {
namespace {

const char* const kCss = R"css(
html { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; color: #111; background: #fff; }
body { max-width: 46em; margin: 0 auto; padding: 28px 28px 56px; line-height: 1.5; font-size: 16px; }
p.title { font-weight: 700; font-size: 1.15em; margin: 1.2em 0; }
h1 { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 13px; font-weight: 400; color: #555; margin: 0 0 2em; }
h2 { font-size: 1.15em; margin: 2em 0 .6em; }
h3 { font-size: 1.05em; margin: 1.8em 0 .5em; }
h4 { font-size: 1em; font-style: italic; font-weight: 600; margin: 1.2em 0 .2em; }
p { margin: .4em 0 .7em; }
ol.letters { list-style: lower-alpha; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-style: italic; padding-bottom: .3em; }
th, td { border: 1px solid #888; padding: 3px 10px; text-align: left; }
td.n, th.n { text-align: right; }
tr.total td { font-weight: 700; }
p.lines { margin: 1.6em 0; }
.bijlage li { word-break: break-all; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, p.lines { break-inside: avoid; page-break-inside: avoid; }
  h2.toelichting { break-before: page; page-break-before: always; }
}
)css";

}  // namespace

std::string besluit_html(const Document& d) {
  using K = Block::Kind;
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"" << (d.lang == Lang::en ? "en" : "nl") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
    << html_escape(without_term_marks(d.title)) << "</title>\n<style>" << kCss << "</style>\n</head>\n<body>\n";
  o << "<h1>" << html_with_terms(d.title) << "</h1>\n";
  bool bijlage = false;
  for (const auto& b : d.blocks) {
    switch (b.kind) {
      case K::title: o << "<p class=\"title\">" << html_with_terms(b.text) << "</p>\n"; break;
      case K::heading: {
        bool toelichting = b.opens == Block::Part::toelichting;
        if (b.opens == Block::Part::bijlage) {
          o << "<section class=\"bijlage\">\n";
          bijlage = true;
        }
        o << "<h2" << (toelichting ? " class=\"toelichting\"" : "") << ">" << html_with_terms(b.text) << "</h2>\n";
        break;
      }
      case K::subheading: o << "<h3>" << html_with_terms(b.text) << "</h3>\n"; break;
      case K::minor: o << "<h4>" << html_with_terms(b.text) << "</h4>\n"; break;
      case K::paragraph: o << "<p>" << html_with_terms(b.text) << "</p>\n"; break;
      case K::note: o << "<p><em>" << html_with_terms(b.text) << "</em></p>\n"; break;
      case K::bullets:
      case K::letters:
        o << (b.kind == K::letters ? "<ol class=\"letters\">\n" : "<ul>\n");
        for (const auto& i : b.items) o << "<li>" << html_with_terms(i) << "</li>\n";
        o << (b.kind == K::letters ? "</ol>\n" : "</ul>\n");
        break;
      case K::lines:
        o << "<p class=\"lines\">";
        for (size_t i = 0; i < b.items.size(); ++i) o << (i ? "<br>\n" : "") << html_with_terms(b.items[i]);
        o << "</p>\n";
        break;
      case K::table: {
        o << "<table>\n";
        if (!b.text.empty()) o << "<caption>" << html_with_terms(b.text) << "</caption>\n";
        for (size_t r = 0; r < b.rows.size(); ++r) {
          bool head = r == 0, total = b.totals && r + 1 == b.rows.size();
          if (r == 1) o << "<tbody>\n";
          if (total) o << "</tbody>\n<tfoot>\n";
          o << (head ? "<thead><tr>" : total ? "<tr class=\"total\">" : "<tr>");
          for (size_t c = 0; c < b.rows[r].size(); ++c) {
            const char* tag = head ? "th" : "td";
            o << "<" << tag << (c > 0 ? " class=\"n\"" : "") << ">" << html_with_terms(b.rows[r][c]) << "</" << tag << ">";
          }
          o << (head ? "</tr></thead>\n" : "</tr>\n");
          if (total) o << "</tfoot>\n";
        }
        if (!b.totals && b.rows.size() > 1) o << "</tbody>\n";
        o << "</table>\n";
        break;
      }
    }
  }
  if (bijlage) o << "</section>\n";
  o << "</body>\n</html>\n";
  return o.str();
}

}  // namespace verdeel::report
