#pragma once
// Step 4a: attributed places, exchanges counted at the municipality they are
// realised for (Toelichting, stap 4a "Uitruil tussen gemeenten"; METHOD.md step 4a).
#include <vector>

#include "method/decision.h"

namespace verdeel::method {

// One row per basis row, in the same order (by code). Throws std::invalid_argument
// when a municipality realises more places of a category for others than its base.
std::vector<Toerekening> bereken_toerekening(const std::vector<Basis>& basis, const std::vector<Uitruil>& uitruil);

}  // namespace verdeel::method
