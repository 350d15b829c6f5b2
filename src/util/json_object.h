#pragma once
// Builds a JSON object member by member: Obj()("a", 1)("b", "x") is Json{{"a", 1}, {"b", "x"}}
// at a fraction of the cost. nlohmann's initializer lists copy every value and test every element
// for being a key-value pair, which costs more than writing the record (docs/performance.md).
#include <utility>

#include "util/canonical_json.h"

namespace verdeel {

class Obj {
 public:
  Obj& operator()(const char* key, Json value) {
    members_.emplace(key, std::move(value));
    return *this;
  }
  // Once: the object gives its members away.
  operator Json() { return Json(std::move(members_)); }

 private:
  Json::object_t members_;
};

}  // namespace verdeel
