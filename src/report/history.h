#pragma once
// The course of one municipality through the ledger (LEDGER.md "Corrections
// and history"; `verdeel history`): every record about it across cycles,
// provinces and decisions, oldest first, grouped by the import (input set) or
// decision run it belongs to. A corrected input shows the value it superseded
// beside the new one (old -> new), and every input names the runs that used
// it, so the superseded run and the current one are both visible.
// Pure: the CLI reads the records from the store and passes them in.
#include <optional>
#include <string>
#include <vector>

#include "report/exact_text.h"
#include "util/canonical_json.h"

namespace verdeel::report {

struct HistoryRecord {
  int64_t seq = 0;
  std::string kind, cycle, province, subject, hash;  // hash: full hex
  Json body;
};

struct HistoryEntry {
  HistoryRecord record;
  std::optional<HistoryRecord> superseded;  // the record named by body.supersedes
  std::vector<int64_t> used_by_runs;        // inputs: runs of its (cycle, province) whose input set lists it
  std::optional<Json> previous_result;      // result.gemeente: the besluit of the previous run, when it differs
  int64_t previous_run = 0;
  bool withdrawn = false;  // the import of this group withdrew the record (absent from its case files)
};

struct HistoryGroup {
  std::string type;  // "import" or "run"
  std::string cycle, province;
  int64_t run = 0;          // type run: its number for (cycle, province)
  int64_t first = 0, last = 0;  // run: decision.start .. result.decision; import: the input.set seq (both)
  std::string hash;         // import: input.set hash; run: decision.start hash
  std::string input_set;    // the input set's hash (the run's, or the import's own)
  std::string time, engine, source;
  bool corrections = false;  // import: holds records that supersede others
  std::vector<HistoryEntry> entries;
};

struct History {
  std::string code, naam;
  std::vector<HistoryGroup> groups;  // oldest first
  std::string filter;  // the query's terms ("kind:input"), set by the command; the counts are of what it shows
  size_t records() const;
};

// `cycle:2024 kind:result province:Zuiderland`: each field may repeat (any of
// its values matches); kind matches by prefix. Throws std::invalid_argument
// naming an unknown field or a term without ':'.
struct HistoryQuery {
  std::vector<std::string> cycles, kinds, provinces;
  bool matches(const HistoryRecord& r) const;
};
HistoryQuery parse_history_query(const std::vector<std::string>& terms);

// What the grouping needs to know about the ledger around the records.
struct InputSetInfo {
  std::string cycle, province;
  int64_t seq = 0;
  std::string hash;
  std::vector<std::string> records;  // hashes of the inputs in force
  std::string time, source;
  std::vector<std::string> withdrawn = {};  // hashes in force before this set, absent from it
};
struct RunInfo {
  std::string cycle, province;
  int64_t number = 0, start = 0, end = 0;
  std::string hash;       // of decision.start
  std::string input_set;  // hash
  std::string engine, time;
};

// Groups `records` (about the municipality, in seq order, already filtered)
// by import and run. `sets` and `runs` cover every (cycle, province) the
// records belong to; `superseded` holds the records named by `supersedes`.
History build_history(const std::string& code, const std::string& naam, const std::vector<HistoryRecord>& records,
                      const std::vector<InputSetInfo>& sets, const std::vector<RunInfo>& runs,
                      const std::vector<HistoryRecord>& superseded);

std::string history_text(const History& h);
Json history_json(const History& h);

}  // namespace verdeel::report
