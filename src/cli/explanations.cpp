#include "cli/explanations.h"

#include <stdexcept>

#include "cli/runs.h"
#include "report/explain.h"

namespace verdeel::cli {

std::map<std::string, std::string> explanation_texts(ledger::Store& store, const decision::Run& run) {
  std::map<std::string, std::string> out;
  const auto* start = run.start();
  if (!start || !start->body.contains("input_set")) return out;
  std::vector<decision::RecordedStep> inputs = run_input_steps(store, run);
  for (const auto& r : run.records)
    if (r.kind == "result.gemeente")
      out[r.subject] = report::explain_text(report::explain(run, inputs, r.subject), report::Lang::nl);
  return out;
}

}  // namespace verdeel::cli
