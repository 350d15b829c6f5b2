#pragma once
// Checking that bytes ARE canonical JSON without building a value: one pass,
// no allocation (for verify's fast path; docs/performance.md).
//
// Contract: check_canonical(b) == yes exactly when b is valid JSON and
// canonical(Json::parse(b)) == b (util/canonical_json.h), i.e. keys strictly
// increasing in UTF-16 code units, no whitespace, integers only within
// [INT64_MIN, UINT64_MAX] with no leading zeros and no "-0", strings as
// RFC 8785 writes them (only \" \\ \b \f \n \r \t and \u00xx for the other
// control characters, lower-case hex; everything else raw, valid UTF-8).
// `unknown` (nesting deeper than kMaxDepth) means: ask the slow path.
// fuzz/fuzz_canonical.cpp checks this equivalence on arbitrary input.
#include <string_view>

namespace verdeel {

enum class CanonicalCheck { yes, no, unknown };

inline constexpr int kCanonicalCheckMaxDepth = 200;

CanonicalCheck check_canonical(std::string_view bytes);

}  // namespace verdeel
