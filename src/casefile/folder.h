#pragma once
// What a case folder holds beside its inputs. Every input has a fixed name (INTERFACE.md), and a
// file that is not read changes the decision unseen: an `oekraïne.csv` or `uitruilgroep.csv` would
// switch the Ukraine or exchange-group rule off for the whole province. So a CSV or JSON file whose
// name is a slip away from an input's (another case, an accent, a plural), and a spreadsheet named
// as an input without its CSV export, are refused, with the input meant; other files (notes, the
// province's letter, an example's expected.json) are left alone, and import names them.
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace verdeel::casefile {

// The names of every input file, required and optional, in the order they are read.
const std::vector<std::string>& known_files();

struct FolderEntry {
  enum class Kind {
    input,    // one of known_files()
    refused,  // looks like an input but is none; `problem` says why
    other,    // not read, and named as such (a note, a PDF, a folder)
    hidden,   // not read, not named: ".DS_Store", "~$verslag.xlsx" (a spreadsheet's lock file)
  };
  Kind kind = Kind::other;
  std::string problem;
};

// What the entry `name` of a case folder is; `siblings` are the names of every entry beside it, in
// lower case (a spreadsheet next to its CSV export is the export's source, not a missing input).
// Pure.
FolderEntry classify_entry(const std::string& name, bool is_directory, const std::set<std::string>& siblings);

// The known file nearest to `name` (edit distance, ignoring case), when it is near enough to be a
// slip of the keyboard or of a spelling ("oekraïne.csv", "uitruilgroep.csv"); else empty.
std::string nearest_known_file(std::string_view name);

}  // namespace verdeel::casefile
