#include "method/toerekening.h"

#include <map>
#include <stdexcept>

namespace verdeel::method {

// METHOD.md step 4a: attr = base - Σ(by i for others) + Σ(for i by others).
std::vector<Toerekening> bereken_toerekening(const std::vector<Basis>& basis, const std::vector<Uitruil>& uitruil) {
  std::map<std::string, PerCategory> voor_anderen, door_anderen;
  for (const auto& u : uitruil) {
    voor_anderen[u.van][u.categorie] += u.plaatsen;
    door_anderen[u.voor][u.categorie] += u.plaatsen;
  }
  std::vector<Toerekening> out;
  out.reserve(basis.size());
  for (const auto& b : basis) {
    Toerekening t;
    t.gemeente = b.gemeente;
    t.basis = b.basis;
    if (auto it = voor_anderen.find(b.gemeente); it != voor_anderen.end()) t.voor_anderen = it->second;
    if (auto it = door_anderen.find(b.gemeente); it != door_anderen.end()) t.door_anderen = it->second;
    for (Category c : kCategories) {
      // The places realised for others are part of i's own report (METHOD.md, "Terms": rep is
      // listed at the municipality that realises them), so they cannot exceed its base.
      if (t.voor_anderen[c] > t.basis[c])
        throw std::invalid_argument("verdeel::method::decide: " + b.gemeente + " realises " +
                                    std::to_string(t.voor_anderen[c]) + " " + std::string(name(c)) +
                                    " places for others but its base is only " + std::to_string(t.basis[c]));
      t.attr[c] = t.basis[c] - t.voor_anderen[c] + t.door_anderen[c];
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace verdeel::method
