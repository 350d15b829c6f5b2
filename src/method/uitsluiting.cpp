#include "method/uitsluiting.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace verdeel::method {

// Toelichting, stap 4a "Realisatie aantal opvangplaatsen indicatieve verdeling"; METHOD.md step 4a.
std::optional<Figures> rule_meets_indicative(MeetsBasis basis, Category c, const PerCategory& attr,
                                             const PerCategory& ind) {
  if (basis == MeetsBasis::total) {
    if (attr.total() >= ind.total()) return Figures{{"attrTot", attr.total()}, {"indTot", ind.total()}};
    return std::nullopt;
  }
  if (attr[c] >= ind[c]) return Figures{{"attr", attr[c]}, {"ind", ind[c]}};
  return std::nullopt;
}

// Toelichting, stap 4a "Uitzonderlijke historische bijdrage" ("hoger dan"); METHOD.md step 4a.
std::optional<Figures> rule_history(const std::optional<Rational>& hist, int64_t ind_tot) {
  if (hist && *hist > Rational(ind_tot)) return Figures{{"hist", *hist}, {"indTot", ind_tot}};
  return std::nullopt;
}

// Toelichting, stap 4a: Ukraine contribution "groter dan 200%"; METHOD.md step 4a.
std::optional<Figures> rule_ukraine(const std::optional<Oekraine>& ukr, const Rational& factor) {
  if (ukr && ukr->plaatsen > factor * ukr->evenredig)
    return Figures{{"ukr", ukr->plaatsen}, {"factor", factor}, {"ukrFair", ukr->evenredig}};
  return std::nullopt;
}

// Toelichting, stap 4a "Uitruil tussen gemeenten", first paragraph; METHOD.md step 4a.
std::optional<Figures> rule_exchange_full(Category c, int64_t door_anderen, int64_t ind_regulier) {
  if (c != Category::regulier) return std::nullopt;
  if (door_anderen >= 1 && door_anderen >= ind_regulier)
    return Figures{{"doorAnderen", door_anderen}, {"ind", ind_regulier}};
  return std::nullopt;
}

// Toelichting, stap 4a "Uitruil tussen gemeenten", second paragraph; METHOD.md step 4a.
std::optional<Figures> rule_exchange_group(Category c, int64_t group_attr, int64_t group_ind) {
  if (c != Category::regulier) return std::nullopt;
  if (group_attr >= group_ind) return Figures{{"groupAttr", group_attr}, {"groupInd", group_ind}};
  return std::nullopt;
}

int rule_rank(const std::string& rule) {
  static const std::array<const char*, 6> order = {"meets_indicative", "history",        "ukraine",
                                                   "exchange_full",    "exchange_group", "below_minimum"};
  for (size_t k = 0; k < order.size(); ++k)
    if (rule == order[k]) return static_cast<int>(k);
  return static_cast<int>(order.size());
}

std::vector<Exclusion> uitsluitingen(const ProvinceCase& pc, const std::vector<Toerekening>& toerekening, Category c) {
  std::map<std::string, const Gemeente*> gemeente;
  for (const auto& g : pc.gemeenten) gemeente[g.code] = &g;
  std::map<std::string, const Toerekening*> attr;
  for (const auto& t : toerekening) attr[t.gemeente] = &t;

  std::vector<Exclusion> out;
  auto add = [&](const std::string& code, const char* rule, Figures f, std::string detail = {}) {
    Exclusion e;
    e.gemeente = code;
    e.categorie = c;
    e.rule = rule;
    e.figures = std::move(f);
    e.detail = std::move(detail);
    out.push_back(std::move(e));
  };

  for (const auto& t : toerekening) {
    const Gemeente& g = *gemeente.at(t.gemeente);
    if (auto f = rule_meets_indicative(pc.policy.meets_indicative_basis, c, t.attr, g.indicatief))
      add(t.gemeente, "meets_indicative", *f);
    std::optional<Rational> hist;
    if (auto it = pc.historie.find(t.gemeente); it != pc.historie.end()) hist = it->second;
    if (auto f = rule_history(hist, g.indicatief.total())) add(t.gemeente, "history", *f);
    std::optional<Oekraine> ukr;
    if (auto it = pc.oekraine.find(t.gemeente); it != pc.oekraine.end()) ukr = it->second;
    if (auto f = rule_ukraine(ukr, pc.policy.ukraine_factor)) add(t.gemeente, "ukraine", *f);
    if (auto f = rule_exchange_full(c, t.door_anderen[Category::regulier], g.indicatief[Category::regulier]))
      add(t.gemeente, "exchange_full", *f);
  }

  // Groups: members deduplicated; identical groups (same name and members) count once.
  std::set<std::pair<std::string, std::set<std::string>>> groups;
  for (const auto& gr : pc.groepen) groups.insert({gr.naam, std::set<std::string>(gr.leden.begin(), gr.leden.end())});
  for (const auto& [naam, leden] : groups) {
    if (leden.empty()) continue;
    int64_t group_attr = 0, group_ind = 0;
    for (const auto& lid : leden) {
      group_attr += attr.at(lid)->attr[Category::regulier];
      group_ind += gemeente.at(lid)->indicatief[Category::regulier];
    }
    if (auto f = rule_exchange_group(c, group_attr, group_ind))
      for (const auto& lid : leden) add(lid, "exchange_group", *f, naam);
  }

  std::stable_sort(out.begin(), out.end(), [](const Exclusion& a, const Exclusion& b) {
    return std::make_tuple(a.gemeente, rule_rank(a.rule), a.detail) <
           std::make_tuple(b.gemeente, rule_rank(b.rule), b.detail);
  });
  return out;
}

}  // namespace verdeel::method
