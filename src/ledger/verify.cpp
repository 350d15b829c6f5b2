#include "ledger/verify.h"

#include "ledger/verify_row.h"

namespace verdeel::ledger {

VerifyResult verify_chain(Store& store, const std::function<void(const CheckedRecord&)>& on_record) {
  VerifyResult res;
  Hash prev = kZeroHash;
  RowCheck rows;
  store.scan([&](const StoredRow& row) {
    Hash computed;
    if (std::string problem = rows.check(row, res.records, prev, computed, res.ledger_id); !problem.empty()) {
      res.ok = false;
      res.bad_seq = row.seq;
      res.problem = std::move(problem);
      return false;
    }
    prev = computed;
    res.head = computed;
    ++res.records;
    if (on_record) on_record(CheckedRecord{row.seq, row.kind, computed, row.data});
    return true;
  });
  if (res.ok && res.records == 0) {
    res.ok = false;
    res.problem = "the ledger has no genesis record";
  }
  return res;
}

}  // namespace verdeel::ledger
