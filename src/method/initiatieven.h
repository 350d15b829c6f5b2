#pragma once
// Step 2: promising initiatives (Toelichting, stap 2; METHOD.md step 2).
#include <vector>

#include "method/decision.h"

namespace verdeel::method {

// Promising when at least one criterion of kansrijk_criteria() is present.
bool is_kansrijk(const Initiatief& i);

// Every initiative with its verdict, ordered by (gemeente, regulier, amv, criteria).
std::vector<InitiatiefOutcome> beoordeel_initiatieven(const std::vector<Initiatief>& initiatieven);

}  // namespace verdeel::method
