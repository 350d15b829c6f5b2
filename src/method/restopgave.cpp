#include "method/restopgave.h"

#include <algorithm>

namespace verdeel::method {

// Toelichting, stap 3; METHOD.md step 3.
Restopgave bereken_restopgave(const PerCategory& opgave, const std::vector<Basis>& basis) {
  Restopgave r;
  r.opgave = opgave;
  for (const auto& b : basis)
    for (Category c : kCategories) r.basis_som[c] += b.basis[c];
  for (Category c : kCategories) r.rest[c] = std::max<int64_t>(0, opgave[c] - r.basis_som[c]);
  // METHOD.md step 3: adopted one to one, whether or not the base exceeds the task.
  r.one_to_one = r.rest.regulier == 0 && r.rest.amv == 0;
  return r;
}

}  // namespace verdeel::method
