#pragma once
// A decision run as recorded: its records in ledger order, without the store.
// Built by the CLI from the ledger, or by verify-bundle from a bundle.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/canonical_json.h"

namespace verdeel::decision {

struct RecordedStep {
  int64_t seq = 0;
  std::string kind;
  std::string subject;
  Json body;
  std::string hash;  // hex
};

struct Run {
  std::string cycle;
  std::string province;
  int64_t number = 0;               // 1 for the first decision on (cycle, province)
  std::vector<RecordedStep> records; // decision.start .. result.decision
  const RecordedStep* start() const { return records.empty() ? nullptr : &records.front(); }
  const RecordedStep* result() const { return records.empty() ? nullptr : &records.back(); }
  std::string engine() const;
};

}  // namespace verdeel::decision
