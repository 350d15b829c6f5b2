#pragma once
// The chart of one category drawn as inline SVG (no script, no external
// reference): per municipality a bar of its decided places (the report and
// promising initiatives, then the extra from the remainder), a tick at its
// indicative number, and through all rows the line p x indicative of the equal
// percentage (Toelichting, stap 4b) when the category has one. Rows are sorted
// by indicative number, largest first, so that line is monotone.
//
// Coordinates are computed in whole tenths of a pixel with exact integer and
// rational arithmetic, so the output is byte-identical everywhere.
// Each municipality has exactly one <g class="bar" data-gemeente="CODE">,
// linking to "#uitleg-CODE".
#include <string>

#include "report/view.h"

namespace verdeel::report {

std::string category_chart_svg(const DecisionView& v, const std::string& categorie);

}  // namespace verdeel::report
