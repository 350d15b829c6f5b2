#pragma once
// Renderers of a decision: one value (DecisionView), several formats.
#include <string>

#include "report/view.h"

namespace verdeel::report {

// INTERFACE.md "show --format json", exactly (pretty-printed, 2 spaces).
nlohmann::ordered_json decision_json(const DecisionView& v);
// The decision table in the form of the published Tabel 1, aligned, with
// Dutch thousands separators, the percentage and the exclusions.
std::string decision_table(const DecisionView& v);

// 3814 -> "3.814" (Dutch thousands separator; for tables people read only).
std::string dutch_number(int64_t n);

}  // namespace verdeel::report
