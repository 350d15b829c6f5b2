#include "report/besluit_dates.h"

#include <cctype>
#include <optional>

namespace verdeel::report {
namespace {

const char* const kMaanden[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                "juli",    "augustus", "september", "oktober", "november", "december"};
const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

bool digits(const std::string& s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

// "1 september 2014" (month 1-12 as in kMaanden).
std::string date(int day, int month, int year, Lang lang) {
  const char* name = (lang == Lang::nl ? kMaanden : kMonths)[month - 1];
  return std::to_string(day) + " " + name + " " + std::to_string(year);
}

// "tot en met" (up to and including).
std::string period(const std::string& from, const std::string& to, Lang lang) {
  return lang == Lang::nl ? from + " tot en met " + to : from + " to " + to + " inclusive";
}

}  // namespace

CycleDates cycle_dates(const std::string& cycle, Lang lang) {
  bool en = lang == Lang::en;
  CycleDates d;
  bool numeric = cycle.size() == 4 && digits(cycle);
  if (cycle == "2024") {
    d.opgave_bekendgemaakt = date(31, 1, 2024, lang);
    d.beleidsregel = "Stcrt. 2024, 21380";
  } else {
    d.opgave_bekendgemaakt = en ? "[date of publication of the provincial reception task]"
                                : "[datum bekendmaking provinciale opvangopgave]";
    d.beleidsregel = en ? "[where the Beleidsregel verdeelbesluiten was published]"
                        : "[vindplaats Beleidsregel verdeelbesluiten]";
  }
  if (numeric) {
    int y = std::stoi(cycle);
    d.volgende_raming = date(1, 2, y + 2, lang);
    d.historie = period(date(1, 9, y - 10, lang), date(1, 9, y, lang), lang);
    d.oekraine = period(date(1, 1, y - 1, lang), date(1, 9, y, lang), lang);
  } else {
    d.volgende_raming = en ? "[date of the next capacity estimate]" : "[datum volgende capaciteitsraming]";
    d.historie = en ? "[ten-year period]" : "[tienjaarsperiode]";
    d.oekraine = en ? "[period of the reception of Ukrainians]" : "[periode opvang Oekraïners]";
  }
  return d;
}

namespace {

// "20 december 2024" read as day, month (0-11) and year, the day as written; nullopt for any
// other form. Whether the month has that day is valid_dutch_date's question.
struct DutchDate {
  std::string day;
  int month = 0;
  std::string year;
};

std::optional<DutchDate> read_dutch_date(const std::string& date) {
  const auto a = date.find(' '), b = date.rfind(' ');
  if (a == std::string::npos || a == b) return std::nullopt;
  std::string day = date.substr(0, a), month = date.substr(a + 1, b - a - 1), year = date.substr(b + 1);
  if (!digits(day) || day.size() > 2 || !digits(year)) return std::nullopt;
  for (int m = 0; m < 12; ++m)
    if (month == kMaanden[m]) return DutchDate{std::move(day), m, std::move(year)};
  return std::nullopt;
}

}  // namespace

bool valid_dutch_date(const std::string& date) {
  const auto d = read_dutch_date(date);
  if (!d || d->day[0] == '0' || d->year.size() != 4) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int day = std::stoi(d->day), y = std::stoi(d->year);
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return day >= 1 && day <= kDays[d->month] + (d->month == 1 && leap ? 1 : 0);
}

std::string written_date(const std::string& date, Lang lang) {
  if (lang == Lang::nl) return date;
  const auto d = read_dutch_date(date);
  return d ? d->day + " " + kMonths[d->month] + " " + d->year : date;
}

}  // namespace verdeel::report
