#include <sstream>

#include "report/render.h"
#include "report/wording.h"
#include "util/utf8.h"

namespace verdeel::report {
namespace {

std::string pad_left(const std::string& s, size_t width) {
  size_t len = utf8::length(s);
  return len >= width ? s : std::string(width - len, ' ') + s;
}
std::string pad_right(const std::string& s, size_t width) {
  size_t len = utf8::length(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

std::string percent_text(const std::optional<Rational>& p) {
  if (!p) return "geen";
  return dutch_percent(*p) + " (exact " + p->to_string() + ")";
}

}  // namespace

std::string dutch_number(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string decision_table(const DecisionView& v) {
  std::ostringstream o;
  o << "Verdeelbesluit " << v.province << " " << v.cycle << "  (beleid " << v.policy << ", run " << v.run << ")\n\n";
  if (const std::string notice = superseded_notice(v); !notice.empty()) o << notice << "\n\n";
  o << "Provinciale opvangopgave: " << dutch_number(v.task.regulier) << " regulier, " << dutch_number(v.task.amv)
    << " amv\n";
  o << "Provinciaal verslag:      " << dutch_number(v.report.regulier) << " regulier, "
    << dutch_number(v.report.amv) << " amv\n";
  if (v.basis != v.report)
    o << "Met kansrijke initiatieven: " << dutch_number(v.basis.regulier) << " regulier, "
      << dutch_number(v.basis.amv) << " amv\n";
  o << "Restopgave:               " << dutch_number(v.remainder.regulier) << " regulier, "
    << dutch_number(v.remainder.amv) << " amv\n";
  if (v.remainder.regulier == 0 && v.remainder.amv == 0) {
    o << "Het verslag dekt de opgave: de verdeling is één op één overgenomen.\n";
  } else {
    o << "Percentage indicatieve verdeling: regulier " << percent_text(v.percentage.at("regulier")) << "; amv "
      << percent_text(v.percentage.at("amv")) << "\n";
    if (v.shortfall.regulier > 0 || v.shortfall.amv > 0)
      o << "TEKORT (niet te verdelen binnen de plafonds): " << dutch_number(v.shortfall.regulier) << " regulier, "
        << dutch_number(v.shortfall.amv) << " amv\n";
  }
  o << "\n" << all_municipalities_heading() << "\n";
  if (const std::string note = zero_places_note(v); !note.empty()) o << note << "\n";
  o << "\n";

  const std::vector<std::string> head = {"Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal"};
  std::vector<std::vector<std::string>> rows;
  bool any_extra = false;
  for (const auto& g : v.gemeenten) {
    std::string note = row_note(g);
    if (g.extra.regulier || g.extra.amv) any_extra = true;
    rows.push_back({g.naam, dutch_number(g.besluit.regulier), dutch_number(g.besluit.amv),
                    dutch_number(g.besluit.total()), note});
  }
  rows.push_back({"Totaal", dutch_number(v.besluit.regulier), dutch_number(v.besluit.amv),
                  dutch_number(v.besluit.total()), ""});
  std::vector<size_t> width(4);
  for (size_t c = 0; c < 4; ++c) {
    width[c] = utf8::length(head[c]);
    for (const auto& r : rows) width[c] = std::max(width[c], utf8::length(r[c]));
  }
  bool notes = v.remainder.regulier > 0 || v.remainder.amv > 0;
  auto line = [&](const std::vector<std::string>& r) {
    std::string s = pad_right(r[0], width[0]);
    for (size_t c = 1; c < 4; ++c) s += "  " + pad_left(r[c], width[c]);
    if (notes && r.size() > 4 && !r[4].empty()) s += "  " + r[4];
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  o << line(head);
  size_t total_width = width[0] + width[1] + width[2] + width[3] + 6;
  o << std::string(total_width, '-') << "\n";
  for (size_t i = 0; i + 1 < rows.size(); ++i) o << line(rows[i]);
  o << std::string(total_width, '-') << "\n";
  o << line(rows.back());
  if (notes && any_extra) o << "\n(+n: extra plaatsen uit de restopgave; uitgesloten gemeenten met reden)\n";
  o << "\nBesluitrecord: " << v.record_hash << " (record " << v.record_seq << ")\n";
  return o.str();
}

}  // namespace verdeel::report
