// libFuzzer target: the CSV reader (src/casefile/csv.h) and the Dutch number
// parser (src/casefile/numbers.h) on arbitrary bytes. Contract: never throws,
// never crashes; a well-formed table has rows of exactly the header's width.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "casefile/csv.h"
#include "casefile/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = verdeel::casefile::parse_csv(bytes);
  for (const auto& row : table.rows) {
    if (row.fields.size() != table.header.size()) std::abort();
    for (const auto& f : row.fields) {
      auto w = verdeel::casefile::parse_whole(f);
      auto d = verdeel::casefile::parse_decimal(f);
      if (w.ok() && *w.value < 0) std::abort();
      if (w.ok() == !w.error.empty() || d.ok() == !d.error.empty()) std::abort();
    }
  }
  return 0;
}
