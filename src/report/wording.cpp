#include "report/wording.h"

#include "report/dutch_terms.h"
#include "report/render.h"

namespace verdeel::report {
namespace {

Rational figure(const ExclusionFact& e, const char* name) {
  auto it = e.figures.find(name);
  return it == e.figures.end() ? Rational(0) : it->second;
}

std::string fig(const ExclusionFact& e, const char* name, Lang lang) {
  return number_marks(dutch_decimal(figure(e, name)), lang);
}

std::string say(Lang lang, const char* nl, const char* en) { return lang == Lang::nl ? nl : en; }

// r rounded to `decimals` decimals with Dutch marks ("1.234,50"); the trailing
// zeros of the decimals dropped ("1.234,5") unless `keep_zeros`.
std::string dutch_digits(const Rational& r, int decimals, bool keep_zeros) {
  std::string s = r.to_decimal(decimals);  // "-1234.50"
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  std::string whole = s, frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    whole = s.substr(0, dot);
    frac = s.substr(dot + 1);
  }
  if (!keep_zeros)
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = dutch_number(std::stoll(whole));
  if (!frac.empty()) out += "," + frac;
  bool zero = out.find_first_not_of("0,") == std::string::npos;
  return (negative && !zero ? "-" : "") + out;
}

}  // namespace

// A rounded figure keeps its two decimals ("circa 2,70", not "circa 2,7"
// beside "circa 2,48"): the rule of the other rounded figure of section 3,
// the percentage ("72,46%", dutch_percent). The published text
// (../shared/reference/verdeelbesluit-drenthe-2024.txt) has no rounded
// figure to follow: its numbers are whole ("2.462", "200%").
std::string about(const Rational& r, Lang lang) {
  if (shows_exactly(r)) return number_marks(dutch_decimal(r), lang);
  return say(lang, "circa ", "about ") + number_marks(dutch_digits(r, 2, true), lang);
}

std::string number_marks(std::string dutch, Lang lang) {
  if (lang == Lang::nl) return dutch;
  for (auto& c : dutch) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return dutch;
}

std::string dutch_decimal(const Rational& r, int decimals) { return dutch_digits(r, decimals, false); }

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

std::string places_word(const std::string& categorie, Lang lang) {
  if (lang == Lang::en) return categorie == "amv" ? "amv reception places" : "regular reception places";
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

// The English (besluit --lang en) beside the Dutch, figure for figure.
std::string reason_with_figures(const ExclusionFact& e, Lang lang) {
  const std::string& r = e.rule;
  auto f = [&](const char* name) { return fig(e, name, lang); };
  auto s = [&](const char* nl, const char* en) { return say(lang, nl, en); };
  if (r == "meets_indicative") {
    if (e.figures.count("attrTot"))
      return s("realiseert (toegerekend) ", "provides (as attributed) ") + f("attrTot") +
             s(" opvangplaatsen, evenveel of meer dan de ", " reception places, at least the ") +
             f("indTot") + s(" uit de indicatieve verdeling", " of its indicative distribution");
    return s("realiseert (toegerekend) ", "provides (as attributed) ") + f("attr") + " " +
           places_word(e.categorie, lang) + s(", evenveel of meer dan de ", ", at least the ") +
           f("ind") + s(" uit de indicatieve verdeling", " of its indicative distribution");
  }
  if (r == "history")
    return s("realiseerde de afgelopen tien jaar gemiddeld ", "provided on average ") + about(figure(e, "hist"), lang) +
           s(" opvangplaatsen per jaar, meer dan de ", " reception places a year over the past ten years, more than the ") +
           f("indTot") + s(" uit de indicatieve verdeling", " of its indicative distribution");
  if (r == "ukraine") {
    Rational limit = figure(e, "factor") * figure(e, "ukrFair");
    return s("realiseerde ", "provided ") + f("ukr") +
           s(" opvangplaatsen voor Oekraïners, meer dan ", " reception places for Ukrainians, more than ") +
           number_marks(dutch_decimal(figure(e, "factor") * 100), lang) +
           s("% van het evenredige aantal ", "% of the proportionate number of ") + about(figure(e, "ukrFair"), lang) +
           s(" (grens ", " (limit ") + about(limit, lang) + ")";
  }
  if (r == "exchange_full")
    return s("andere gemeenten realiseren ", "other municipalities provide ") + f("doorAnderen") +
           s(" reguliere opvangplaatsen voor haar, ten minste de ", " regular reception places for it, at least the ") +
           f("ind") + s(" uit de indicatieve verdeling", " of its indicative distribution");
  if (r == "exchange_group")
    return (lang == Lang::nl ? std::string("de uitruilgroep realiseert samen ")
                             : "the exchange group (" + dutch_term("uitruilgroep") + ") together provides ") +
           f("groupAttr") + s(" reguliere opvangplaatsen, ten minste de ", " regular reception places, at least the ") +
           f("groupInd") +
           s(" die de leden samen volgens de indicatieve verdeling zouden moeten realiseren",
             " that its members together should provide under the indicative distribution");
  if (r == "below_minimum")
    return s("zou ", "would receive ") + about(figure(e, "e"), lang) + " " + places_word(e.categorie, lang) +
           s(" krijgen, minder dan het minimum van ", ", fewer than the minimum of ") + f("minimum") +
           s(" (ronde ", " (round ") + std::to_string(e.round) + ")";
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

std::string superseded_notice(const DecisionView& v, Lang lang) {
  if (v.later_runs.empty() && v.newer_inputs) {
    const std::string n = std::to_string(v.run), seq = std::to_string(v.newer_inputs->seq),
                      set = v.newer_inputs->input_set.substr(0, 12);
    if (v.newer_inputs->withdrawn)
      return lang == Lang::nl
                 ? "LET OP: na berekening " + n + " is alle invoer van deze provincie ingetrokken (input set " + set +
                       ", record " + seq + "); deze berekening geldt voor geen vastgelegde invoer meer."
                 : "NOTE: after run " + n + " every input of this province was withdrawn (input set " + set +
                       ", record " + seq + "); this run no longer stands for any recorded input.";
    return lang == Lang::nl
               ? "LET OP: na berekening " + n + " is de invoer gecorrigeerd (input set " + set + ", record " + seq +
                     "); deze berekening is niet gemaakt op de invoer zoals die nu is vastgelegd. Bereken opnieuw "
                     "(verdeel decide)."
               : "NOTE: the inputs were corrected after run " + n + " (input set " + set + ", record " + seq +
                     "); this run was not made on the inputs as they are now recorded. Decide again (verdeel decide).";
  }
  if (v.later_runs.empty()) return "";
  const LaterRunFact& last = v.later_runs.back();
  const std::string n = std::to_string(v.run), m = std::to_string(last.run), a = std::to_string(last.start),
                    b = std::to_string(last.end);
  return lang == Lang::nl
             ? "LET OP: dit is berekening " + n + ", vervangen door berekening " + m + " (records " + a +
                 " tot en met " + b + "); het is niet het besluit zoals het nu geldt."
             : "NOTE: this is run " + n + ", superseded by run " + m + " (records " + a + " to " + b +
                 " inclusive); it is not the decision in force.";
}

}  // namespace verdeel::report
