#pragma once
// Renderers of a decision: one value (DecisionView), several formats.
#include <string>

#include "report/view.h"

namespace verdeel::report {

// INTERFACE.md "show --format json", exactly (pretty-printed, 2 spaces).
nlohmann::ordered_json decision_json(const DecisionView& v);
// The decision table in the form of the published Tabel 1, aligned, with
// Dutch thousands separators, the percentage and the exclusions.
std::string decision_table(const DecisionView& v);

// One row per municipality with Dutch headings (Gemeente;Reguliere
// opvangplaatsen;Amv-opvangplaatsen;Totaal;CBS-code;...), fields quoted as
// RFC 4180 when needed, plain integers (no thousands separators), "\n" line ends.
std::string decision_csv(const DecisionView& v, char sep = ';');
// The key facts and Tabel 1 as CommonMark/GFM, for pasting into notes and mail.
std::string decision_markdown(const DecisionView& v);
// One self-contained HTML page (inline CSS, SVG and a few lines of JS; no
// external reference): key facts, Tabel 1, a chart per category, the
// exclusions, an explanation per municipality and the ledger facts.
std::string decision_html(const DecisionView& v);

// 3814 -> "3.814" (Dutch thousands separator; for tables people read only).
std::string dutch_number(int64_t n);

}  // namespace verdeel::report
