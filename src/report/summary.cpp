#include "report/summary.h"

#include "report/render.h"
#include "report/wording.h"

namespace verdeel::report {
namespace {

std::string pair(const PerCategory& p) {
  return dutch_number(p.regulier) + " regulier en " + dutch_number(p.amv) + " amv";
}

std::string criteria_text(const std::vector<std::string>& criteria) {
  std::string out;
  for (const auto& c : criteria) {
    std::string w = c == "besluitvorming"        ? "lokale besluitvorming afgerond"
                    : c == "locatie_voor_raming" ? "locatie beschikbaar voor de volgende raming"
                    : c == "verlenging"          ? "zicht op verlenging"
                    : c == "toezegging"          ? "duidelijke toezegging"
                                                 : c;
    out += (out.empty() ? "" : ", ") + w;
  }
  return out;
}

// Stap 4a/4b for one category.
std::string category_sentence(const DecisionView& v, const GemeenteRow& g, const std::string& c) {
  std::string head = category_label(c) == "amv" ? "Amv: " : "Regulier: ";
  int64_t rest = c == "amv" ? v.remainder.amv : v.remainder.regulier;
  if (rest == 0) return head + "geen restopgave, dus geen extra plaatsen.";
  std::string out;
  for (const auto& e : g.exclusions)
    if (e.categorie == c) out += (out.empty() ? "" : "; ") + reason_with_figures(e);
  if (!out.empty()) return head + "niet meegenomen bij de verdeling van de restopgave: " + out + ".";
  auto it = g.shares.find(c);
  if (it == g.shares.end()) return head + "krijgt geen extra plaatsen uit de restopgave.";
  const ShareFact& s = it->second;
  const auto& p = v.percentage.at(c);
  std::string text = head + "neemt deel aan de verdeling van de restopgave";
  if (p) text += " (iedere deelnemer op " + dutch_percent(*p) + " van de indicatieve verdeling)";
  text += ": aandeel exact " + s.exact.to_string();
  if (!s.exact.is_integer()) text += " (" + about(s.exact) + ")";
  text += ", ruimte tot het plafond " + dutch_number(s.head);
  if (s.capped) text += " (plafond bereikt)";
  text += "; afgerond " + dutch_number(s.rounded);
  if (s.extra_unit) text += " (een plaats extra op de grootste restwaarde)";
  return text + ".";
}

}  // namespace

std::vector<std::string> gemeente_summary(const DecisionView& v, const GemeenteRow& g) {
  std::vector<std::string> out;
  out.push_back("Indicatieve verdeling: " + pair(g.indicatief) + " (totaal " + dutch_number(g.indicatief.total()) +
                ").");
  out.push_back("Provinciaal verslag (stap 1): " + pair(g.verslag) + ".");
  for (const auto& in : v.initiatives) {
    if (in.code != g.code) continue;
    if (in.kansrijk)
      out.push_back("Kansrijk initiatief (stap 2): " + pair(in.plaatsen) + " toegevoegd (" +
                    criteria_text(in.criteria) + ").");
    else
      out.push_back("Initiatief zonder criterium (stap 2): " + pair(in.plaatsen) + ", niet kansrijk, niet toegevoegd.");
  }
  if (g.voor_anderen.total() || g.door_anderen.total())
    out.push_back("Uitruil: realiseert " + pair(g.voor_anderen) + " voor andere gemeenten; andere gemeenten realiseren " +
                  pair(g.door_anderen) + " voor haar. Toegerekend (stap 4a): " + pair(g.attr) + ".");
  if (v.one_to_one()) {
    out.push_back("De verdeling uit het verslag is sluitend en één op één overgenomen (stap 3).");
  } else {
    for (const auto& c : v.category_order) out.push_back(category_sentence(v, g, c));
  }
  out.push_back("Besluit: " + pair(g.besluit) + ", totaal " + dutch_number(g.besluit.total()) + " (record " +
                std::to_string(g.seq) + ").");
  return out;
}

}  // namespace verdeel::report
