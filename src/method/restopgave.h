#pragma once
// Step 3: the remainder per category (Toelichting, stap 3; METHOD.md step 3).
#include <vector>

#include "method/decision.h"

namespace verdeel::method {

// rest[c] = max(0, T[c] - Σ base[i][c]); one_to_one when rest is 0 in both categories.
Restopgave bereken_restopgave(const PerCategory& opgave, const std::vector<Basis>& basis);

}  // namespace verdeel::method
