#pragma once
// The dates a decision text names, per cycle. For 2024 they are those of the
// published Drenthe decision; for another cycle the periods follow from the
// cycle year (ten years of history, the next estimate two years on) and the
// dates that only the ministry can know are placeholders in brackets. In
// English (`besluit --lang en`) the same dates as an English reader writes
// them: "31 January 2024", "1 September 2014 to 1 September 2024 inclusive".
#include <string>

#include "report/exact_text.h"

namespace verdeel::report {

struct CycleDates {
  std::string opgave_bekendgemaakt;  // "31 januari 2024"
  std::string beleidsregel;          // "Stcrt. 2024, 21380"
  std::string volgende_raming;       // "1 februari 2026"
  std::string historie;              // "1 september 2014 tot en met 1 september 2024"
  std::string oekraine;              // "1 januari 2023 tot en met 1 september 2024"
};

CycleDates cycle_dates(const std::string& cycle, Lang lang = Lang::nl);

// True for a date as a decision is dated: "20 december 2024", a day that the month has (29
// februari only in a leap year), the Dutch month in lower case, a year of four digits. The date
// of a decision starts its objection period, so `besluit --date` takes nothing else.
bool valid_dutch_date(const std::string& date);

// A date as the user wrote it (`besluit --date`) in the document's language:
// in English a Dutch date "20 december 2024" becomes "20 December 2024"; any
// other text, and every text in Dutch, is kept as written.
std::string written_date(const std::string& date, Lang lang);

}  // namespace verdeel::report
