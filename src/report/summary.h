#pragma once
// A municipality's explanation in Dutch sentences, built from the step records
// of the run folded into the view: its inputs, the exclusions with their
// figures, its share of the remainder and the rounding (Toelichting, stap 1-4b).
// Embedded per municipality in the HTML report.
#include <string>
#include <vector>

#include "report/view.h"

namespace verdeel::report {

std::vector<std::string> gemeente_summary(const DecisionView& v, const GemeenteRow& g);

}  // namespace verdeel::report
