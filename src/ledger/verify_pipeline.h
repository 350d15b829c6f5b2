#pragma once
// verify on several cores (docs/performance.md "Verify"). The calling thread reads the rows
// from SQLite (the connection is opened without SQLite's mutex, so no other thread touches it)
// and copies them into batches; worker threads check each batch with RowCheck::fast (the hash,
// the canonical envelope, the prev link) and hash the Merkle levels below
// TreeCheck::kBlockLevel; the calling thread takes the batches back in order, feeds the tree
// check (its node table reads stay in this thread) and re-checks every row the fast path could
// not prove with RowCheck::check, which names the problem.
//
// The outcome, the first bad record and the words that name it are exactly those of
//   verify_chain(store, [&](const CheckedRecord& r) { tree.add(r); })
// which is what runs when workers == 0; also when the file cannot be read past some row, any bad
// record before it is named first. Memory is bounded by the batches in flight: at most
// (2 * workers + 4) batches of at most batch_rows rows, and about batch_bytes each, give or take
// one record.
#include <cstddef>

#include "ledger/store.h"
#include "ledger/verify.h"
#include "ledger/verify_tree.h"

namespace verdeel::ledger {

struct PipelineOptions {
  unsigned workers = 2;
  // Small batches: less memory touched for the first time (each batch holds its rows' bytes), and
  // the first batch reaches a worker sooner; 256 rows or 1024 cost the same per record at 10^5.
  size_t batch_rows = 256;
  size_t batch_bytes = 1 << 20;
  size_t* stolen = nullptr;  // when set: how many batches the calling thread checked itself
};

VerifyResult verify_pipelined(Store& store, TreeCheck& tree, const PipelineOptions& options = {});

}  // namespace verdeel::ledger
