#include "cli/explanations.h"

#include <stdexcept>

#include "cli/runs.h"
#include "report/explain.h"

namespace verdeel::cli {

std::map<std::string, std::string> explanation_texts(ledger::Store& store, const decision::Run& run) {
  std::map<std::string, std::string> out;
  const auto* start = run.start();
  if (!start || !start->body.contains("input_set")) return out;
  auto set = store.by_hash(hash_from_hex(start->body.at("input_set").get<std::string>()));
  if (!set) throw std::runtime_error("the input set of run " + std::to_string(run.number) + " is not in the ledger");
  std::vector<decision::RecordedStep> inputs{to_step(*set)};
  for (const auto& h : set->body.at("records")) {
    auto r = store.by_hash(hash_from_hex(h.get<std::string>()));
    if (!r) throw std::runtime_error(set->label() + " names a record that is not in the ledger: " + h.get<std::string>());
    inputs.push_back(to_step(*r));
  }
  for (const auto& r : run.records)
    if (r.kind == "result.gemeente")
      out[r.subject] = report::explain_text(report::explain(run, inputs, r.subject), report::Lang::nl);
  return out;
}

}  // namespace verdeel::cli
