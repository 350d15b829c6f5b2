#pragma once
// Reading canonical JSON back: the value of bytes that ARE canonical JSON, built
// in the same single pass that proves them canonical (util/canonical_scan.h).
// The ledger reads every record this way (docs/performance.md): nlohmann's
// general parser, and a second pass to check the bytes, only for bytes that are
// not canonical, to say what is wrong with them.
#include <optional>
#include <string_view>

#include "util/canonical_json.h"

namespace verdeel {

// Json::parse(bytes) when check_canonical(bytes) == yes; otherwise nothing.
// Non-negative integers are unsigned and negative ones signed, as nlohmann's
// parser makes them.
std::optional<Json> parse_canonical(std::string_view bytes);

}  // namespace verdeel
