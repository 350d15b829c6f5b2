#pragma once
// One stored row against what must come before it (LEDGER.md "Verifying"): its seq, its hash,
// its canonical envelope, its prev. Shared by verify_chain (one thread) and verify_pipelined
// (several), so both take exactly the same decisions and name problems in the same words.
#include <cstdint>
#include <string>

#include "ledger/envelope_check.h"
#include "ledger/store.h"

namespace verdeel::ledger {

class RowCheck {
 public:
  // true when the fast path proves the row good without parsing it: its seq is `seq`, its bytes
  // hash to its stored hash (left in `computed`), they are the canonical envelope of its columns
  // and `prev`, and it is neither record 0 nor a genesis record. false proves nothing either
  // way: check() decides and names the problem.
  bool fast(const StoredRow& row, int64_t seq, const Hash& prev, Hash& computed);

  // The whole check of row `seq` after a record hashing to `prev`: "" when it is good (then
  // `computed` is its hash and, for record 0, `ledger_id` the genesis record's ledger id), else
  // the problem, starting with the record's label ("record 412 (input.verslag GM0106): ...").
  std::string check(const StoredRow& row, int64_t seq, const Hash& prev, Hash& computed, std::string& ledger_id);

 private:
  EnvelopeCheck envelope_;
};

}  // namespace verdeel::ledger
