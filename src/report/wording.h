#pragma once
// Dutch wording shared by the renderers a person reads (table, markdown, html,
// besluit): numbers as a Dutch reader writes them and the reasons of the
// exclusion rules with their figures (METHOD.md step 4a/4b; Toelichting, stap 4a/4b).
// The besluit also asks for the English of some (`besluit --lang en`).
#include <string>

#include "report/exact_text.h"
#include "report/view.h"
#include "util/rational.h"

namespace verdeel::report {

// 143,2 / 2.462 / 2,48: Dutch thousands separator and decimal comma, at most
// `decimals` decimals, trailing zeros dropped. Rounded half away from zero.
std::string dutch_decimal(const Rational& r, int decimals = 2);
// True when dutch_decimal shows r exactly.
bool shows_exactly(const Rational& r, int decimals = 2);
// p as a percentage for reading: "72,46%" (two decimals, always shown).
std::string dutch_percent(const Rational& p);
// A figure that dutch_decimal would round, for reading, always with two
// decimals: "circa 2,48", "circa 2,70" (not "circa 2,7"); a figure it shows
// exactly: itself ("143,2"). English: "about 2.48".
std::string about(const Rational& r, Lang lang = Lang::nl);
// A number as written above in the reader's language: Dutch unchanged, English
// with the marks exchanged ("3.814" -> "3,814", "2,48" -> "2.48", "1.234,5" ->
// "1,234.5"): the same digits, so the same value.
std::string number_marks(std::string dutch, Lang lang);

// "reguliere opvangplaatsen" / "amv-opvangplaatsen"; in English "regular
// reception places" / "amv reception places".
std::string places_word(const std::string& categorie, Lang lang = Lang::nl);
// "regulier" / "amv" as a short label.
std::string category_label(const std::string& categorie);

// Short reason of a rule code: "voldoet aan indicatieve verdeling".
std::string reason(const std::string& rule);
// One sentence fragment with the figures the rule compared, e.g.
// "toegerekend 840 plaatsen, ten minste de 520 uit de indicatieve verdeling".
std::string reason_with_figures(const ExclusionFact& e, Lang lang = Lang::nl);

// The note beside a municipality in Tabel 1 when there was a remainder:
// "+45 regulier; uitgesloten amv: minder dan minimum", with the reasons named
// once when both categories excluded it for the same ones
// ("uitgesloten regulier en amv: voldoet aan indicatieve verdeling").
std::string row_note(const GemeenteRow& g);

// The heading of show's table, which lists every municipality of the province, and the sentence
// under it when some get 0 places: the besluit's Tabel 1 lists only those with places
// (besluit.cpp), so a reader comparing the two is told why they differ. Empty when none gets 0.
std::string all_municipalities_heading();
std::string zero_places_note(const DecisionView& v);

// Above every rendering of a run that later runs superseded (DecisionView::later_runs): "LET OP:
// dit is berekening 1, vervangen door berekening 3 (records 602 tot en met 801); het is niet het
// besluit zoals het nu geldt." Empty for the latest run.
// The same for the latest run when its province's inputs were corrected after it
// (DecisionView::newer_inputs): "LET OP: na berekening 1 is de invoer gecorrigeerd ...".
std::string superseded_notice(const DecisionView& v, Lang lang = Lang::nl);

}  // namespace verdeel::report
