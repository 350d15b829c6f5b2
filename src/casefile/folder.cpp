#include "casefile/folder.h"

#include <algorithm>

#include "casefile/text.h"

namespace verdeel::casefile {
namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string stem(std::string_view name) {
  const size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

std::string all_inputs() {
  std::string out;
  for (const auto& f : known_files()) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

const std::vector<std::string>& known_files() {
  static const std::vector<std::string> files = {
      "gemeenten.csv", "opgave.csv",   "indicatief.csv", "verslag.csv",        "kansrijk.csv",
      "historie.csv",  "oekraine.csv", "uitruil.csv",    "uitruilgroepen.csv", "beleid.json"};
  return files;
}

std::string nearest_known_file(std::string_view name) {
  if (name.size() > 32) return "";  // beyond any input's name by more than a slip (the longest has 18 bytes)
  const std::string lower = ascii_lower(name);
  std::string best;
  size_t best_distance = 4;  // at most three edits: a letter, an accent (two bytes), a plural
  for (const auto& known : known_files()) {
    const size_t d = edit_distance(lower, known);
    if (d < best_distance) {
      best_distance = d;
      best = known;
    }
  }
  return best;
}

// The name a file was most likely meant to have, as a slip makes it: lower case, without trailing
// spaces and dots, a copy's " (1)" or " - kopie" taken off its stem; "historie (1).CSV " ->
// "historie.csv". Its extension is kept ("verslag.tsv").
std::string meant_name(std::string_view name) {
  std::string lower = ascii_lower(name);
  while (!lower.empty() && (lower.back() == ' ' || lower.back() == '.')) lower.pop_back();
  const size_t dot = lower.rfind('.');
  std::string base = dot == std::string::npos ? lower : lower.substr(0, dot);
  const std::string ext = dot == std::string::npos ? "" : lower.substr(dot);
  for (const char* copy : {" - kopie", " - copy", " kopie", " copy"})
    if (ends_with(base, copy)) base.resize(base.size() - std::string_view(copy).size());
  if (base.size() > 4 && base.back() == ')') {  // " (1)", " (12)"
    const size_t open = base.rfind(" (");
    if (open != std::string::npos && open + 2 < base.size() - 1 &&
        std::all_of(base.begin() + static_cast<std::ptrdiff_t>(open + 2), base.end() - 1, [](char c) { return c >= '0' && c <= '9'; }))
      base.resize(open);
  }
  return base + ext;
}

FolderEntry classify_entry(const std::string& name, bool is_directory, const std::set<std::string>& siblings) {
  using K = FolderEntry::Kind;
  const auto& known = known_files();
  if (std::find(known.begin(), known.end(), name) != known.end()) return {K::input, ""};
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return {K::hidden, ""};
  if (is_directory) return {K::other, ""};
  const std::string lower = ascii_lower(name);
  if (std::find(known.begin(), known.end(), lower) != known.end())
    return {K::refused, "file name must be '" + lower + "' exactly (lower case): as it is, it would not be read"};
  // An input's name with more after it: "historie.csv.csv" or "historie.csv.txt" (extensions
  // hidden by the system), "historie.csv " (a space).
  for (const auto& k : known)
    if (lower.rfind(k, 0) == 0)
      return {K::refused, "file name must be '" + k + "' exactly: as it is, it would not be read"};
  const std::string meant = meant_name(name);
  const bool data = ends_with(meant, ".csv") || ends_with(meant, ".tsv") || ends_with(meant, ".json") ||
                    ends_with(meant, ".txt");
  const bool spreadsheet = ends_with(meant, ".xlsx") || ends_with(meant, ".xls") || ends_with(meant, ".ods");
  if (data) {
    // A name a slip away from an input's: refused. Any other data file (an `expected.json` beside
    // an example, a list of sources) is not read, and named.
    if (const std::string near = nearest_known_file(meant); !near.empty())
      return {K::refused, "not an input file, so it would not be read; did you mean '" + near + "'? (the inputs are " +
                              all_inputs() + ")"};
  }
  if (spreadsheet) {
    // A spreadsheet named as an input (or a slip away from one) whose CSV export is missing: the
    // export was forgotten.
    const std::string csv = nearest_known_file(stem(meant) + ".csv");
    const bool exported = siblings.count(csv) > 0;
    if (!csv.empty() && ends_with(csv, ".csv") && !exported)
      return {K::refused, "verdeel reads CSV, not spreadsheets: save it as '" + csv + "' (CSV UTF-8), or it is not read"};
  }
  return {K::other, ""};
}

}  // namespace verdeel::casefile
