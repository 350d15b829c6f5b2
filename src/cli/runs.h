#pragma once
// Reading decision runs and their inputs from the ledger, for the commands
// that show, explain, replay or bundle a decision.
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "decision/case_from_inputs.h"
#include "decision/records.h"
#include "decision/run.h"
#include "ledger/store.h"
#include "report/view.h"

namespace verdeel::cli {

decision::RecordedStep to_step(const ledger::Record& r);
decision::InputRef to_input(const ledger::Record& r);
decision::InputRef to_input(ledger::Record&& r);  // takes the body over

// The province as recorded (matched case-insensitively); throws UsageError
// naming the provinces that are known for that cycle.
std::string resolve_province(ledger::Store& store, const std::string& cycle, const std::string& name);
// Every province with inputs recorded in the cycle (by the indexed columns; reading a province's
// input set checks its record).
std::vector<std::string> recorded_provinces(ledger::Store& store, const std::string& cycle);

// The input records listed by an input.set record, in its order.
std::vector<decision::InputRef> load_input_set(ledger::Store& store, const ledger::Record& set);
// The same in two steps, so that the second can run on another thread (decide, import). One
// entry of the set, read but not decoded: its row, or what went wrong in reading it, raised when
// its turn comes, so that the first bad entry of the list is the one named, as one step would.
struct ListedInput {
  std::optional<size_t> in_scope;         // its row in InputRows::scope
  std::unique_ptr<ledger::RowCopy> row;   // or its row, read by its hash (resolve_listed; rare, so
                                          // held apart: an entry is one of hundreds, made at once)
  std::exception_ptr error;
};
// Every entry of an input set, with the rows they were picked from.
struct InputRows {
  ledger::RowBatch scope;
  std::vector<ListedInput> listed;  // in the set's order
};
InputRows read_input_rows(ledger::Store& store, const ledger::Record& set);
// read_input_rows in two parts, so that the first needs no ledger (decide runs it on any thread):
// each entry picked by its hash from `rows`, the rows of the set's own cycle and province whose
// kind starts with "input." (ledger::Store::rows_in_scope); an entry that is not among them is
// left without row and error: unresolved. resolve_listed then looks those up by hash, among the
// records before seq `before` (the ledger as it stood before a command that is appending), and
// gives each one that is not there its error.
InputRows match_listed(const ledger::Record& set, ledger::RowBatch rows);
bool unresolved(const ListedInput& entry);
void resolve_listed(ledger::Store& store, const ledger::Record& set, InputRows& rows, int64_t before = INT64_MAX);
// Pure: decodes each entry in list order (ledger::record_from_row), or rethrows its error.
std::vector<decision::InputRef> decode_inputs(InputRows rows);

// The input.set record a run decided on (named by its decision.start).
ledger::Record run_input_set(ledger::Store& store, const decision::Run& run);
// That input set followed by every input record it lists, as recorded steps
// (what report::explain cites).
std::vector<decision::RecordedStep> run_input_steps(ledger::Store& store, const decision::Run& run);

// Every run of (cycle, province), oldest first, as (start seq, result seq).
struct RunSpan {
  int64_t number = 0;
  int64_t start = 0;
  int64_t end = 0;  // seq of result.decision
};
std::vector<RunSpan> run_spans(ledger::Store& store, const std::string& cycle, const std::string& province);
// What a command about run `number` (not 0) of (cycle, province) says on standard error when later
// runs exist: "note: run 1 of Zuiderland 2024 is not the latest: run 2 (records 331..530) came
// after it"; empty for the latest run.
std::string superseded_note(const std::vector<RunSpan>& spans, int64_t number, const std::string& cycle,
                            const std::string& province);
// The runs after run `number`, for a rendering of it (report::DecisionView::later_runs).
std::vector<report::LaterRunFact> later_runs_of(const std::vector<RunSpan>& spans, int64_t number);
// The same note on standard error, when there is one (show, explain, besluit).
void say_if_superseded(const std::vector<RunSpan>& spans, int64_t number, const std::string& cycle,
                       const std::string& province);
// The input set of the run's province recorded after the one the run decided on, when there is one:
// its inputs were corrected (or withdrawn) since (report::DecisionView::newer_inputs).
std::optional<report::NewerInputsFact> newer_inputs_of(ledger::Store& store, const decision::Run& run);
// What a command about `run` says on standard error then: "note: the inputs of Zuiderland 2024 were
// corrected after run 1 (input set ..., record 540): decide again"; nothing otherwise.
void say_if_inputs_corrected(const std::optional<report::NewerInputsFact>& newer, const decision::Run& run);
// Loads run `number` (0 = latest). Throws UsageError when there is none.
decision::Run load_run(ledger::Store& store, const std::string& cycle, const std::string& province, int64_t number = 0);
// The same from the province's runs already read (run_spans), for a command that needs them too.
decision::Run load_run(ledger::Store& store, const std::vector<RunSpan>& spans, const std::string& cycle,
                       const std::string& province, int64_t number);

// The CBS code of the municipality `code_or_name` names (its code or its name, in any case) among
// these records' input.gemeente records; empty when none does (verify-bundle, without a ledger).
std::string gemeente_among(const std::vector<ledger::Record>& records, const std::string& code_or_name);

// "Assen" -> "GM0106": a municipality by its code or its name (any case) among the recorded
// input.gemeente records. A name two municipalities share is taken in `province` when given and
// one of them is there, else refused as ambiguous, naming both; throws UsageError when unknown.
std::string resolve_gemeente(ledger::Store& store, const std::string& code_or_name, const std::string& province = "");

}  // namespace verdeel::cli
