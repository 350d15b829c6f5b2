#pragma once
// What-if (issue 4): the decision as it would have been had some inputs or
// policy values been different. Pure: takes a run's recorded inputs, changes
// them as the settings say, and compares the method's alternative outcome
// with the recorded one. Nothing is recorded; the CLI opens the ledger
// read-only.
//
// Settings are KEY=VALUE (`verdeel whatif --set`). G is a municipality of the
// province by CBS code or by name (case-insensitive; names may contain dots).
//   policy (METHOD.md "Policy record"):
//     minimum_places=N                      whole number >= 0
//     minimum_exclusion=smallest_first|all_at_once
//     meets_indicative_basis=total|per_category
//     ukraine_factor=R                      positive decimal, "2,5" exact
//     category_order=regulier,amv | amv,regulier
//   inputs (INTERFACE.md input files):
//     opgave.regulier=N, opgave.amv=N       the provincial task
//     indicatief.G.regulier=N, .amv=N       indicative distribution
//     verslag.G.regulier=N, .amv=N          report places (a missing row is created with 0)
//     historie.G=R                          ten-year average (a missing row is created)
//     oekraine.G.plaatsen=R, .evenredig=R   Ukraine places / proportional share (a missing row: the other 0)
//     historie.G=geen, oekraine.G=geen      remove that row ("none" too)
//     kansrijk.G=geen                       remove every initiative of G
//     uitruil.G=geen                        remove every exchange G realises or is realised for
//     uitruilgroep.G=geen                   take G out of its exchange group
// N is a whole number, R a decimal (`123,4` or `123.4`, exact); both are read
// as case files are (casefile/numbers.h), via the parsers the caller passes.
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "decision/case_from_inputs.h"
#include "decision/run.h"
#include "method/decision.h"
#include "util/rational.h"

namespace verdeel::decision {

// A setting that cannot be applied: unknown key, unknown municipality, bad value.
class WhatIfError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct Setting {
  std::string key;
  std::string value;
};
// Splits "KEY=VALUE" at the first '='; throws WhatIfError when either side is empty.
Setting parse_setting(const std::string& arg);

// Number readers: return nullopt and set `why` when the text is not one.
struct NumberParsers {
  std::function<std::optional<int64_t>(const std::string& text, std::string& why)> whole;
  std::function<std::optional<Rational>(const std::string& text, std::string& why)> decimal;
};

// One applied setting: what it changed, before and after (record values;
// null when there was no such row or value).
struct AppliedChange {
  std::string key;       // as given
  std::string target;    // "policy", "opgave", "indicatief", ...
  std::string gemeente;  // code, or "" for provincial values
  std::string naam;      // of the municipality, or ""
  std::string field;     // "regulier", "gemiddeld", "minimum_places", ...
  Json before;
  Json after;
};

struct Alternative {
  std::vector<InputRecord> inputs;  // the recorded inputs with the settings applied
  std::vector<AppliedChange> changes;
};

// Applies settings in order to the method inputs of a run (method_inputs()).
// Throws WhatIfError naming the setting on any problem, including a policy
// the method would refuse.
Alternative apply_settings(const std::vector<InputRecord>& recorded, const std::vector<Setting>& settings,
                           const NumberParsers& parse);

// The help text of the keys, for `verdeel whatif --help`.
const char* whatif_keys_help();

// Recorded against alternative, per municipality (by name, as show lists them).
struct OutcomeRow {
  std::string code;
  std::string naam;
  method::PerCategory recorded, alternative;              // final places
  method::PerCategory recorded_extra, alternative_extra;  // share of the remainder
  std::map<std::string, std::vector<std::string>> recorded_excluded, alternative_excluded;
  bool differs() const;
};

struct CategoryComparison {
  std::string categorie;
  int64_t recorded_rest = 0, alternative_rest = 0;
  std::optional<Rational> recorded_p, alternative_p;  // none: no remainder or a shortfall
  int64_t recorded_shortfall = 0, alternative_shortfall = 0;
  bool differs() const;
};

struct Comparison {
  std::vector<OutcomeRow> rows;
  std::vector<CategoryComparison> categories;  // regulier, amv
  size_t differing_rows() const;
  bool any_difference() const;
};

// Throws std::invalid_argument when the run lacks its result records.
Comparison compare_outcomes(const Run& recorded, const method::Decision& alternative);

}  // namespace verdeel::decision
