// libFuzzer target: the record decoder (src/ledger/record.h decode_record).
// Contract: never throws, never crashes; whatever it accepts is canonical and
// is exactly what make_record builds from the decoded fields (so stored bytes
// have one reading and one hash). And reading it from a row (src/ledger/store.h
// record_from_row, whose fast path proves the envelope from the columns) gives
// exactly that record, while a row whose columns or hash disagree is refused.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ledger/record.h"
#include "ledger/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string why;
  auto r = verdeel::ledger::decode_record(bytes, &why);
  if (!r) {
    if (why.empty()) std::abort();
    return 0;
  }
  verdeel::ledger::Draft d{r->kind, r->cycle, r->province, r->subject, r->body};
  auto again = verdeel::ledger::make_record(r->seq, r->prev, d);
  if (again.data != bytes || again.hash != r->hash || r->data != bytes) std::abort();

  using verdeel::ledger::RowCopy;
  const std::string stored_hash(reinterpret_cast<const char*>(r->hash.data()), r->hash.size());
  const RowCopy row{r->seq, r->kind, r->cycle, r->province, r->subject, stored_hash, std::string(bytes)};
  const verdeel::ledger::Record got = verdeel::ledger::record_from_row(row);  // throws: a crash, reported
  if (got.seq != r->seq || got.kind != r->kind || got.cycle != r->cycle || got.province != r->province ||
      got.subject != r->subject || got.prev != r->prev || got.body != r->body || got.data != r->data ||
      got.hash != r->hash)
    std::abort();
  auto refused = [](RowCopy bad) {
    try {
      verdeel::ledger::record_from_row(std::move(bad));
    } catch (const verdeel::ledger::StoreError&) {
      return true;
    }
    return false;
  };
  RowCopy other = row;
  other.subject += "x";
  if (!refused(other)) std::abort();
  other = row;
  other.seq += 1;
  if (!refused(other)) std::abort();
  other = row;
  other.hash[0] = static_cast<char>(other.hash[0] ^ 1);
  if (!refused(other)) std::abort();
  return 0;
}
