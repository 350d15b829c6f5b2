#include "ledger/verify.h"

#include "ledger/envelope_check.h"

namespace verdeel::ledger {
namespace {

std::string describe(const StoredRow& row) {
  std::string s = "record " + std::to_string(row.seq) + " (" + row.kind;
  if (!row.subject.empty()) s += " " + row.subject;
  return s + ")";
}

}  // namespace

VerifyResult verify_chain(Store& store, const std::function<void(const Record&)>& on_record) {
  VerifyResult res;
  int64_t expected_seq = 0;
  Hash prev = kZeroHash;
  EnvelopeCheck envelope;
  auto fail = [&](const StoredRow& row, const std::string& what) {
    res.ok = false;
    res.bad_seq = row.seq;
    res.problem = describe(row) + ": " + what;
    return false;
  };
  store.scan([&](const StoredRow& row) {
    if (row.seq != expected_seq) {
      if (row.seq > expected_seq)
        return fail(row, "records " + std::to_string(expected_seq) + ".." + std::to_string(row.seq - 1) +
                             " are missing");
      return fail(row, "sequence number out of order");
    }
    Hash computed = leaf_hash(row.data);
    std::string stored_hash = row.hash;
    if (stored_hash.size() != computed.size() ||
        std::string_view(reinterpret_cast<const char*>(computed.data()), computed.size()) != stored_hash)
      return fail(row, "hash mismatch (stored " + to_hex(stored_hash) + ", bytes hash to " + to_hex(computed) + ")");
    // Fast path: the envelope rebuilt from the columns, the body proved canonical
    // in one pass; the body is parsed only when someone looks at the record.
    std::string_view body;
    bool fast = row.seq != 0 && row.kind != "genesis" && envelope.matches(row, prev, &body);
    Record r;
    if (fast && on_record) {
      r.body = Json::parse(body.begin(), body.end(), nullptr, false);
      fast = !r.body.is_discarded();  // cannot happen for canonical bytes; the slow path would say why
    }
    if (fast) {
      if (on_record) {
        r.seq = row.seq, r.kind = row.kind, r.cycle = row.cycle, r.province = row.province;
        r.subject = row.subject, r.prev = prev, r.data = row.data, r.hash = computed;
        on_record(r);
      }
      prev = computed;
      res.head = computed;
      ++expected_seq;
      ++res.records;
      return true;
    }
    std::string why;
    auto rec = decode_record(row.data, &why);
    if (!rec) return fail(row, why);
    if (rec->seq != row.seq) return fail(row, "stored bytes say seq " + std::to_string(rec->seq));
    if (rec->kind != row.kind || rec->cycle != row.cycle || rec->province != row.province ||
        rec->subject != row.subject)
      return fail(row, "columns disagree with the stored bytes (they say " + rec->label() + ")");
    if (rec->prev != prev) return fail(row, "prev does not match the hash of record " + std::to_string(row.seq - 1));
    if (row.seq == 0) {
      if (rec->kind != "genesis" || !rec->body.contains("ledger") || !rec->body["ledger"].is_string())
        return fail(row, "record 0 is not a genesis record");
      res.ledger_id = rec->body["ledger"].get<std::string>();
    } else if (rec->kind == "genesis") {
      return fail(row, "a second genesis record");
    }
    prev = rec->hash;
    res.head = rec->hash;
    ++expected_seq;
    ++res.records;
    if (on_record) on_record(*rec);
    return true;
  });
  if (res.ok && res.records == 0) {
    res.ok = false;
    res.problem = "the ledger has no genesis record";
  }
  return res;
}

}  // namespace verdeel::ledger
