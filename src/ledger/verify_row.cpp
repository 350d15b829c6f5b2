#include "ledger/verify_row.h"

namespace verdeel::ledger {

bool RowCheck::fast(const StoredRow& row, int64_t seq, const Hash& prev, Hash& computed) {
  if (row.seq != seq || row.seq == 0 || row.kind == "genesis") return false;
  computed = leaf_hash(row.data);
  return stored_hash_is(row.hash, computed) && envelope_.matches(row, prev);
}

std::string RowCheck::check(const StoredRow& row, int64_t seq, const Hash& prev, Hash& computed,
                            std::string& ledger_id) {
  auto fail = [&](const std::string& what) { return record_label(row.seq, row.kind, row.subject) + ": " + what; };
  if (row.seq != seq) {
    if (row.seq > seq)
      return fail("records " + std::to_string(seq) + ".." + std::to_string(row.seq - 1) + " are missing");
    return fail("sequence number out of order");
  }
  computed = leaf_hash(row.data);
  if (!stored_hash_is(row.hash, computed))
    return fail("hash mismatch (stored " + to_hex(row.hash) + ", bytes hash to " + to_hex(computed) + ")");
  // Fast path: the envelope rebuilt from the columns, the body proved canonical in one pass,
  // nothing parsed. Anything it cannot prove takes the slow path, which names the problem.
  if (row.seq != 0 && row.kind != "genesis" && envelope_.matches(row, prev)) return "";
  std::string why;
  auto rec = decode_record(row.data, &why);
  if (!rec) return fail(why);
  if (rec->seq != row.seq) return fail("stored bytes say seq " + std::to_string(rec->seq));
  if (rec->kind != row.kind || rec->cycle != row.cycle || rec->province != row.province ||
      rec->subject != row.subject)
    return fail("columns disagree with the stored bytes (they say " + rec->label() + ")");
  if (rec->prev != prev) return fail("prev does not match the hash of record " + std::to_string(row.seq - 1));
  if (row.seq == 0) {
    if (rec->kind != "genesis" || !rec->body.contains("ledger") || !rec->body["ledger"].is_string())
      return fail("record 0 is not a genesis record");
    ledger_id = rec->body["ledger"].get<std::string>();
  } else if (rec->kind == "genesis") {
    return fail("a second genesis record");
  }
  return "";
}

}  // namespace verdeel::ledger
