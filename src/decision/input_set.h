#pragma once
// The inputs in force for one province in one cycle (LEDGER.md "Corrections").
//
// An import appends one record per new or changed input row and then one
// `input.set` record per province listing, by hash, every input record in
// force. A row equal to one already in force is not recorded again; a changed
// row is a new record whose body names the one it replaces (`supersedes`).
// Nothing is ever updated. Pure: the CLI supplies the current set and appends.
#include <string>
#include <vector>

#include "decision/records.h"

namespace verdeel::decision {

struct NewInput {
  std::string kind;
  std::string subject;
  Json body;
  std::string file;  // where it came from, for messages
  int line = 0;
};

struct InputPlanRow {
  NewInput row;
  std::string reuse;       // hash of an equal record already in force, or ""
  std::string supersedes;  // when new: hash of the record it replaces, or ""
};

struct InputPlan {
  std::vector<InputPlanRow> rows;      // in the order of the new rows
  std::vector<std::string> withdrawn;  // in force before, absent now
  bool changed() const;                // anything new or withdrawn
  size_t new_records() const;
};

// Matches the new rows of one province against the records in force:
// first equal (kind, subject, body) pairs, then leftovers of the same kind and
// subject become corrections, in order.
InputPlan plan_inputs(const std::vector<InputRef>& in_force, std::vector<NewInput> rows);  // takes the rows over

}  // namespace verdeel::decision
