#pragma once
// The dates a decision text names, per cycle. For 2024 they are those of the
// published Drenthe decision; for another cycle the periods follow from the
// cycle year (ten years of history, the next estimate two years on) and the
// dates that only the ministry can know are placeholders in brackets.
#include <string>

namespace verdeel::report {

struct CycleDates {
  std::string opgave_bekendgemaakt;  // "31 januari 2024"
  std::string beleidsregel;          // "Stcrt. 2024, 21380"
  std::string volgende_raming;       // "1 februari 2026"
  std::string historie;              // "1 september 2014 tot en met 1 september 2024"
  std::string oekraine;              // "1 januari 2023 tot en met 1 september 2024"
};

CycleDates cycle_dates(const std::string& cycle);

}  // namespace verdeel::report
