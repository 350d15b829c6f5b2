// libFuzzer target: the record decoder (src/ledger/record.h decode_record).
// Contract: never throws, never crashes; whatever it accepts is canonical and
// is exactly what make_record builds from the decoded fields (so stored bytes
// have one reading and one hash).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ledger/record.h"

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
  return 0;
}
