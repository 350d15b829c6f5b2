#pragma once
// Step 4b for one category: heads, water filling with the minimum, rounding
// (Toelichting, stap 4b; METHOD.md step 4b and "Rounding to whole places").
#include <map>
#include <set>
#include <vector>

#include "method/decision.h"

namespace verdeel::method {

struct Kandidaat {
  std::string code;
  PerCategory ind;
  PerCategory attr;
  int64_t extra_eerder = 0;  // extra already given to i in earlier categories
};

struct CategorieUitkomst {
  Verdeling verdeling;
  std::vector<Exclusion> below_minimum;  // by code
};

// head = max(0, indTot - attrTot - extra already given).
int64_t headroom(const Kandidaat& k);

// Distributes `rest` (> 0) of category c over the candidates not in `excluded`.
// Candidates are ordered by code.
CategorieUitkomst verdeel_categorie(Category c, int64_t rest, const std::vector<Kandidaat>& kandidaten,
                                    const std::set<std::string>& excluded, const Policy& policy);

}  // namespace verdeel::method
