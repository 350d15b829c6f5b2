#pragma once
// A recorded field's value as a reader writes it, for history and for what import says it
// corrected or withdrew: 1402,6 rather than {"den":5,"num":7013}, strings without quotes, lists
// in brackets ("[besluitvorming,toezegging]"), objects as "key value, key value" in braces.
#include <string>

#include "util/canonical_json.h"

namespace verdeel::report {

std::string field_text(const Json& value);

// An object's fields as "key value, key value" (field_text of each), without the braces.
std::string fields_text(const Json& object);

}  // namespace verdeel::report
