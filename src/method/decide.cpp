// Orchestrates the whole method (METHOD.md steps 1-4b and "The decision").
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "method/basis.h"
#include "method/decision.h"
#include "method/initiatieven.h"
#include "method/restopgave.h"
#include "method/toerekening.h"
#include "method/uitsluiting.h"
#include "method/validate.h"
#include "method/verdeling.h"

namespace verdeel::method {

Decision decide(const ProvinceCase& pc) {
  validate(pc);
  Decision d;
  d.cycle = pc.cycle;
  d.provincie = pc.provincie;
  d.policy = pc.policy;

  d.initiatieven = beoordeel_initiatieven(pc.initiatieven);  // step 2
  d.basis = bereken_basis(pc.gemeenten, d.initiatieven);     // steps 1-2
  d.restopgave = bereken_restopgave(pc.opgave, d.basis);     // step 3

  std::map<std::string, PerCategory> extra;
  std::map<std::string, std::map<Category, std::vector<std::string>>> excluded_rules;
  if (!d.restopgave.one_to_one) {
    d.toerekening = bereken_toerekening(d.basis, pc.uitruil);  // step 4a

    std::map<std::string, const Gemeente*> gemeente;
    for (const auto& g : pc.gemeenten) gemeente[g.code] = &g;

    for (Category c : pc.policy.category_order) {  // METHOD.md step 4b: categories in policy order
      int64_t rest = d.restopgave.rest[c];
      if (rest <= 0) continue;  // METHOD.md step 4a: only a category with rest > 0 has exclusions

      std::vector<Exclusion> excl = uitsluitingen(pc, d.toerekening, c);
      std::set<std::string> excluded;
      for (const auto& e : excl) excluded.insert(e.gemeente);

      std::vector<Kandidaat> kandidaten;
      for (const auto& t : d.toerekening)
        kandidaten.push_back({t.gemeente, gemeente.at(t.gemeente)->indicatief, t.attr, extra[t.gemeente].total()});

      CategorieUitkomst u = verdeel_categorie(c, rest, kandidaten, excluded, pc.policy);
      for (const auto& a : u.verdeling.aandelen) extra[a.gemeente][c] += a.rounded;
      excl.insert(excl.end(), u.below_minimum.begin(), u.below_minimum.end());
      std::stable_sort(excl.begin(), excl.end(), [](const Exclusion& a, const Exclusion& b) {
        return std::make_tuple(a.gemeente, rule_rank(a.rule), a.detail) <
               std::make_tuple(b.gemeente, rule_rank(b.rule), b.detail);
      });
      for (const auto& e : excl) {
        auto& rules = excluded_rules[e.gemeente][c];
        if (std::find(rules.begin(), rules.end(), e.rule) == rules.end()) rules.push_back(e.rule);
      }
      d.exclusions.insert(d.exclusions.end(), excl.begin(), excl.end());
      d.verdelingen.push_back(std::move(u.verdeling));
    }
  }

  // METHOD.md, "The decision": final = base + extra, listed where the places are realised.
  std::map<std::string, const Basis*> basis;
  for (const auto& b : d.basis) basis[b.gemeente] = &b;
  for (const auto& g : pc.gemeenten) {
    Uitkomst u;
    u.code = g.code;
    u.naam = g.naam;
    u.indicatief = g.indicatief;
    u.basis = basis.at(g.code)->basis;
    if (auto it = extra.find(g.code); it != extra.end()) u.extra = it->second;
    for (Category c : kCategories) u.besluit[c] = u.basis[c] + u.extra[c];
    if (auto it = excluded_rules.find(g.code); it != excluded_rules.end()) u.excluded = it->second;
    d.uitkomsten.push_back(std::move(u));
  }
  std::sort(d.uitkomsten.begin(), d.uitkomsten.end(), [](const Uitkomst& a, const Uitkomst& b) {
    return std::tie(a.naam, a.code) < std::tie(b.naam, b.code);
  });
  for (const auto& g : pc.gemeenten)
    for (Category c : kCategories) d.verslag_som[c] += g.verslag[c];
  for (const auto& u : d.uitkomsten)
    for (Category c : kCategories) d.besluit_som[c] += u.besluit[c];
  return d;
}

}  // namespace verdeel::method
