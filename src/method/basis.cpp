#include "method/basis.h"

#include <map>

namespace verdeel::method {

std::vector<Basis> bereken_basis(const std::vector<Gemeente>& gemeenten,
                                 const std::vector<InitiatiefOutcome>& initiatieven) {
  std::map<std::string, Basis> by_code;
  for (const auto& g : gemeenten) {
    Basis b;
    b.gemeente = g.code;
    b.verslag = g.verslag;  // Toelichting, stap 1; METHOD.md step 1: base = rep
    by_code[g.code] = b;
  }
  for (const auto& o : initiatieven) {
    if (!o.kansrijk) continue;  // Toelichting, stap 2: only promising initiatives add places
    auto it = by_code.find(o.initiatief.gemeente);
    if (it == by_code.end()) continue;  // ruled out by validate()
    for (Category c : kCategories) it->second.initiatieven[c] += o.initiatief.plaatsen[c];
  }
  std::vector<Basis> out;
  out.reserve(by_code.size());
  for (auto& [code, b] : by_code) {
    for (Category c : kCategories) b.basis[c] = b.verslag[c] + b.initiatieven[c];
    out.push_back(b);
  }
  return out;
}

}  // namespace verdeel::method
