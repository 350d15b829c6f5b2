#pragma once
// A decision as people read it, built from its recorded result records only
// (result.gemeente and result.decision). Every renderer (table, json, csv,
// markdown, html) draws from this one value.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "decision/run.h"
#include "method/category.h"
#include "util/rational.h"

namespace verdeel::report {

using method::PerCategory;

// One rule of step 4a/4b that excluded a municipality (record step.exclusion),
// with the figures it compared, e.g. {"attrTot": 840, "indTot": 520}.
struct ExclusionFact {
  std::string categorie;  // "regulier" / "amv"
  std::string rule;       // METHOD.md step 4a code
  std::map<std::string, Rational> figures;
  int64_t round = 0;  // below_minimum: the round of step 4b that removed it
  int64_t seq = 0;
  std::string hash;
};

// A participant's share of a category's remainder (record step.aandeel, stap 4b).
struct ShareFact {
  int64_t attr = 0;
  int64_t head = 0;    // headroom under the cap
  Rational exact;      // e[i](p), exact
  bool capped = false;
  int64_t floor = 0;
  int64_t rounded = 0;
  bool extra_unit = false;  // received one unit by largest remainder
};

// An initiative as judged in stap 2 (record step.kansrijk).
struct InitiativeFact {
  std::string code;
  PerCategory plaatsen;
  std::vector<std::string> criteria;
  bool kansrijk = false;
};

// The distribution of one category's remainder (record step.percentage, stap 4b).
struct CategoryFacts {
  bool present = false;  // false when the category had no remainder (no record)
  int64_t rest = 0;
  std::vector<std::string> eligible;      // after step 4a
  std::vector<std::string> participants;  // after the minimum
  int64_t rounds = 0;
  std::optional<Rational> p;
  int64_t placed = 0;
  int64_t shortfall = 0;
};

// Facts about the ledger at the time of rendering, which let a reader verify
// the document (filled by the command, not by view_of: the view stays pure).
struct CheckpointFact {
  int64_t seq = 0;      // of the checkpoint record
  int64_t size = 0;     // records it covers
  std::string root;     // hex
  std::string note;     // the signed note text
};
// A later run of the same province: the document is then of a run that was superseded.
struct LaterRunFact {
  int64_t run = 0;
  int64_t start = 0, end = 0;  // seq of its decision.start and result.decision
};
// An input set recorded after the one a run decided on: the inputs were corrected (or withdrawn)
// after the run, which is then no decision on the inputs as they stand.
struct NewerInputsFact {
  int64_t seq = 0;         // of that input.set
  std::string input_set;   // its hash, hex
  bool withdrawn = false;  // it lists nothing: every input of the province withdrawn (import --replaces)
};
struct LedgerFacts {
  int64_t size = 0;        // number of records
  std::string head_hash;   // hex hash of the newest record
  std::string root;        // hex RFC 9162 Merkle root of all `size` records
  std::optional<CheckpointFact> checkpoint;  // newest checkpoint covering the decision
};

struct GemeenteRow {
  std::string code;
  std::string naam;
  PerCategory indicatief;
  PerCategory basis;
  PerCategory extra;
  PerCategory besluit;
  std::map<std::string, std::vector<std::string>> excluded;  // "regulier"/"amv" -> rule codes
  int64_t seq = 0;
  std::string hash;
  // From the step records of the run (zero/empty when the run lacks them).
  PerCategory verslag, initiatieven;                 // step.basis
  PerCategory voor_anderen, door_anderen, attr;      // step.toerekening
  std::vector<ExclusionFact> exclusions;             // step.exclusion, in run order
  std::map<std::string, ShareFact> shares;           // step.aandeel per category
};

struct DecisionView {
  std::string cycle;
  std::string province;
  std::string policy;
  int64_t run = 0;
  std::string engine;
  std::string time;
  PerCategory task, report, basis, remainder, shortfall, besluit;
  std::map<std::string, std::optional<Rational>> percentage;  // "regulier"/"amv"
  std::vector<GemeenteRow> gemeenten;                          // by name
  int64_t record_seq = 0;
  std::string record_hash;  // hash of result.decision
  // From the step records of the run.
  int64_t start_seq = 0;                         // decision.start
  std::string input_set;                         // hash of the input.set decided on
  int64_t minimum_places = 5;                    // policy
  std::vector<std::string> category_order{"regulier", "amv"};  // policy
  // Where the run's policy departs from the Beleidsregel's own values (METHOD.md "Policy record"):
  // "minimum_places 3 (Beleidsregel: 5)", in key order; empty when it does not.
  std::vector<std::string> policy_deviations;
  std::vector<InitiativeFact> initiatives;       // step.kansrijk, in run order
  std::map<std::string, CategoryFacts> distribution;  // step.percentage per category
  std::optional<LedgerFacts> ledger;             // set by the command
  // Runs of the province after this one, oldest first, set by the command: non-empty when this
  // run is superseded, which every rendering of it says (a printed page must not pass for the
  // decision in force).
  std::vector<LaterRunFact> later_runs;
  // The input set of the province recorded after the one this run decided on, set by the command:
  // its inputs were corrected since, which every rendering says too (a decision must not pass for
  // one on the inputs as they now stand).
  std::optional<NewerInputsFact> newer_inputs;
  // Per municipality code, the text of `verdeel explain` (report/explain.h),
  // set by the command; the HTML report embeds it when present.
  std::map<std::string, std::string> explanations;

  // The row of a municipality by code, or nullptr.
  const GemeenteRow* gemeente(const std::string& code) const;
  // Its name, or the code when unknown.
  std::string naam(const std::string& code) const;
  bool one_to_one() const { return remainder.regulier == 0 && remainder.amv == 0; }
};

// Throws std::invalid_argument when the run lacks its result records.
DecisionView view_of(const decision::Run& run);

PerCategory per_category(const Json& j);
// An integer or {"num","den"} as recorded.
Rational rational_of(const Json& j);

}  // namespace verdeel::report
