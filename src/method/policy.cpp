#include "method/policy.h"

namespace verdeel::method {

std::string_view name(MeetsBasis b) { return b == MeetsBasis::total ? "total" : "per_category"; }
std::string_view name(MinimumExclusion m) {
  return m == MinimumExclusion::smallest_first ? "smallest_first" : "all_at_once";
}

}  // namespace verdeel::method
