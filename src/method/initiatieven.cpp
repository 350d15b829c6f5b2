#include "method/initiatieven.h"

#include <algorithm>
#include <tuple>

namespace verdeel::method {

// Toelichting, stap 2: "in ieder geval één van de volgende elementen"; METHOD.md step 2.
bool is_kansrijk(const Initiatief& i) {
  const auto& known = kansrijk_criteria();
  return std::any_of(i.criteria.begin(), i.criteria.end(), [&](const std::string& c) {
    return std::find(known.begin(), known.end(), c) != known.end();
  });
}

std::vector<InitiatiefOutcome> beoordeel_initiatieven(const std::vector<Initiatief>& initiatieven) {
  std::vector<InitiatiefOutcome> out;
  out.reserve(initiatieven.size());
  for (const auto& i : initiatieven) out.push_back({i, is_kansrijk(i)});
  std::sort(out.begin(), out.end(), [](const InitiatiefOutcome& a, const InitiatiefOutcome& b) {
    const auto& x = a.initiatief;
    const auto& y = b.initiatief;
    return std::tie(x.gemeente, x.plaatsen.regulier, x.plaatsen.amv, x.criteria) <
           std::tie(y.gemeente, y.plaatsen.regulier, y.plaatsen.amv, y.criteria);
  });
  return out;
}

}  // namespace verdeel::method
