#pragma once
// The ledger facts printed under a decision (HTML report, besluit): its size,
// head, RFC 9162 Merkle root, and the newest checkpoint that covers the decision.
#include <cstdint>

#include "ledger/store.h"
#include "report/view.h"

namespace verdeel::cli {

// `decision_seq` is the seq of the decision's result record; a checkpoint
// covers it when its size is greater.
report::LedgerFacts ledger_facts(ledger::Store& store, int64_t decision_seq);

}  // namespace verdeel::cli
