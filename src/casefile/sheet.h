#pragma once
// One CSV file of a case directory with its columns checked against what the
// file must hold: the step between csv.h (syntax) and the loader (meaning).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "casefile/casefile.h"
#include "casefile/csv.h"

namespace verdeel::casefile {

struct Sheet {
  std::string file;                       // "verslag.csv"
  std::vector<CsvRow> rows;               // well-formed rows only
  std::map<std::string, size_t> columns;  // lower-case name -> field index

  const std::string& at(const CsvRow& row, const std::string& column) const { return row.fields[columns.at(column)]; }
};

// Collects problems with the case directory's path in front of the file name: the first kKept in
// full, the rest only counted, so that a file of millions of bad rows is refused in bounded memory.
class Problems {
 public:
  static constexpr size_t kKept = 1000;
  explicit Problems(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void add(const std::string& file, int line, std::string message);
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size() + more_; }  // every problem found
  size_t more() const { return more_; }                 // found beyond those kept
  std::vector<Problem> take() { return std::move(list_); }
  // Adds another collection's problems after these, in their order.
  void append(Problems&& other);

 private:
  std::filesystem::path dir_;
  std::vector<Problem> list_;
  size_t more_ = 0;
};

// The bytes of a file; nullopt with `error` set when it cannot be read.
std::optional<std::string> read_bytes(const std::filesystem::path& path, std::string& error);

// Reads dir/file and checks that its header holds exactly `columns` (in any
// order and case). Records the SHA-256 of a file that exists. Returns nullopt
// when the file is absent (a problem only when `required`) or its header is
// unusable; syntax errors of single rows are reported and those rows left out.
std::optional<Sheet> read_sheet(const std::filesystem::path& dir, const std::string& file,
                                const std::vector<std::string>& columns, bool required, Problems& problems,
                                std::map<std::string, std::string>& file_sha256);

}  // namespace verdeel::casefile
