#pragma once
// The records of one decision run, built from the method's result
// (LEDGER.md "Decisions link to their inputs"; schema/FORMAT.md "Decision records").
// Pure: the same Decision and inputs always give byte-identical bodies, which
// is what `replay` compares.
#include <optional>
#include <string>
#include <vector>

#include "method/decision.h"
#include "util/canonical_json.h"
#include "util/canonical_writer.h"

namespace verdeel::decision {

// An input record of the decision as recorded: its kind, subject, body and hash (hex).
struct InputRef {
  std::string kind;
  std::string subject;
  Json body;
  std::string hash;
};

// A record to append; cycle and province are those of the decision. Its body is written straight
// to canonical bytes (body.str()); result.decision's still takes its "start" member, the seq of
// its run's decision.start record, which only the writer of the run knows.
struct StepRecord {
  std::string kind;
  std::string subject;
  CanonicalObject body;
};

// Every record of a run after its `decision.start` record, in order: policy,
// step.kansrijk*, step.basis*, step.restopgave, step.toerekening*,
// step.exclusion*, step.percentage*, step.aandeel*, result.gemeente*,
// result.decision. `input_set` is the hash of the input.set record decided on.
std::vector<StepRecord> decision_records(const method::Decision& d, const std::vector<InputRef>& inputs,
                                         const std::string& input_set);

// JSON of a whole number of places per category: {"amv":A,"regulier":R}.
Json to_json(const method::PerCategory& p);
// JSON of the equal percentage p: {"den","num","percent" (two decimals)}, or null without one.
Json percentage_json(const std::optional<Rational>& p);

}  // namespace verdeel::decision
