#include "report/field_text.h"

#include <exception>

#include "report/exact_text.h"

namespace verdeel::report {

std::string field_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("num") && v.contains("den") && v.size() == 2) {
    try {
      return exact_text(rational_from_json(v), Lang::nl);
    } catch (const std::exception&) {
    }
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ",") + field_text(x);
    return "[" + out + "]";
  }
  if (v.is_object()) return "{" + fields_text(v) + "}";
  return v.dump();
}

std::string fields_text(const Json& object) {
  std::string out;
  for (auto it = object.begin(); it != object.end(); ++it)
    out += (out.empty() ? "" : ", ") + it.key() + " " + field_text(it.value());
  return out;
}

}  // namespace verdeel::report
