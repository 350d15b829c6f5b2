// `show --format markdown`: the key facts and Tabel 1.
#include <sstream>

#include "report/markdown_text.h"
#include "report/render.h"
#include "report/wording.h"

namespace verdeel::report {
namespace {

std::string pair(const PerCategory& p) {
  return dutch_number(p.regulier) + " regulier, " + dutch_number(p.amv) + " amv";
}

std::string percentage(const std::optional<Rational>& p) {
  return p ? dutch_percent(*p) + " (exact " + p->to_string() + ")" : "geen";
}

}  // namespace

std::string decision_markdown(const DecisionView& v) {
  std::ostringstream o;
  o << "# Verdeelbesluit " << md_escape(v.province) << " " << md_escape(v.cycle) << "\n\n";
  if (const std::string notice = superseded_notice(v); !notice.empty()) o << "> **" << md_escape(notice) << "**\n\n";
  o << "- Provinciale opvangopgave: " << pair(v.task) << "\n";
  o << "- Provinciaal verslag: " << pair(v.report) << "\n";
  if (v.basis != v.report) o << "- Met kansrijke initiatieven: " << pair(v.basis) << "\n";
  o << "- Restopgave: " << pair(v.remainder) << "\n";
  if (v.one_to_one()) {
    o << "- Het verslag dekt de opgave: de verdeling is één op één overgenomen.\n";
  } else {
    o << "- Percentage van de indicatieve verdeling: regulier " << percentage(v.percentage.at("regulier"))
      << "; amv " << percentage(v.percentage.at("amv")) << "\n";
    if (v.shortfall.regulier > 0 || v.shortfall.amv > 0)
      o << "- **Tekort** (niet te verdelen binnen de plafonds): " << pair(v.shortfall) << "\n";
    else
      o << "- Tekort: geen\n";
  }
  o << "- Beleid: " << md_escape(v.policy) << "; run " << v.run << "\n";

  o << "\n## " << all_municipalities_heading() << "\n\n";
  if (const std::string note = zero_places_note(v); !note.empty()) o << md_escape(note) << "\n\n";
  bool notes = !v.one_to_one();
  o << "| Gemeente | Reguliere opvangplaatsen | Amv-opvangplaatsen | Totaal |" << (notes ? " Toelichting |" : "")
    << "\n";
  o << "| --- | ---: | ---: | ---: |" << (notes ? " --- |" : "") << "\n";
  for (const auto& g : v.gemeenten) {
    o << "| " << md_escape(g.naam) << " | " << dutch_number(g.besluit.regulier) << " | "
      << dutch_number(g.besluit.amv) << " | " << dutch_number(g.besluit.total()) << " |";
    if (notes) {
      std::string note = row_note(g);
      o << " " << md_escape(note) << " |";
    }
    o << "\n";
  }
  o << "| **Totaal** | **" << dutch_number(v.besluit.regulier) << "** | **" << dutch_number(v.besluit.amv)
    << "** | **" << dutch_number(v.besluit.total()) << "** |" << (notes ? " |" : "") << "\n";

  o << "\nBesluitrecord " << v.record_seq << ": `" << v.record_hash << "`\n";
  if (v.ledger) {
    o << "\nGrootboek: " << v.ledger->size << " records";
    if (!v.ledger->root.empty()) o << ", Merkle-wortel `" << v.ledger->root << "`";
    o << ", laatste record `" << v.ledger->head_hash << "`\n";
  }
  return o.str();
}

}  // namespace verdeel::report
