#pragma once
// Verifying the chain (LEDGER.md "Verifying"): re-hash every record from its
// stored bytes, check every link, and name the first bad record.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/store.h"

namespace verdeel::ledger {

struct VerifyResult {
  bool ok = true;
  int64_t records = 0;     // records checked
  int64_t bad_seq = -1;    // first bad record, when !ok
  std::string problem;     // "record 412 (input.verslag GM0106): hash mismatch"
  Hash head{};             // hash of the last record checked
  std::string ledger_id;   // from the genesis record
};

// A record that checked out: its hash is the SHA-256 of `data`, `data` is its canonical
// envelope with this seq and kind. The views are valid during the call only; decode_record(data)
// gives the whole record to the few who need it (genesis, checkpoint).
struct CheckedRecord {
  int64_t seq = 0;
  std::string_view kind;
  Hash hash{};
  std::string_view data;
};

// Streams the whole ledger once; memory does not grow with its size, and no body is parsed
// into a JSON value unless the fast path cannot prove the bytes canonical.
// `on_record` (optional) sees every record that checked out, in order.
VerifyResult verify_chain(Store& store, const std::function<void(const CheckedRecord&)>& on_record = {});

}  // namespace verdeel::ledger
