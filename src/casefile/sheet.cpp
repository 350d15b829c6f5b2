#include "casefile/sheet.h"

#include <fstream>

#include "casefile/text.h"
#include "util/sha256.h"

namespace verdeel::casefile {

namespace fs = std::filesystem;

std::string Problem::str() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + message;
}

void Problems::add(const std::string& file, int line, std::string message) {
  if (list_.size() < kKept)
    list_.push_back({(dir_ / file).string(), line, std::move(message)});
  else
    ++more_;
}

void Problems::append(Problems&& other) {
  for (auto& p : other.list_) {
    if (list_.size() < kKept)
      list_.push_back(std::move(p));
    else
      ++more_;
  }
  more_ += other.more_;
  other.list_.clear();
  other.more_ = 0;
}

std::optional<std::string> read_bytes(const fs::path& path, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = "is a directory, not a file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot be read";
    return std::nullopt;
  }
  // Read once into room made for it: through a string stream the bytes were held twice.
  std::string bytes;
  if (const auto size = fs::file_size(path, ec); !ec) bytes.reserve(static_cast<size_t>(size));
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) bytes.append(chunk, static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    error = "cannot be read";
    return std::nullopt;
  }
  return bytes;
}

std::optional<Sheet> read_sheet(const fs::path& dir, const std::string& file, const std::vector<std::string>& columns,
                                bool required, Problems& problems, std::map<std::string, std::string>& file_sha256) {
  const fs::path path = dir / file;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (required) problems.add(file, 0, "required file is missing");
    return std::nullopt;
  }
  std::string error;
  std::optional<std::string> bytes = read_bytes(path, error);
  if (!bytes) {
    problems.add(file, 0, error);
    return std::nullopt;
  }
  file_sha256[file] = to_hex(sha256(*bytes));

  CsvTable table = parse_csv(*bytes);
  for (const auto& e : table.errors) problems.add(file, e.line, e.message);
  if (table.header.empty()) return std::nullopt;

  std::string expected;
  for (const auto& c : columns) expected += (expected.empty() ? "" : ", ") + c;
  Sheet sheet;
  sheet.file = file;
  bool usable = true;
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string& name = table.header[i];
    bool known = false;
    for (const auto& c : columns) known = known || c == name;
    if (!known) {
      problems.add(file, 1,
                   name.empty() ? "empty column name (one separator too many?); columns are: " + expected
                                : "unknown column " + quote(name) + "; columns are: " + expected);
      usable = false;
    } else if (!sheet.columns.emplace(name, i).second) {
      problems.add(file, 1, "column " + quote(name) + " appears twice");
      usable = false;
    }
  }
  for (const auto& c : columns) {
    if (!sheet.columns.count(c)) {
      problems.add(file, 1, "missing column " + quote(c) + " (separator '" + std::string(1, table.separator) + "')");
      usable = false;
    }
  }
  if (!usable) return std::nullopt;
  sheet.rows = std::move(table.rows);
  return sheet;
}

}  // namespace verdeel::casefile
