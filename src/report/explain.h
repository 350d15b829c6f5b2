#pragma once
// Why did this municipality get these numbers? (issue 4, `verdeel explain`)
//
// An explanation is a pure value built from one recorded decision run and the
// input records it used. It follows the method (METHOD.md, Toelichting stap
// 1-4b): the municipality's inputs, its base (stap 1-2), the province's
// remainder (stap 3), every exclusion rule of stap 4a with the figures
// compared -- those that held, taken from the step.exclusion records, and those
// that did not, computed from the recorded figures and inputs -- then its share
// of the remainder (stap 4b): p, p x ind - attr as an exact fraction, the cap,
// the minimum, the rounding, and the final numbers. Every line names the
// records (seq and hash) its figures come from and the rule that applies, so
// an objector can check each figure by hand from this output alone.
//
// Renderers: explain_text (Dutch by default, or English) and explain_json.
// The HTML report can embed explain_text as it is.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "decision/run.h"
#include "method/category.h"
#include "report/exact_text.h"
#include "util/canonical_json.h"

namespace verdeel::report {

// A record a line draws on.
struct Cite {
  int64_t seq = -1;
  std::string hash;  // full hex; rendered as 12 hex digits in text
  std::string kind;
  std::string subject;
};

struct ExplainLine {
  std::string step;       // "invoer", "stap 1-2", "stap 3", "stap 4a", "stap 4b", "besluit"
  std::string what;       // what the line states, e.g. "historie", "rule", "share", "rounding"
  std::string categorie;  // "regulier", "amv", or "" for both
  Json figures;           // the numbers the line states, in record form (integers, {"num","den"})
  std::optional<bool> holds;  // rule lines: whether the exclusion rule holds
  std::string rule;       // "Toelichting, stap 4a; METHOD.md step 4a (history)"
  std::vector<Cite> records;
};

struct Explanation {
  std::string cycle, province, code, naam;
  int64_t run = 0;
  std::string engine;
  int64_t first_seq = 0, last_seq = 0;  // the run's records
  method::PerCategory indicatief, basis, extra, besluit;
  std::map<std::string, std::vector<std::string>> excluded;  // as recorded in result.gemeente
  std::vector<ExplainLine> lines;
  // Where a comparison computed from the recorded figures disagrees with what
  // was recorded (a ledger that does not replay); empty for a sound decision.
  std::vector<std::string> warnings;
};

// `inputs`: the run's input.set record followed by the records it lists, with
// their seq and hash (a line about an absent row, "no history figure", cites
// the input set).
// Throws std::invalid_argument when the run holds no result for `code` or a
// record it needs is malformed.
Explanation explain(const decision::Run& run, const std::vector<decision::RecordedStep>& inputs,
                    const std::string& code);

std::string explain_text(const Explanation& e, Lang lang);
Json explain_json(const Explanation& e);

}  // namespace verdeel::report
