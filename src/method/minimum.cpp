#include "method/minimum.h"

namespace verdeel::method {

// METHOD.md step 4b, "Minimum"; Toelichting, stap 4b: such places "worden verdeeld over
// de andere gemeenten die wel in aanmerking komen".
MinimumResult verdeel_met_minimum(std::vector<WaterMember> eligible, int64_t rest, int64_t minimum,
                                  MinimumExclusion policy) {
  MinimumResult out;
  out.participants = std::move(eligible);
  const Rational zero = 0, min_places = minimum;
  while (true) {
    ++out.rounds;
    out.result = waterfill(out.participants, rest);
    const auto& e = out.result.exact;
    std::optional<Rational> smallest;
    for (const auto& x : e)
      if (zero < x && x < min_places && (!smallest || x < *smallest)) smallest = x;
    if (!smallest) return out;
    std::vector<WaterMember> keep;
    for (size_t k = 0; k < out.participants.size(); ++k) {
      bool below = zero < e[k] && e[k] < min_places;
      bool remove = policy == MinimumExclusion::all_at_once ? below : (below && e[k] == *smallest);
      if (remove)
        out.removed.push_back({out.participants[k].code, e[k], out.rounds});
      else
        keep.push_back(out.participants[k]);
    }
    out.participants = std::move(keep);
  }
}

}  // namespace verdeel::method
