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

FolderEntry classify_entry(const std::string& name, bool is_directory, const std::vector<std::string>& siblings) {
  using K = FolderEntry::Kind;
  const auto& known = known_files();
  if (std::find(known.begin(), known.end(), name) != known.end()) return {K::input, ""};
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return {K::hidden, ""};
  if (is_directory) return {K::other, ""};
  const std::string lower = ascii_lower(name);
  if (std::find(known.begin(), known.end(), lower) != known.end())
    return {K::refused, "file name must be '" + lower + "' exactly (lower case): as it is, it would not be read"};
  const bool data = ends_with(lower, ".csv") || ends_with(lower, ".tsv") || ends_with(lower, ".json");
  const bool spreadsheet = ends_with(lower, ".xlsx") || ends_with(lower, ".xls") || ends_with(lower, ".ods");
  if (data) {
    // A name a slip away from an input's: refused. Any other data file (an `expected.json` beside
    // an example, a list of sources) is not read, and named.
    if (const std::string near = nearest_known_file(name); !near.empty())
      return {K::refused, "not an input file, so it would not be read; did you mean '" + near + "'? (the inputs are " +
                              all_inputs() + ")"};
  }
  if (spreadsheet) {
    // A spreadsheet named as an input whose CSV export is missing: the export was forgotten.
    const std::string csv = ascii_lower(stem(name)) + ".csv";
    const bool input = std::find(known.begin(), known.end(), csv) != known.end();
    const bool exported = std::any_of(siblings.begin(), siblings.end(),
                                      [&](const std::string& s) { return ascii_lower(s) == csv; });
    if (input && !exported)
      return {K::refused, "verdeel reads CSV, not spreadsheets: save it as '" + csv + "' (CSV UTF-8), or it is not read"};
  }
  return {K::other, ""};
}

}  // namespace verdeel::casefile
