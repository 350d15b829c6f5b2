// Reading a record from its row: the checks every read makes (store.h, record_from_row). Pure, so
// that a command may decode rows away from the SQLite connection.
#include <atomic>

#include "ledger/envelope_check.h"
#include "ledger/store.h"

namespace verdeel::ledger {
namespace {

// The common case, without building the envelope as a JSON value: the bytes are proved to be the
// canonical envelope of the row's own columns (envelope_check.h), which is what the checks below
// ask, and only the body is parsed. The strings are the row's, moved. nullopt: not proved; the
// checks below say what is wrong, if anything.
std::optional<Record> proved(RowCopy& row) {
  thread_local EnvelopeCheck check;  // its buffers, reused by the reads of one thread
  Record r;
  const StoredRow view{row.seq, row.kind, row.cycle, row.province, row.subject, row.hash, row.data};
  if (!check.matches_reading(view, r.prev, r.body)) return std::nullopt;
  r.hash = leaf_hash(row.data);
  if (!stored_hash_is(row.hash, r.hash)) return std::nullopt;
  r.seq = row.seq;
  r.kind = std::move(row.kind);
  r.cycle = std::move(row.cycle);
  r.province = std::move(row.province);
  r.subject = std::move(row.subject);
  r.data = std::move(row.data);
  return r;
}

std::atomic<uint64_t> g_rows_not_proved{0};

}  // namespace

uint64_t rows_read_the_slow_way() { return g_rows_not_proved.load(std::memory_order_relaxed); }

// A record edited in place is never used silently: every read checks what a reader can check
// cheaply, that the stored bytes hash to the stored hash and agree with the indexed columns. Only
// `verify` (the whole chain) and `replay` (the computation) go further.
Record record_from_row(RowCopy row) {
  if (auto r = proved(row)) return std::move(*r);
  g_rows_not_proved.fetch_add(1, std::memory_order_relaxed);
  auto unusable = [&](const std::string& why) {
    return StoreError("record " + std::to_string(row.seq) + " is corrupt: " + why +
                      "; nothing was done (run `verdeel verify`)");
  };
  std::string why;
  auto r = decode_record(row.data, &why);
  if (!r) throw unusable(why);
  if (!stored_hash_is(row.hash, r->hash)) throw unusable("its bytes do not match its hash");
  if (r->seq != row.seq || r->kind != row.kind || r->cycle != row.cycle || r->province != row.province ||
      r->subject != row.subject)
    throw unusable("its bytes disagree with its indexed columns");
  return std::move(*r);
}

}  // namespace verdeel::ledger
