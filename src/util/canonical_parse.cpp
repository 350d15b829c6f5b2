#include "util/canonical_parse.h"

#include "util/canonical_scan.h"

namespace verdeel {

std::optional<Json> parse_canonical(std::string_view bytes) {
  Json out;
  if (canonical_scan::Scanner<true>(bytes).run(out) != CanonicalCheck::yes) return std::nullopt;
  return out;
}

}  // namespace verdeel
