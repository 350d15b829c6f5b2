#pragma once
// From recorded inputs back to the method's case (the reverse of casefile/):
// used when deciding, when replaying a decision from its input records and by
// offline bundle verification. Pure: no files, no clock, no database.
//
// Record kinds and bodies are those casefile::load_case produces:
//   input.gemeente   {"code","naam","provincie"}
//   input.opgave     {"provincie","regulier","amv"}
//   input.indicatief {"gemeente","regulier","amv"}        (required for every gemeente)
//   input.verslag    {"gemeente","regulier","amv"}        (absent = 0)
//   input.kansrijk   {"gemeente","regulier","amv","criteria":[...]}
//   input.historie   {"gemeente","gemiddeld":R}
//   input.oekraine   {"gemeente","plaatsen":R,"evenredig":R}
//   input.uitruil    {"van","voor","categorie","plaatsen"}
//   input.uitruilgroep {"groep","gemeente"}
//   input.beleid     policy overrides (decision/policy_json.h); absent = defaults
// R is an integer or {"num":N,"den":D} (util/canonical_json.h).
#include <string>
#include <string_view>
#include <vector>

#include "method/case.h"
#include "util/canonical_json.h"

namespace verdeel::decision {

struct InputRecord {
  std::string kind;
  std::string subject;
  Json body;
};

// One input record as the method reads it, without copying it: views of a record held elsewhere.
struct InputView {
  std::string_view kind;
  std::string_view subject;
  const Json& body;
};

// Builds the case of `province` from exactly its input records, in any order;
// the result does not depend on that order (municipalities, initiatives,
// exchanges and groups are sorted). Throws std::invalid_argument with a clear
// message on a malformed body, an unknown kind, a record of another province,
// a reference to a municipality without an input.gemeente record, a duplicate
// where one per municipality is allowed, a missing or duplicate task, or a
// municipality without indicative numbers.
// A body's `supersedes` member, the bookkeeping of a correction (decision/input_set.h), is not an
// input of the method and is not read.
method::ProvinceCase case_from_inputs(const std::string& cycle, const std::string& province,
                                      const std::vector<InputRecord>& inputs);
method::ProvinceCase case_from_inputs(const std::string& cycle, const std::string& province,
                                      const std::vector<InputView>& inputs);

}  // namespace verdeel::decision
