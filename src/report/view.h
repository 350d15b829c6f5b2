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
};

// Throws std::invalid_argument when the run lacks its result records.
DecisionView view_of(const decision::Run& run);

PerCategory per_category(const Json& j);

}  // namespace verdeel::report
