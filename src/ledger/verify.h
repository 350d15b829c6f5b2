#pragma once
// Verifying the chain (LEDGER.md "Verifying"): re-hash every record from its
// stored bytes, check every link, and name the first bad record.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

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

// Streams the whole ledger once; memory does not grow with its size.
// `on_record` (optional) sees every record that checked out, in order.
VerifyResult verify_chain(Store& store, const std::function<void(const Record&)>& on_record = {});

}  // namespace verdeel::ledger
