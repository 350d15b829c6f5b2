// libFuzzer target: canonical JSON (src/util/canonical_json.h) and its
// allocation-free checker (src/util/canonical_check.h).
// - Any JSON text that nlohmann accepts either is refused with CanonicalError
//   (a float, invalid UTF-8) or gives bytes that parse back to the same value
//   and are a fixed point of canonical(). Never any other exception.
// - check_canonical(b) says yes exactly when canonical(parse(b)) == b
//   (unknown only for nesting deeper than its limit).
// - parse_canonical(b) gives a value exactly when check_canonical(b) says yes,
//   and then the value Json::parse(b) gives.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "util/canonical_check.h"
#include "util/canonical_json.h"
#include "util/canonical_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using verdeel::CanonicalCheck;
  using verdeel::Json;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const CanonicalCheck check = verdeel::check_canonical(bytes);
  Json j = Json::parse(data, data + size, nullptr, false);
  const auto parsed = verdeel::parse_canonical(bytes);
  if (parsed.has_value() != (check == CanonicalCheck::yes)) std::abort();
  if (parsed && *parsed != j) std::abort();
  if (j.is_discarded()) {
    if (check == CanonicalCheck::yes) std::abort();
    return 0;
  }
  std::string c;
  try {
    c = verdeel::canonical(j);
  } catch (const verdeel::CanonicalError&) {
    if (check == CanonicalCheck::yes) std::abort();
    return 0;
  }
  Json back = Json::parse(c, nullptr, false);
  if (back.is_discarded() || back != j) std::abort();
  if (verdeel::canonical(back) != c) std::abort();
  // `unknown` (nesting too deep for the fast checker) promises nothing either way.
  if (check != CanonicalCheck::unknown && (c == bytes) != (check == CanonicalCheck::yes)) std::abort();
  if (verdeel::check_canonical(c) == CanonicalCheck::no) std::abort();
  return 0;
}
