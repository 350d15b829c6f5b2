// `show --format csv`: Tabel 1 for spreadsheets.
#include <sstream>

#include "report/render.h"
#include "report/wording.h"

namespace verdeel::report {
namespace {

// RFC 4180: a field holding the separator, a quote or a line break is quoted,
// with quotes doubled.
std::string field(const std::string& s, char sep) {
  if (s.find_first_of(std::string(1, sep) + "\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string reasons(const std::vector<std::string>& rules) {
  std::string out;
  for (const auto& r : rules) out += (out.empty() ? "" : ", ") + reason(r);
  return out;
}

}  // namespace

std::string decision_csv(const DecisionView& v, char sep) {
  std::ostringstream o;
  auto row = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) o << (i ? std::string(1, sep) : "") << field(fields[i], sep);
    o << "\n";
  };
  row({"Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal", "CBS-code", "Indicatief regulier",
       "Indicatief amv", "Verslag en kansrijk regulier", "Verslag en kansrijk amv", "Extra regulier", "Extra amv",
       "Uitgesloten regulier", "Uitgesloten amv"});
  auto n = [](int64_t x) { return std::to_string(x); };
  for (const auto& g : v.gemeenten)
    row({g.naam, n(g.besluit.regulier), n(g.besluit.amv), n(g.besluit.total()), g.code, n(g.indicatief.regulier),
         n(g.indicatief.amv), n(g.basis.regulier), n(g.basis.amv), n(g.extra.regulier), n(g.extra.amv),
         reasons(g.excluded.at("regulier")), reasons(g.excluded.at("amv"))});
  return o.str();
}

}  // namespace verdeel::report
