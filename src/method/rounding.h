#pragma once
// Rounding to whole places by largest remainder (Hamilton) (METHOD.md,
// "Rounding to whole places"; policy rounding = largest_remainder,
// tie_break = [indicative_desc, code_asc]).
#include <string>
#include <vector>

#include "util/rational.h"

namespace verdeel::method {

struct RoundItem {
  std::string code;
  int64_t ind = 0;  // ind[i][c], the first tie-break (larger first)
  Rational exact;   // e[i] >= 0
};

struct Rounded {
  int64_t floor = 0;
  int64_t rounded = 0;
  bool extra_unit = false;
};

// floor(e[i]) each, then the target - Σ floor leftover units one each to the largest
// fractional parts; ties by larger ind, then smaller code. Parallel to `items`.
// Throws std::logic_error when the target cannot be reached that way.
std::vector<Rounded> rond_af(const std::vector<RoundItem>& items, int64_t target);

}  // namespace verdeel::method
