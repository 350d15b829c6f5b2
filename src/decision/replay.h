#pragma once
// Replay (LEDGER.md "Replay"): run the method again on a decision's recorded
// inputs and compare, record by record, the canonical bytes of every step and
// result with what was recorded. Pure: used by `verdeel replay` on the ledger
// and by `verdeel verify-bundle` on a bundle, offline.
#include <optional>
#include <string>
#include <vector>

#include "decision/case_from_inputs.h"
#include "decision/records.h"
#include "decision/run.h"
#include "method/decision.h"

namespace verdeel::decision {

struct ReplayDiff {
  size_t index = 0;        // position in the run, 0 = decision.start
  int64_t seq = -1;        // seq of the recorded record, -1 when it is missing
  std::string kind;        // of the recorded record (or the recomputed one when missing)
  std::string subject;
  std::string recorded;    // canonical body bytes, "" when missing
  std::string recomputed;  // canonical body bytes, "" when missing
  Json recorded_body;      // null when missing
  Json recomputed_body;    // null when missing
  std::string recomputed_kind;     // differs from `kind` when the record kinds differ
  std::string recomputed_subject;
};

// One value that differs between two JSON bodies, named by its path
// ("besluit.regulier", "inputs[3]"); a missing side is null with `present` false.
struct KeyDifference {
  std::string path;
  Json recorded;
  Json recomputed;
  bool in_recorded = true;
  bool in_recomputed = true;
};
// Every leaf where `recorded` and `recomputed` differ, in key order; objects
// are compared key by key, arrays element by element (of equal length; arrays
// of different length are one difference).
std::vector<KeyDifference> json_differences(const Json& recorded, const Json& recomputed);

struct ReplayResult {
  bool identical = false;
  size_t compared = 0;          // records compared (every record after decision.start)
  std::string recorded_engine;  // "verdeel 0.1.0", from decision.start
  std::optional<ReplayDiff> first_difference;
  std::optional<method::Decision> decision;  // the recomputed decision, when the inputs were usable
  std::string error;            // the inputs could not be used (malformed record), else ""
};

// Inputs with their hashes as recorded; `inputs` must be the records named by
// the run's input set. Never throws for bad records: reports them in `error`.
ReplayResult replay(const Run& run, const std::vector<InputRef>& inputs);

// The method's view of recorded inputs: bodies without the `supersedes`
// bookkeeping of corrections.
std::vector<InputRecord> method_inputs(const std::vector<InputRef>& inputs);
// The same view without copies, for case_from_inputs (which does not read `supersedes`).
std::vector<InputView> method_views(const std::vector<InputRef>& inputs);

}  // namespace verdeel::decision
