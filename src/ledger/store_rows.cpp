// Reading a record from its row: the checks every read makes (store.h, record_from_row). Pure, so
// that a command may decode rows away from the SQLite connection.
#include <cstring>

#include "ledger/store.h"

namespace verdeel::ledger {

// A record edited in place is never used silently: every read checks what a reader can check
// cheaply, that the stored bytes hash to the stored hash and agree with the indexed columns. Only
// `verify` (the whole chain) and `replay` (the computation) go further.
Record record_from_row(RowCopy row) {
  auto unusable = [&](const std::string& why) {
    return StoreError("record " + std::to_string(row.seq) + " is corrupt: " + why +
                      "; nothing was done (run `verdeel verify`)");
  };
  std::string why;
  auto r = decode_record(row.data, &why);
  if (!r) throw unusable(why);
  if (row.hash.size() != r->hash.size() || std::memcmp(row.hash.data(), r->hash.data(), r->hash.size()) != 0)
    throw unusable("its bytes do not match its hash");
  if (r->seq != row.seq || r->kind != row.kind || r->cycle != row.cycle || r->province != row.province ||
      r->subject != row.subject)
    throw unusable("its bytes disagree with its indexed columns");
  return std::move(*r);
}

}  // namespace verdeel::ledger
