#pragma once
// Steps 1-2: base[i][c] = rep[i][c] + promising initiatives (METHOD.md steps 1 and 2).
#include <vector>

#include "method/decision.h"

namespace verdeel::method {

// One row per municipality, ordered by code.
std::vector<Basis> bereken_basis(const std::vector<Gemeente>& gemeenten,
                                 const std::vector<InitiatiefOutcome>& initiatieven);

}  // namespace verdeel::method
