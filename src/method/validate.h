#pragma once
// Preconditions of decide() (METHOD.md, "Terms"): every referenced code exists,
// no duplicate codes, no negative numbers of places, a complete policy.
#include "method/case.h"

namespace verdeel::method {

// Throws std::invalid_argument with a message that names the offending row.
void validate(const ProvinceCase& c);

}  // namespace verdeel::method
