#include "report/besluit_dates.h"

#include <cctype>

namespace verdeel::report {

CycleDates cycle_dates(const std::string& cycle) {
  CycleDates d;
  bool numeric = cycle.size() == 4;
  for (char c : cycle) numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
  if (cycle == "2024") {
    d.opgave_bekendgemaakt = "31 januari 2024";
    d.beleidsregel = "Stcrt. 2024, 21380";
  } else {
    d.opgave_bekendgemaakt = "[datum bekendmaking provinciale opvangopgave]";
    d.beleidsregel = "[vindplaats Beleidsregel verdeelbesluiten]";
  }
  if (numeric) {
    int y = std::stoi(cycle);
    d.volgende_raming = "1 februari " + std::to_string(y + 2);
    d.historie = "1 september " + std::to_string(y - 10) + " tot en met 1 september " + cycle;
    d.oekraine = "1 januari " + std::to_string(y - 1) + " tot en met 1 september " + cycle;
  } else {
    d.volgende_raming = "[datum volgende capaciteitsraming]";
    d.historie = "[tienjaarsperiode]";
    d.oekraine = "[periode opvang Oekraïners]";
  }
  return d;
}

}  // namespace verdeel::report
