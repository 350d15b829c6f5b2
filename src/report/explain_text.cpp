// The explanation as text, in Dutch (default) or English. One statement per
// line, each ending in [seq hash12 ... | rule], so every figure names the
// record it comes from and the rule that applies.
#include <sstream>

#include "report/explain.h"

namespace verdeel::report {
namespace {

struct Say {
  Lang lang;
  const char* operator()(const char* nl, const char* en) const { return lang == Lang::nl ? nl : en; }
};

std::string num(const Json& v, Lang lang) {
  if (v.is_null()) return "-";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  try {
    return exact_text(rational_from_json(v), lang);
  } catch (const std::exception&) {
    return v.dump();
  }
}

std::string join(const Json& arr, const std::string& sep) {
  std::string out;
  for (const auto& x : arr) out += (out.empty() ? "" : sep) + (x.is_string() ? x.get<std::string>() : x.dump());
  return out;
}

std::string rule_name(const std::string& rule, Lang lang) {
  Say s{lang};
  if (rule == "meets_indicative") return s("realisatie indicatieve verdeling (meets_indicative)", "meets its indicative number (meets_indicative)");
  if (rule == "history") return s("uitzonderlijke historische bijdrage (history)", "exceptional historical contribution (history)");
  if (rule == "ukraine") return s("bijdrage opvang Oekraïners (ukraine)", "Ukraine contribution (ukraine)");
  if (rule == "exchange_full") return s("uitruil: taak door anderen gerealiseerd (exchange_full)", "exchange: task provided by others (exchange_full)");
  if (rule == "exchange_group") return s("uitruilgroep (exchange_group)", "exchange group (exchange_group)");
  if (rule == "below_minimum") return s("onder het minimum (below_minimum)", "below the minimum (below_minimum)");
  return rule;
}

// A category as the text names it: the Dutch codes in Dutch; in English the words of the English
// besluit ("regular reception places", "amv reception places"), so the two read alike.
std::string cat_name(const std::string& c, Lang lang) {
  if (lang == Lang::en && c == "regulier") return "regular";
  return c;
}

std::string rule_text(const ExplainLine& l, Lang lang) {
  Say s{lang};
  const Json& f = l.figures;
  std::string rule = f.at("rule").get<std::string>();
  bool holds = l.holds.value_or(false);
  std::string verdict = holds ? s("uitgesloten", "excluded") : s("geen uitsluiting", "not excluded");
  std::ostringstream o;
  o << cat_name(l.categorie, lang) << ", " << rule_name(rule, lang) << ": ";
  if (rule == "meets_indicative") {
    if (f.contains("attrTot"))
      o << s("toegerekend totaal ", "attributed total ") << num(f["attrTot"], lang) << (holds ? " ≥ " : " < ")
        << s("indicatief totaal ", "indicative total ") << num(f["indTot"], lang);
    else
      o << s("toegerekend ", "attributed ") << num(f["attr"], lang) << (holds ? " ≥ " : " < ")
        << s("indicatief ", "indicative ") << num(f["ind"], lang) << s(" (per categorie)", " (per category)");
  } else if (rule == "history") {
    if (f["hist"].is_null())
      o << s("geen historiecijfer opgegeven, de regel is niet van toepassing", "no history figure given, the rule does not apply");
    else
      o << s("historie ", "history ") << num(f["hist"], lang) << (holds ? " > " : " ≤ ")
        << s("indicatief totaal ", "indicative total ") << num(f["indTot"], lang) << s(" (strikt groter vereist)", " (strictly more required)");
  } else if (rule == "ukraine") {
    if (f["ukr"].is_null())
      o << s("geen Oekraïnecijfers opgegeven, de regel is niet van toepassing", "no Ukraine figures given, the rule does not apply");
    else
      o << s("gerealiseerd ", "provided ") << num(f["ukr"], lang) << (holds ? " > " : " ≤ ") << num(f["factor"], lang)
        << " × " << s("evenredig ", "proportional ") << num(f["ukrFair"], lang) << " = " << num(f["limit"], lang);
  } else if (rule == "exchange_full") {
    o << s("door anderen voor haar gerealiseerd ", "provided for it by others ") << num(f["doorAnderen"], lang);
    if (holds)
      o << " ≥ 1 " << s("en", "and") << " ≥ " << s("indicatief regulier ", "indicative regular ") << num(f["ind"], lang);
    else if (f["doorAnderen"].get<int64_t>() < 1)
      o << s(" (geen andere gemeente realiseert plaatsen voor haar)", " (no other municipality provides places for it)");
    else
      o << " < " << s("indicatief regulier ", "indicative regular ") << num(f["ind"], lang);
  } else if (rule == "exchange_group") {
    if (f["groep"].is_null()) {
      o << s("geen lid van een uitruilgroep", "not a member of an exchange group");
    } else {
      std::string attrs, inds;
      for (const auto& m : f["leden"]) {
        attrs += (attrs.empty() ? "" : " + ") + num(m["attr"], lang);
        inds += (inds.empty() ? "" : " + ") + num(m["ind"], lang);
      }
      o << s("groep ", "group ") << f["groep"].get<std::string>() << s(", toegerekend regulier ", ", attributed regular ")
        << attrs << " = " << num(f["groupAttr"], lang) << (holds ? " ≥ " : " < ") << s("indicatief regulier ", "indicative regular ")
        << inds << " = " << num(f["groupInd"], lang);
    }
  }
  o << ": " << verdict;
  return o.str();
}

std::string statement(const ExplainLine& l, const Explanation& e, Lang lang) {
  Say s{lang};
  const Json& f = l.figures;
  std::ostringstream o;
  const std::string& w = l.what;
  if (w == "gemeente") {
    o << f["naam"].get<std::string>() << " (" << f["code"].get<std::string>() << s("), provincie ", "), province ")
      << f["provincie"].get<std::string>();
  } else if (w == "indicatief") {
    o << s("Indicatieve verdeling: regulier ", "Indicative distribution: regular ") << num(f["regulier"], lang)
      << ", amv " << num(f["amv"], lang) << s(", totaal ", ", total ") << num(f["totaal"], lang);
  } else if (w == "verslag") {
    if (f["present"].get<bool>())
      o << s("Provinciaal verslag: regulier ", "Provincial report: regular ") << num(f["regulier"], lang) << ", amv "
        << num(f["amv"], lang);
    else
      o << s("Provinciaal verslag: geen rij voor deze gemeente, dus regulier 0, amv 0",
             "Provincial report: no row for this municipality, so regular 0, amv 0");
  } else if (w == "kansrijk") {
    bool k = f["kansrijk"].get<bool>();
    o << s("Initiatief: regulier ", "Initiative: regular ") << num(f["regulier"], lang) << ", amv " << num(f["amv"], lang)
      << s(", criteria: ", ", criteria: ") << (f["criteria"].empty() ? s("geen", "none") : join(f["criteria"], ", ")) << ": "
      << (k ? s("kansrijk, telt mee", "promising, counted") : s("niet kansrijk (geen criterium), telt niet mee", "not promising (no criterion), not counted"));
  } else if (w == "kansrijk_none") {
    o << s("Kansrijke initiatieven: geen opgegeven", "Promising initiatives: none given");
  } else if (w == "historie") {
    if (f["gemiddeld"].is_null())
      o << s("Historie: geen cijfer opgegeven", "History: no figure given");
    else
      o << s("Historie (gemiddeld per jaar, 2014-2024): ", "History (average per year, 2014-2024): ") << num(f["gemiddeld"], lang);
  } else if (w == "oekraine") {
    if (f["plaatsen"].is_null())
      o << s("Oekraïne: geen cijfers opgegeven", "Ukraine: no figures given");
    else
      o << s("Oekraïne: gerealiseerd ", "Ukraine: provided ") << num(f["plaatsen"], lang)
        << s(", evenredig aandeel ", ", proportional share ") << num(f["evenredig"], lang);
  } else if (w == "uitruil_van") {
    o << s("Uitruil: realiseert ", "Exchange: provides ") << num(f["plaatsen"], lang) << " " << cat_name(f["categorie"].get<std::string>(), lang)
      << s(" plaatsen voor ", " places for ") << f["voor_naam"].get<std::string>() << " (" << f["voor"].get<std::string>() << ")";
  } else if (w == "uitruil_voor") {
    o << s("Uitruil: ", "Exchange: ") << f["van_naam"].get<std::string>() << " (" << f["van"].get<std::string>() << ")"
      << s(" realiseert ", " provides ") << num(f["plaatsen"], lang) << " " << cat_name(f["categorie"].get<std::string>(), lang)
      << s(" plaatsen voor deze gemeente", " places for this municipality");
  } else if (w == "uitruil_none") {
    o << s("Uitruil: geen, in geen van beide richtingen", "Exchange: none, in either direction");
  } else if (w == "uitruilgroep") {
    std::string leden;
    for (const auto& m : f["leden"]) leden += (leden.empty() ? "" : ", ") + m["naam"].get<std::string>() + " (" + m["code"].get<std::string>() + ")";
    o << s("Uitruilgroep ", "Exchange group ") << f["groep"].get<std::string>() << s(": leden ", ": members ") << leden;
  } else if (w == "uitruilgroep_none") {
    o << s("Uitruilgroep: geen lid van een uitruilgroep", "Exchange group: not a member of any");
  } else if (w == "beleid") {
    o << s("Beleid ", "Policy ") << f["name"].get<std::string>() << ": meets_indicative_basis " << f["meets_indicative_basis"].get<std::string>()
      << ", ukraine_factor " << num(f["ukraine_factor"], lang) << ", minimum_places " << num(f["minimum_places"], lang)
      << ", minimum_exclusion " << f["minimum_exclusion"].get<std::string>() << ", category_order " << join(f["category_order"], ",");
    if (f["rounding"].is_string()) o << ", rounding " << f["rounding"].get<std::string>();
    if (f["tie_break"].is_array()) o << ", tie_break " << join(f["tie_break"], ",");
  } else if (w == "basis") {
    for (const char* c : {"regulier", "amv"})
      o << (std::string(c) == "amv" ? "; " : s("Basis: ", "Base: ")) << cat_name(c, lang) << " " << s("verslag ", "report ") << num(f["verslag"][c], lang)
        << " + " << s("kansrijke initiatieven ", "promising initiatives ") << num(f["initiatieven"][c], lang) << " = "
        << num(f["basis"][c], lang);
  } else if (w == "restopgave") {
    for (const char* c : {"regulier", "amv"}) {
      int64_t diff = f["opgave"][c].get<int64_t>() - f["basis_som"][c].get<int64_t>();
      o << (std::string(c) == "amv" ? "; " : s("Restopgave provincie: ", "Remainder of the province: ")) << cat_name(c, lang) << " max(0, "
        << s("opgave ", "task ") << num(f["opgave"][c], lang) << " − " << s("som basis ", "sum of bases ")
        << num(f["basis_som"][c], lang) << " = " << diff << ") = " << num(f["rest"][c], lang);
    }
    if (f["one_to_one"].get<bool>())
      o << s(". Geen restopgave: het verslag wordt één op één overgenomen, geen uitsluitingen en geen extra plaatsen",
             ". No remainder: the report is adopted one to one, no exclusions and no extra places");
  } else if (w == "toerekening") {
    for (const char* c : {"regulier", "amv"})
      o << (std::string(c) == "amv" ? "; " : s("Toegerekend: ", "Attributed: ")) << cat_name(c, lang) << " " << s("basis ", "base ")
        << num(f["basis"][c], lang) << " − " << s("voor anderen ", "for others ") << num(f["voor_anderen"][c], lang) << " + "
        << s("door anderen ", "by others ") << num(f["door_anderen"][c], lang) << " = " << num(f["attr"][c], lang);
    o << s("; toegerekend totaal ", "; attributed total ") << num(f["attrTot"], lang);
  } else if (w == "no_rest") {
    o << cat_name(l.categorie, lang) << s(": restopgave 0, dus geen uitsluitingen en geen extra plaatsen", ": remainder 0, so no exclusions and no extra places");
  } else if (w == "rule") {
    o << rule_text(l, lang);
  } else if (w == "percentage") {
    o << cat_name(l.categorie, lang) << s(": restopgave ", ": remainder ") << num(f["rest"], lang) << s(" over ", " over ")
      << num(f["participants"], lang) << s(" deelnemers (van ", " participants (of ") << num(f["eligible"], lang)
      << s(" na stap 4a, ", " after step 4a, ") << num(f["rounds"], lang) << s(" ronde(n)); ", " round(s)); ");
    if (f["p"].is_null())
      o << s("geen percentage p: tekort ", "no percentage p: shortfall ") << num(f["shortfall"], lang)
        << s(" (iedereen op zijn plafond)", " (everyone at its cap)");
    else
      o << s("percentage p = ", "percentage p = ") << rational_from_json(f["p"]).to_string() << " ≈ "
        << percent_text(rational_from_json(f["p"]), lang) << s(" van het indicatieve aantal; geplaatst ", " of the indicative number; placed ")
        << num(f["placed"], lang);
  } else if (w == "not_eligible") {
    o << cat_name(l.categorie, lang) << s(": uitgesloten in stap 4a (", ": excluded in step 4a (") << join(f["rules"], ", ")
      << s("), deelt niet in de restopgave: extra 0", "), does not share in the remainder: extra 0");
  } else if (w == "below_minimum") {
    o << cat_name(l.categorie, lang) << s(": in ronde ", ": in round ") << num(f["round"], lang) << s(" zou de gemeente e = ", " the municipality would receive e = ")
      << num(f["e"], lang) << s(" plaatsen krijgen", " places");
    if (f.contains("p_round"))
      o << s(" (p in die ronde = (e + attr ", " (p in that round = (e + attr ") << num(f["attr"], lang) << ") / ind " << num(f["ind"], lang)
        << " = " << rational_from_json(f["p_round"]).to_string() << " ≈ " << percent_text(rational_from_json(f["p_round"]), lang) << ")";
    o << "; 0 < " << num(f["e"], lang) << " < " << s("minimum ", "minimum ") << num(f["minimum"], lang)
      << s(": uitgesloten, extra 0", ": excluded, extra 0");
  } else if (w == "head") {
    o << cat_name(l.categorie, lang) << s(": plafond head = max(0, indicatief totaal ", ": cap head = max(0, indicative total ") << num(f["indTot"], lang)
      << s(" − toegerekend totaal ", " − attributed total ") << num(f["attrTot"], lang) << s(" − eerder gegeven extra ", " − extra already given ")
      << num(f["earlier_extra"], lang) << ") = " << num(f["head"], lang);
  } else if (w == "share") {
    o << cat_name(l.categorie, lang) << s(": aandeel e = min(head, max(0, p × ind − attr))", ": share e = min(head, max(0, p × ind − attr))");
    if (!f["p"].is_null())
      o << " = min(" << num(f["head"], lang) << ", max(0, " << rational_from_json(f["p"]).to_string() << " × " << num(f["ind"], lang)
        << " − " << num(f["attr"], lang) << ")) = min(" << num(f["head"], lang) << ", max(0, " << num(f["p_times_ind"], lang)
        << " − " << num(f["attr"], lang) << " = " << num(f["p_times_ind_minus_attr"], lang) << "))";
    else
      o << s(" (tekort: e = head)", " (shortfall: e = head)");
    o << " = " << num(f["exact"], lang);
    if (f["capped"].get<bool>()) o << s(", begrensd door het plafond", ", limited by the cap");
  } else if (w == "minimum") {
    if (f["zero"].get<bool>())
      o << cat_name(l.categorie, lang) << s(": e = 0 (al boven p): geen extra plaatsen, de minimumtoets is niet nodig",
                            ": e = 0 (already above p): no extra places, the minimum check does not apply");
    else
      o << cat_name(l.categorie, lang) << s(": minimumtoets: e = ", ": minimum check: e = ") << num(f["exact"], lang) << " ≥ " << num(f["minimum"], lang)
        << s(": neemt deel", ": takes part");
  } else if (w == "rounding") {
    o << cat_name(l.categorie, lang) << s(": afronding: ondergrens ", ": rounding: floor ") << num(f["floor"], lang) << s(", rest ", ", fraction ")
      << num(f["fraction"], lang) << "; " << num(f["units"], lang) << s(" restplaats(en) (geplaatst ", " leftover unit(s) (placed ")
      << num(f["placed"], lang) << s(" − som ondergrenzen ", " − sum of floors ") << num(f["sum_floor"], lang)
      << s(") naar de grootste resten", ") to the largest fractions");
    if (!f["smallest_fraction_with_unit"].is_null())
      o << s("; kleinste rest met een plaats ", "; smallest fraction given one ") << num(f["smallest_fraction_with_unit"], lang);
    if (!f["largest_fraction_without_unit"].is_null())
      o << s("; grootste rest zonder ", "; largest fraction without ") << num(f["largest_fraction_without_unit"], lang);
    // A tie at the border: equal fractions on both sides of the last unit.
    // METHOD.md "Rounding": ties go to the larger indicative number, then
    // the smaller CBS code; say so, an objector needs that sentence.
    if (!f["smallest_fraction_with_unit"].is_null() &&
        f["smallest_fraction_with_unit"] == f["largest_fraction_without_unit"] &&
        f["fraction"] == f["smallest_fraction_with_unit"]) {
      std::string with;
      for (const auto& t : f.value("tied_at_border", Json::array()))
        with += (with.empty() ? "" : ", ") + t["naam"].get<std::string>() + " (" + t["code"].get<std::string>() + ", " +
                s("indicatief ", "indicative ") + num(t["indicatief"], lang) + ", " +
                (t["extra_unit"].get<bool>() ? s("met restplaats", "given a unit") : s("zonder restplaats", "without a unit")) + ")";
      if (with.empty()) with = s("een andere gemeente", "another municipality");
      o << s("; gelijke rest met ", "; a tie with ") << with
        << s(" aan de grens: de gelijke stand is beslist op het grotere indicatieve aantal, daarna de kleinere CBS-code",
             " at the border: decided by the larger indicative number, then the smaller CBS code");
    }
    o << ": " << (f["extra_unit"].get<bool>() ? s("krijgt een restplaats", "gets a leftover unit") : s("geen restplaats", "no leftover unit"))
      << s(", dus extra ", ", so extra ") << num(f["rounded"], lang);
  } else if (w == "besluit") {
    for (const char* c : {"regulier", "amv"})
      o << (std::string(c) == "amv" ? "; " : s("Besluit: ", "Decision: ")) << cat_name(c, lang) << " " << s("basis ", "base ") << num(f["basis"][c], lang)
        << " + extra " << num(f["extra"][c], lang) << " = " << num(f["besluit"][c], lang);
    o << s("; totaal ", "; total ") << num(f["totaal"], lang);
  } else {
    o << w << " " << f.dump();
  }
  (void)e;
  return o.str();
}

std::string sources(const ExplainLine& l) {
  std::string out;
  for (const auto& c : l.records) out += (out.empty() ? "" : ", ") + std::to_string(c.seq) + " " + c.hash.substr(0, 12);
  return out;
}

std::string step_title(const std::string& step, Lang lang) {
  Say s{lang};
  if (step == "invoer") return s("Invoer", "Inputs");
  if (step == "besluit") return s("Besluit", "Decision");
  std::string n = step.substr(5);
  return s("Stap ", "Step ") + n;
}

}  // namespace

std::string explain_text(const Explanation& e, Lang lang) {
  Say s{lang};
  std::ostringstream o;
  o << s("Toelichting voor ", "Explanation for ") << e.naam << " (" << e.code << "), " << e.province << " " << e.cycle
    << s(", besluit run ", ", decision run ") << e.run << s(" (records ", " (records ") << e.first_seq << ".." << e.last_seq
    << ", " << e.engine << ")\n";
  o << s("Elke regel noemt tussen [ ] de records (seq en hash) waaruit de cijfers komen en de regel van de methode.\n",
         "Every line names in [ ] the records (seq and hash) its figures come from and the rule of the method.\n");
  std::string step;
  for (const auto& l : e.lines) {
    if (l.step != step) {
      step = l.step;
      o << "\n" << step_title(step, lang) << "\n";
    }
    o << "  - " << statement(l, e, lang) << "  [" << sources(l) << " | " << l.rule << "]\n";
  }
  if (!e.warnings.empty()) {
    o << "\n" << s("Let op: de vastgelegde cijfers zijn onderling niet consistent (zie `verdeel replay`):\n",
                   "Warning: the recorded figures are not consistent (see `verdeel replay`):\n");
    for (const auto& w : e.warnings) o << "  ! " << w << "\n";
  }
  return o.str();
}

}  // namespace verdeel::report
