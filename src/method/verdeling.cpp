#include "method/verdeling.h"

#include <algorithm>

#include "method/minimum.h"
#include "method/rounding.h"

namespace verdeel::method {

// METHOD.md step 4b: the cap is on the total, less what earlier categories added.
int64_t headroom(const Kandidaat& k) {
  return std::max<int64_t>(0, k.ind.total() - k.attr.total() - k.extra_eerder);
}

CategorieUitkomst verdeel_categorie(Category c, int64_t rest, const std::vector<Kandidaat>& kandidaten,
                                    const std::set<std::string>& excluded, const Policy& policy) {
  CategorieUitkomst out;
  Verdeling& v = out.verdeling;
  v.categorie = c;
  v.rest = rest;

  std::map<std::string, const Kandidaat*> by_code;
  std::vector<WaterMember> eligible;
  for (const auto& k : kandidaten) {
    by_code[k.code] = &k;
    if (excluded.count(k.code)) continue;  // Toelichting, stap 4a
    v.eligible.push_back(k.code);
    eligible.push_back({k.code, k.ind[c], k.attr[c], headroom(k)});
  }

  // Toelichting, stap 4b; METHOD.md step 4b (water filling and the minimum).
  MinimumResult m = verdeel_met_minimum(std::move(eligible), rest, policy.minimum_places, policy.minimum_exclusion);
  v.rounds = m.rounds;
  v.p = m.result.p;
  for (const auto& r : m.removed) {
    Exclusion e;
    e.gemeente = r.code;
    e.categorie = c;
    e.rule = "below_minimum";
    e.figures = {{"e", r.exact}, {"minimum", policy.minimum_places}};
    e.round = r.round;
    out.below_minimum.push_back(std::move(e));
  }
  std::sort(out.below_minimum.begin(), out.below_minimum.end(),
            [](const Exclusion& a, const Exclusion& b) { return a.gemeente < b.gemeente; });

  // METHOD.md, "Rounding to whole places": target is rest, or Σ head in a shortfall.
  std::vector<RoundItem> items;
  int64_t target = rest - m.result.shortfall;
  for (size_t k = 0; k < m.participants.size(); ++k)
    items.push_back({m.participants[k].code, m.participants[k].ind, m.result.exact[k]});
  std::vector<Rounded> rounded = rond_af(items, target);

  for (size_t k = 0; k < m.participants.size(); ++k) {
    const WaterMember& w = m.participants[k];
    v.participants.push_back(w.code);
    Aandeel a;
    a.gemeente = w.code;
    a.ind = by_code.at(w.code)->ind;
    a.attr = w.attr;
    a.head = w.head;
    a.exact = m.result.exact[k];
    if (v.p) {
      Rational want = *v.p * Rational(w.ind) - Rational(w.attr);
      a.capped = want > Rational(0) && want >= Rational(w.head);
    } else {
      a.capped = w.ind > 0;  // shortfall: everyone who can take places is at its cap
    }
    a.floor = rounded[k].floor;
    a.rounded = rounded[k].rounded;
    a.extra_unit = rounded[k].extra_unit;
    v.placed += a.rounded;
    v.aandelen.push_back(std::move(a));
  }
  v.shortfall = rest - v.placed;
  return out;
}

}  // namespace verdeel::method
