#pragma once
// The policy record of a decision (METHOD.md, "Policy record"). The defaults
// form the named policy `beleidsregel-2024`.
#include <string>
#include <vector>

#include "method/category.h"
#include "util/rational.h"

namespace verdeel::method {

enum class MeetsBasis { total, per_category };
enum class MinimumExclusion { smallest_first, all_at_once };

struct Policy {
  std::string name = "beleidsregel-2024";
  MeetsBasis meets_indicative_basis = MeetsBasis::total;
  Rational ukraine_factor = 2;
  int64_t minimum_places = 5;
  MinimumExclusion minimum_exclusion = MinimumExclusion::smallest_first;
  std::vector<Category> category_order = {Category::regulier, Category::amv};
  std::string rounding = "largest_remainder";
  std::vector<std::string> tie_break = {"indicative_desc", "code_asc"};
};

std::string_view name(MeetsBasis b);
std::string_view name(MinimumExclusion m);

}  // namespace verdeel::method
