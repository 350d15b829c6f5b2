#pragma once
// The parts of an objection bundle (cli/bundle_format.h) as verify-bundle reads them: its fields,
// its hashes, each record entry proved against the signed checkpoint, and the later runs it names.
// Every failure is a failed check (exit 1, "verify-bundle: FILE: what"). No ledger is needed.
#include <string>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/record.h"
#include "util/canonical_json.h"
#include "util/sha256.h"

namespace verdeel::cli::bundle_check {

// Every failure of the bundle: exit 1, "verify-bundle: FILE: what".
struct Fail {
  std::string file;
  [[noreturn]] void operator()(const std::string& what) const;
};

// obj[key], which must be there with this type (an unsigned number passes as an integer, an
// integer that is not negative as an unsigned one).
const Json& field(const Json& obj, const std::string& key, Json::value_t type, const std::string& where, const Fail& fail);
// A hash as the bundle writes it: 64 lower-case hex digits.
Hash strict_hash(const std::string& hex, const std::string& what, const Fail& fail);

// One entry of "records" or "later_runs": {seq, hash, data, proof}. Its bytes must hash to the
// stated hash, decode as the record of that seq, and its inclusion proof lead to the signed root;
// the proof's hashes are added to `proof_hashes`.
ledger::Record proved_entry(const Json& e, const std::string& where, const ledger::Checkpoint& cp, const Fail& fail,
                            size_t& proof_hashes);

// A run after the bundle's, as the bundle names it (later_runs): its decision.start and its
// result.decision, both in the signed ledger.
struct LaterRun {
  int64_t number = 0;
  const ledger::Record* start = nullptr;
  const ledger::Record* result = nullptr;
};

// "later_runs" (its entries proved, as `records`): pairs of decision.start and result.decision of
// the bundle's cycle and province, each pair one run (the result closes the start), with run
// numbers above the bundle's, after its run, in seq order.
std::vector<LaterRun> later_runs(const std::vector<ledger::Record>& records, const std::string& cycle,
                                 const std::string& province, const ledger::Record& start,
                                 const ledger::Record& result, const Fail& fail);

}  // namespace verdeel::cli::bundle_check
