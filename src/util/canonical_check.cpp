#include "util/canonical_check.h"

#include "util/canonical_scan.h"

namespace verdeel {

CanonicalCheck check_canonical(std::string_view bytes) {
  canonical_scan::Nothing nothing;
  return canonical_scan::Scanner<false>(bytes).run(nothing);
}

}  // namespace verdeel
