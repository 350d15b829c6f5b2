#pragma once
// Reading and validating a case directory (INTERFACE.md, "Input: a case
// directory"). load_case reads every file, checks everything INTERFACE.md
// lists as bad input, and returns either the rows that become input records
// or every problem found (never just the first).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/canonical_json.h"

namespace verdeel::casefile {

// One input row, to become one ledger record. Kinds and bodies:
//   gemeenten.csv      input.gemeente     subject code  {"code","naam","provincie"}
//   opgave.csv         input.opgave       subject ""    {"provincie","regulier","amv"}
//   indicatief.csv     input.indicatief   subject code  {"gemeente","regulier","amv"}
//   verslag.csv        input.verslag      subject code  {"gemeente","regulier","amv"}
//   kansrijk.csv       input.kansrijk     subject code  {"gemeente","regulier","amv","criteria":[sorted, unique]}
//   historie.csv       input.historie     subject code  {"gemeente","gemiddeld":R}
//   oekraine.csv       input.oekraine     subject code  {"gemeente","plaatsen":R,"evenredig":R}
//   uitruil.csv        input.uitruil      subject van   {"van","voor","categorie","plaatsen"}
//   uitruilgroepen.csv input.uitruilgroep subject code  {"groep","gemeente"}
//   beleid.json        input.beleid       subject ""    the policy overrides as given, one row per province
// Municipalities by CBS code, counts as JSON integers, R as verdeel::to_json(Rational).
struct Row {
  std::string file;      // "verslag.csv"
  int line = 0;          // 1-based line in the file (the header is line 1); 1 for beleid.json
  std::string kind;      // "input.verslag"
  std::string province;  // province the row belongs to
  std::string subject;   // municipality code, or "" for province-level rows
  Json body;
};

struct Problem {
  std::string file;  // path of the file: the case directory joined with the file name
  int line = 0;      // 1-based; 0 when the problem is about the file as a whole
  std::string message;
  // "dir/file:line: message", the line left out when 0.
  std::string str() const;
};

struct CaseData {
  std::vector<std::string> provinces;              // sorted; those with at least one municipality
  std::vector<Row> rows;                           // in the file order above, then line order
  std::map<std::string, std::string> file_sha256;  // file name -> hex SHA-256 of its bytes, for files present
  std::vector<std::string> ignored;                // other entries of the folder, not read (casefile/folder.h)
};

struct LoadResult {
  std::optional<CaseData> data;  // only when problems is empty
  std::vector<Problem> problems;  // the first Problems::kKept (casefile/sheet.h)
  size_t more_problems = 0;       // found beyond those listed
};

// Never throws for bad input; problems are in file order, then line order
// (checks that span files come after the rows of the file they are reported at).
LoadResult load_case(const std::string& dir);

}  // namespace verdeel::casefile
