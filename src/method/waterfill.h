#pragma once
// Step 4b: an equal percentage p of the indicative distribution, by water
// filling (Toelichting, stap 4b; METHOD.md step 4b).
#include <optional>
#include <string>
#include <vector>

#include "util/rational.h"

namespace verdeel::method {

struct WaterMember {
  std::string code;
  int64_t ind = 0;   // ind[i][c] >= 0
  int64_t attr = 0;  // attr[i][c] >= 0
  int64_t head = 0;  // head[i][c] = max(0, indTot - attrTot - extra already given) >= 0
};

struct WaterResult {
  std::optional<Rational> p;   // none in a shortfall
  int64_t shortfall = 0;       // rest - Σ reachable head; 0 unless p is none
  std::vector<Rational> exact; // e[i], parallel to the members
};

// e[i](p) = min(head, max(0, p*ind - attr)). With ind = 0 this is 0 for every p.
Rational share(const WaterMember& m, const Rational& p);

// The most member i can ever receive: head, or 0 when ind = 0.
int64_t reachable(const WaterMember& m);

// Smallest p >= 0 with Σ e[i](p) = rest, found exactly by bisecting the sorted
// breakpoints attr/ind and (attr+head)/ind. When Σ reachable < rest (an empty
// set included), every member gets what it can reach and p is none.
WaterResult waterfill(const std::vector<WaterMember>& members, int64_t rest);

}  // namespace verdeel::method
