#include "decision/run.h"

namespace verdeel::decision {

std::string Run::engine() const {
  const auto* s = start();
  if (!s || !s->body.contains("engine") || !s->body["engine"].is_string()) return "";
  return s->body["engine"].get<std::string>();
}

}  // namespace verdeel::decision
