#include "report/svg_chart.h"

#include <algorithm>
#include <sstream>

#include "report/html_text.h"
#include "report/render.h"
#include "report/wording.h"

namespace verdeel::report {
namespace {

constexpr int64_t kWidth = 960;
constexpr int64_t kLeft = 190;   // start of the plot; names end at kLeft - 8
constexpr int64_t kPlot = 620;   // plot width
constexpr int64_t kTop = 44;     // first row
constexpr int64_t kRow = 18;     // row height

// Tenths of a pixel as SVG text: 1234 -> "123.4".
std::string px(int64_t tenths) {
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "." + std::to_string(tenths % 10);
  return s;
}

int64_t get(const PerCategory& p, const std::string& c) { return c == "amv" ? p.amv : p.regulier; }

// A round axis maximum >= m: 1, 2 or 5 times a power of ten per step, at most 8 steps.
std::pair<int64_t, int64_t> axis(int64_t m) {
  if (m <= 0) return {10, 2};
  int64_t step = 1;
  for (;;) {
    for (int64_t f : {1, 2, 5}) {
      if (m <= f * step * 8) {
        int64_t s = f * step;
        return {(m + s - 1) / s * s, s};
      }
    }
    step *= 10;
  }
}

}  // namespace

std::string category_chart_svg(const DecisionView& v, const std::string& c) {
  std::vector<const GemeenteRow*> rows;
  for (const auto& g : v.gemeenten) rows.push_back(&g);
  std::stable_sort(rows.begin(), rows.end(), [&](const GemeenteRow* a, const GemeenteRow* b) {
    return get(a->indicatief, c) > get(b->indicatief, c);
  });
  const auto& p = v.percentage.at(c);
  int64_t most = 0;
  for (const auto* g : rows) {
    most = std::max({most, get(g->besluit, c), get(g->indicatief, c)});
    if (p) most = std::max(most, (*p * get(g->indicatief, c)).ceil());
  }
  auto [xmax, step] = axis(most);
  // x in tenths of a pixel of a (rational) number of places.
  auto x = [xmax = xmax](const Rational& places) { return kLeft * 10 + (places * (kPlot * 10) / xmax).floor(); };
  int64_t n = static_cast<int64_t>(rows.size());
  int64_t axis_y = kTop + n * kRow + 4;
  int64_t height = axis_y + 26;

  std::ostringstream o;
  std::string title = "Verdeling " + places_word(c) + " " + v.province + " " + v.cycle;
  o << "<svg class=\"chart\" viewBox=\"0 0 " << kWidth << " " << height
    << "\" width=\"" << kWidth << "\" height=\"" << height << "\" role=\"img\" aria-label=\"" << html_escape(title)
    << "\">\n";
  o << "<title>" << html_escape(title) << "</title>\n";

  // Legend.
  o << "<g class=\"legend\" font-size=\"12\">"
    << "<rect x=\"" << kLeft << "\" y=\"10\" width=\"14\" height=\"12\" class=\"b-basis\"/>"
    << "<text x=\"" << kLeft + 20 << "\" y=\"20\">verslag en kansrijke initiatieven</text>"
    << "<rect x=\"" << kLeft + 230 << "\" y=\"10\" width=\"14\" height=\"12\" class=\"b-extra\"/>"
    << "<text x=\"" << kLeft + 250 << "\" y=\"20\">uit de restopgave</text>"
    << "<line x1=\"" << kLeft + 375 << "\" y1=\"8\" x2=\"" << kLeft + 375 << "\" y2=\"24\" class=\"ind\"/>"
    << "<text x=\"" << kLeft + 382 << "\" y=\"20\">indicatieve verdeling</text>";
  if (p)
    o << "<line x1=\"" << kLeft + 520 << "\" y1=\"16\" x2=\"" << kLeft + 545 << "\" y2=\"16\" class=\"pline\"/>"
      << "<text x=\"" << kLeft + 551 << "\" y=\"20\">p \xC3\x97 indicatief (p = " << html_escape(dutch_percent(*p))
      << ")</text>";
  o << "</g>\n";

  // Grid and axis.
  o << "<g class=\"grid\" font-size=\"11\">";
  for (int64_t t = 0; t <= xmax; t += step) {
    std::string gx = px(x(t));
    o << "<line x1=\"" << gx << "\" y1=\"" << kTop - 2 << "\" x2=\"" << gx << "\" y2=\"" << axis_y << "\"/>"
      << "<text x=\"" << gx << "\" y=\"" << axis_y + 16 << "\" text-anchor=\"middle\">" << dutch_number(t)
      << "</text>";
  }
  o << "</g>\n";

  // One bar per municipality.
  for (int64_t i = 0; i < n; ++i) {
    const GemeenteRow& g = *rows[static_cast<size_t>(i)];
    int64_t y = kTop + i * kRow;
    bool excluded = !g.excluded.at(c).empty();
    int64_t basis = get(g.basis, c), besluit = get(g.besluit, c), extra = get(g.extra, c), ind = get(g.indicatief, c);
    int64_t x0 = kLeft * 10, xb = x(basis), xe = x(besluit), xi = x(ind);
    std::string tip = g.naam + ": " + dutch_number(besluit) + " " + places_word(c) + " (waarvan " +
                      dutch_number(extra) + " uit de restopgave), indicatief " + dutch_number(ind);
    if (excluded) {
      tip += "; uitgesloten:";
      for (const auto& r : g.excluded.at(c)) tip += " " + reason(r) + ";";
      tip.pop_back();
    }
    o << "<g class=\"bar" << (excluded ? " excluded" : "") << "\" data-gemeente=\"" << html_escape(g.code)
      << "\"><a href=\"#uitleg-" << html_escape(g.code) << "\"><title>" << html_escape(tip) << "</title>"
      << "<text x=\"" << kLeft - 8 << "\" y=\"" << y + 13 << "\" text-anchor=\"end\" class=\"name\">"
      << html_escape(g.naam) << "</text>"
      << "<rect class=\"b-basis\" x=\"" << px(x0) << "\" y=\"" << y + 3 << "\" width=\"" << px(xb - x0)
      << "\" height=\"12\"/>";
    if (xe > xb)
      o << "<rect class=\"b-extra\" x=\"" << px(xb) << "\" y=\"" << y + 3 << "\" width=\"" << px(xe - xb)
        << "\" height=\"12\"/>";
    o << "</a></g>\n";
    o << "<line class=\"ind\" x1=\"" << px(xi) << "\" y1=\"" << y + 1 << "\" x2=\"" << px(xi) << "\" y2=\""
      << y + 17 << "\"/>";
    std::string label = dutch_number(besluit) + (extra ? " (+" + dutch_number(extra) + ")" : "");
    o << "<text class=\"num\" x=\"" << px(std::max(xe, xi) + 60) << "\" y=\"" << y + 13 << "\">"
      << html_escape(label) << "</text>\n";
  }

  // The equal percentage: p x indicative through every row.
  if (p && n > 0) {
    o << "<polyline class=\"pline\" points=\"";
    for (int64_t i = 0; i < n; ++i) {
      int64_t ind = get(rows[static_cast<size_t>(i)]->indicatief, c);
      o << (i ? " " : "") << px(x(*p * ind)) << "," << kTop + i * kRow + 9;
    }
    o << "\"/>\n";
  }
  o << "</svg>\n";
  return o.str();
}

}  // namespace verdeel::report
