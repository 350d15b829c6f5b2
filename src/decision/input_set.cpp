#include "decision/input_set.h"

#include <map>

namespace verdeel::decision {

bool InputPlan::changed() const { return new_records() > 0 || !withdrawn.empty(); }

size_t InputPlan::new_records() const {
  size_t n = 0;
  for (const auto& r : rows) n += r.reuse.empty() ? 1 : 0;
  return n;
}

InputPlan plan_inputs(const std::vector<InputRef>& in_force, std::vector<NewInput> rows) {
  InputPlan plan;
  std::vector<bool> used(in_force.size(), false);
  std::map<std::string, std::vector<size_t>> by_content;  // kind \0 subject \0 body -> indices
  std::map<std::string, std::vector<size_t>> by_key;      // kind \0 subject -> indices
  auto key = [](const std::string& kind, const std::string& subject) { return kind + '\0' + subject; };
  // A correction's body also names what it replaced; that is not content.
  auto content = [](Json body) {
    if (body.is_object()) body.erase("supersedes");
    return canonical(body);
  };
  for (size_t i = 0; i < in_force.size(); ++i) {
    by_content[key(in_force[i].kind, in_force[i].subject) + '\0' + content(in_force[i].body)].push_back(i);
    by_key[key(in_force[i].kind, in_force[i].subject)].push_back(i);
  }
  // Pass 1: rows equal to a record in force reuse it.
  plan.rows.reserve(rows.size());
  for (auto& r : rows) {
    InputPlanRow pr{std::move(r), "", ""};
    // (Nothing in force, as at a first import: nothing to compare, and no body to write here.)
    auto it = by_content.empty() ? by_content.end()
                                 : by_content.find(key(pr.row.kind, pr.row.subject) + '\0' + canonical(pr.row.body));
    if (it != by_content.end()) {
      for (size_t i : it->second) {
        if (!used[i]) {
          used[i] = true;
          pr.reuse = in_force[i].hash;
          break;
        }
      }
    }
    plan.rows.push_back(std::move(pr));
  }
  // Pass 2: a new row replaces an unused record of the same kind and subject.
  for (auto& pr : plan.rows) {
    if (!pr.reuse.empty()) continue;
    auto it = by_key.find(key(pr.row.kind, pr.row.subject));
    if (it == by_key.end()) continue;
    for (size_t i : it->second) {
      if (!used[i]) {
        used[i] = true;
        pr.supersedes = in_force[i].hash;
        break;
      }
    }
  }
  for (size_t i = 0; i < in_force.size(); ++i)
    if (!used[i]) plan.withdrawn.push_back(in_force[i].hash);
  return plan;
}

}  // namespace verdeel::decision
