// Reading a record from its row: the checks every read makes (store.h, record_from_row). Pure, so
// that a command may decode rows away from the SQLite connection.
#include <atomic>

#include "ledger/envelope_check.h"
#include "ledger/store.h"

namespace verdeel::ledger {
namespace {

// The common case, without building the envelope as a JSON value: the bytes are proved to be the
// canonical envelope of the row's own columns (envelope_check.h), which is what the checks below
// ask, and only the body is parsed, into r (with prev and the hash). false: not proved; the checks
// below say what is wrong, if anything.
bool proved(const StoredRow& row, Record& r) {
  thread_local EnvelopeCheck check;  // its buffers, reused by the reads of one thread
  if (!check.matches_reading(row, r.prev, r.body)) return false;
  r.hash = leaf_hash(row.data);
  return stored_hash_is(row.hash, r.hash);
}

std::atomic<uint64_t> g_rows_not_proved{0};

}  // namespace

uint64_t rows_read_the_slow_way() { return g_rows_not_proved.load(std::memory_order_relaxed); }

// A record edited in place is never used silently: every read checks what a reader can check
// cheaply, that the stored bytes hash to the stored hash and agree with the indexed columns. Only
// `verify` (the whole chain) and `replay` (the computation) go further.
Record record_from_row(RowCopy row) {
  {
    Record r;
    if (proved(row.view(), r)) {
      r.seq = row.seq;  // the row's strings, moved
      r.kind = std::move(row.kind);
      r.cycle = std::move(row.cycle);
      r.province = std::move(row.province);
      r.subject = std::move(row.subject);
      r.data = std::move(row.data);
      return r;
    }
  }
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

Record record_from_row(const StoredRow& row, Bytes bytes) {
  Record r;
  if (proved(row, r)) {
    r.seq = row.seq;
    r.kind = row.kind;
    r.cycle = row.cycle;
    r.province = row.province;
    r.subject = row.subject;
    if (bytes == Bytes::keep) r.data = row.data;
    return r;
  }
  // Not proved: the way above, which says what is wrong, on a copy.
  r = record_from_row(RowCopy::of(row));
  if (bytes == Bytes::drop) std::string().swap(r.data);
  return r;
}

}  // namespace verdeel::ledger
