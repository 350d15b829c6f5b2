#include "report/wording.h"

#include "report/render.h"

namespace verdeel::report {
namespace {

Rational figure(const ExclusionFact& e, const char* name) {
  auto it = e.figures.find(name);
  return it == e.figures.end() ? Rational(0) : it->second;
}

std::string fig(const ExclusionFact& e, const char* name) { return dutch_decimal(figure(e, name)); }

// "circa 2,48" when the decimal form rounds, else the number itself.
std::string about(const Rational& r) { return (shows_exactly(r) ? "" : "circa ") + dutch_decimal(r); }

}  // namespace

std::string dutch_decimal(const Rational& r, int decimals) {
  std::string s = r.to_decimal(decimals);  // "-1234.50"
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  std::string whole = s, frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    whole = s.substr(0, dot);
    frac = s.substr(dot + 1);
  }
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = dutch_number(std::stoll(whole));
  if (!frac.empty()) out += "," + frac;
  return (negative && out != "0" ? "-" : "") + out;
}

bool shows_exactly(const Rational& r, int decimals) {
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return (r * scale).is_integer();
}

std::string dutch_percent(const Rational& p) {
  std::string s = (p * 100).to_decimal(2);
  if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
  return s + "%";
}

std::string places_word(const std::string& categorie) {
  return categorie == "amv" ? "amv-opvangplaatsen" : "reguliere opvangplaatsen";
}

std::string category_label(const std::string& categorie) { return categorie == "amv" ? "amv" : "regulier"; }

std::string reason(const std::string& rule) {
  if (rule == "meets_indicative") return "voldoet aan indicatieve verdeling";
  if (rule == "history") return "historische bijdrage";
  if (rule == "ukraine") return "bijdrage opvang Oekraïners";
  if (rule == "exchange_full") return "volledige uitruil";
  if (rule == "exchange_group") return "uitruilgroep";
  if (rule == "below_minimum") return "minder dan minimum";
  return rule;
}

std::string reason_with_figures(const ExclusionFact& e) {
  const std::string& r = e.rule;
  if (r == "meets_indicative") {
    if (e.figures.count("attrTot"))
      return "realiseert (toegerekend) " + fig(e, "attrTot") + " opvangplaatsen, evenveel of meer dan de " +
             fig(e, "indTot") + " uit de indicatieve verdeling";
    return "realiseert (toegerekend) " + fig(e, "attr") + " " + places_word(e.categorie) +
           ", evenveel of meer dan de " + fig(e, "ind") + " uit de indicatieve verdeling";
  }
  if (r == "history")
    return "realiseerde de afgelopen tien jaar gemiddeld " + about(figure(e, "hist")) +
           " opvangplaatsen per jaar, meer dan de " + fig(e, "indTot") + " uit de indicatieve verdeling";
  if (r == "ukraine") {
    Rational limit = figure(e, "factor") * figure(e, "ukrFair");
    return "realiseerde " + fig(e, "ukr") + " opvangplaatsen voor Oekraïners, meer dan " +
           dutch_decimal(figure(e, "factor") * 100) + "% van het evenredige aantal " + about(figure(e, "ukrFair")) +
           " (grens " + about(limit) + ")";
  }
  if (r == "exchange_full")
    return "andere gemeenten realiseren " + fig(e, "doorAnderen") +
           " reguliere opvangplaatsen voor haar, ten minste de " + fig(e, "ind") + " uit de indicatieve verdeling";
  if (r == "exchange_group")
    return "de uitruilgroep realiseert samen " + fig(e, "groupAttr") +
           " reguliere opvangplaatsen, ten minste de " + fig(e, "groupInd") +
           " die de leden samen volgens de indicatieve verdeling realiseren";
  if (r == "below_minimum")
    return "zou " + about(figure(e, "e")) + " " + places_word(e.categorie) + " krijgen, minder dan het minimum van " +
           fig(e, "minimum") + " (ronde " + std::to_string(e.round) + ")";
  return r;
}

std::string row_note(const GemeenteRow& g) {
  std::string note;
  if (g.extra.regulier) note = "+" + dutch_number(g.extra.regulier) + " regulier";
  if (g.extra.amv) note += (note.empty() ? "+" : ", +") + dutch_number(g.extra.amv) + " amv";
  auto rules = [](const std::vector<std::string>& rs) {
    std::string out;
    for (const auto& r : rs) out += (out.empty() ? "" : ", ") + reason(r);
    return out;
  };
  const auto& reg = g.excluded.at("regulier");
  const auto& amv = g.excluded.at("amv");
  auto add = [&](const std::string& what, const std::vector<std::string>& rs) {
    if (!rs.empty()) note += (note.empty() ? "" : "; ") + std::string("uitgesloten ") + what + ": " + rules(rs);
  };
  if (!reg.empty() && reg == amv) {
    add("regulier en amv", reg);
  } else {
    add("regulier", reg);
    add("amv", amv);
  }
  return note;
}

std::string all_municipalities_heading() { return "Verdeling asielopvangplaatsen over alle gemeenten"; }

std::string zero_places_note(const DecisionView& v) {
  size_t zero = 0;
  for (const auto& g : v.gemeenten) zero += g.besluit.total() == 0 ? 1 : 0;
  if (zero == 0) return "";
  return (zero == 1 ? std::string("1 gemeente krijgt") : std::to_string(zero) + " gemeenten krijgen") +
         " 0 plaatsen; Tabel 1 van het besluit noemt alleen de gemeenten met plaatsen.";
}

}  // namespace verdeel::report
