#include "ledger/verify.h"

#include <cstring>

#include "ledger/envelope_check.h"

namespace verdeel::ledger {
namespace {

std::string describe(const StoredRow& row) {
  std::string s = "record " + std::to_string(row.seq) + " (" + std::string(row.kind);
  if (!row.subject.empty()) s += " " + std::string(row.subject);
  return s + ")";
}

}  // namespace

VerifyResult verify_chain(Store& store, const std::function<void(const CheckedRecord&)>& on_record) {
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
    const Hash computed = leaf_hash(row.data);
    if (row.hash.size() != computed.size() || std::memcmp(row.hash.data(), computed.data(), computed.size()) != 0)
      return fail(row, "hash mismatch (stored " + to_hex(row.hash) + ", bytes hash to " + to_hex(computed) + ")");
    // Fast path: the envelope rebuilt from the columns, the body proved canonical in one pass,
    // nothing parsed. Anything it cannot prove takes the slow path, which names the problem.
    if (row.seq == 0 || row.kind == "genesis" || !envelope.matches(row, prev)) {
      std::string why;
      auto rec = decode_record(row.data, &why);
      if (!rec) return fail(row, why);
      if (rec->seq != row.seq) return fail(row, "stored bytes say seq " + std::to_string(rec->seq));
      if (rec->kind != row.kind || rec->cycle != row.cycle || rec->province != row.province ||
          rec->subject != row.subject)
        return fail(row, "columns disagree with the stored bytes (they say " + rec->label() + ")");
      if (rec->prev != prev)
        return fail(row, "prev does not match the hash of record " + std::to_string(row.seq - 1));
      if (row.seq == 0) {
        if (rec->kind != "genesis" || !rec->body.contains("ledger") || !rec->body["ledger"].is_string())
          return fail(row, "record 0 is not a genesis record");
        res.ledger_id = rec->body["ledger"].get<std::string>();
      } else if (rec->kind == "genesis") {
        return fail(row, "a second genesis record");
      }
    }
    prev = computed;
    res.head = computed;
    ++expected_seq;
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
