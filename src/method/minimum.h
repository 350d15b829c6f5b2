#pragma once
// Step 4b: the five-place minimum (Toelichting, stap 4b "minder dan 5
// opvangplaatsen"; METHOD.md step 4b, "Minimum").
#include <vector>

#include "method/policy.h"
#include "method/waterfill.h"

namespace verdeel::method {

struct Removal {
  std::string code;
  Rational exact;  // e[i](p) in the round it was removed
  int round = 0;   // 1 for the first round
};

struct MinimumResult {
  std::vector<WaterMember> participants;  // final S, in the order given
  WaterResult result;                     // of the final round, parallel to participants
  std::vector<Removal> removed;           // in removal order, then in the order given
  int rounds = 0;                         // how many times the water filling ran
};

// Runs water filling on `eligible`; while some member would receive
// 0 < e < minimum, removes (smallest_first) all tied at the smallest such value,
// or (all_at_once) every such member, and runs again. Removed members never return.
MinimumResult verdeel_met_minimum(std::vector<WaterMember> eligible, int64_t rest, int64_t minimum,
                                  MinimumExclusion policy);

}  // namespace verdeel::method
