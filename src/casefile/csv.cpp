#include "casefile/csv.h"

#include <optional>

#include "casefile/text.h"
#include "util/utf8.h"

namespace verdeel::casefile {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The line of byte `offset`, counting CRLF, LF and lone CR as one break each.
int line_of(std::string_view s, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
  }
  return line;
}

// The first byte at which `s` stops being valid UTF-8.
size_t first_invalid_utf8(std::string_view s) {
  size_t lo = 0;
  // Find the first line that is invalid, then report that line; a line
  // boundary never splits a valid sequence, so checking line by line is exact.
  while (lo < s.size()) {
    size_t hi = s.find('\n', lo);
    if (hi == std::string_view::npos) hi = s.size();
    if (!utf8::valid(s.substr(lo, hi - lo))) return lo;
    lo = hi + 1;
  }
  return s.size();
}

// Counts separators outside quotes on the header line and picks the one that
// occurs; `;` wins a tie only when it occurs at all and `,` does not occur more.
char detect_separator(std::string_view s) {
  size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

// Excel's way of naming the separator: a first line "sep=;" (or "sep=,"), before the header.
// Returns the text after "sep=" when the first line is such a line, else nothing.
std::optional<std::string_view> sep_line(std::string_view s) {
  const size_t end = s.find_first_of("\r\n");
  std::string_view first = s.substr(0, end);
  if (first.size() < 4 || ascii_lower(first.substr(0, 4)) != "sep=") return std::nullopt;
  return first.substr(4);
}

class Parser {
 public:
  Parser(std::string_view s, char sep) : s_(s), sep_(sep) {}

  bool done() const { return pos_ >= s_.size(); }
  int line() const { return line_; }
  // Passes over the rest of the current line (the `sep=` line).
  void skip_line() { skip_to_line_end(); }

  // Reads one row starting at the current position. Returns false (and sets
  // `error`) on a syntax error; the position then moves past that line.
  bool row(std::vector<std::string>& fields, std::string& error) {
    fields.clear();
    for (;;) {
      std::string field;
      bool end_of_row = false;
      if (!one_field(field, end_of_row, error)) {
        skip_to_line_end();
        return false;
      }
      fields.push_back(std::move(field));
      if (end_of_row) return true;
    }
  }

 private:
  bool at_line_end() const { return pos_ >= s_.size() || s_[pos_] == '\n' || s_[pos_] == '\r'; }

  // Consumes one line break (CRLF, LF or CR) if there is one.
  void eat_line_end() {
    if (pos_ < s_.size() && s_[pos_] == '\r') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
    ++line_;
  }

  void skip_to_line_end() {
    while (!at_line_end()) ++pos_;
    eat_line_end();
  }

  void skip_blanks() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }

  // After a field: a separator (more fields follow) or a line end (row ends).
  bool after_field(bool& end_of_row, std::string& error) {
    skip_blanks();
    if (at_line_end()) {
      end_of_row = true;
      eat_line_end();
      return true;
    }
    if (s_[pos_] == sep_) {
      ++pos_;
      return true;
    }
    error = "unexpected text after a closing quote";
    return false;
  }

  bool one_field(std::string& field, bool& end_of_row, std::string& error) {
    skip_blanks();
    if (pos_ < s_.size() && s_[pos_] == '"') {
      const int start_line = line_;
      ++pos_;
      for (;;) {
        if (pos_ >= s_.size()) {
          line_ = start_line;
          error = "quoted field is not closed";
          return false;
        }
        char c = s_[pos_++];
        if (c == '"') {
          if (pos_ < s_.size() && s_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
            continue;
          }
          return after_field(end_of_row, error);
        }
        if (c == '\n' || (c == '\r' && (pos_ >= s_.size() || s_[pos_] != '\n'))) ++line_;
        field.push_back(c);
      }
    }
    size_t start = pos_;
    while (!at_line_end() && s_[pos_] != sep_) ++pos_;
    field = std::string(trim(s_.substr(start, pos_ - start)));
    if (at_line_end()) {
      end_of_row = true;
      eat_line_end();
    } else {
      ++pos_;  // the separator
    }
    return true;
  }

  std::string_view s_;
  char sep_;
  size_t pos_ = 0;
  int line_ = 1;
};

bool all_empty(const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    if (!f.empty()) return false;
  }
  return true;
}

}  // namespace

CsvTable parse_csv(std::string_view bytes) {
  CsvTable table;
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  size_t bad = first_invalid_utf8(bytes);
  if (bad < bytes.size()) {
    table.errors.push_back({line_of(bytes, bad), "not valid UTF-8 (save the file as UTF-8)"});
    return table;
  }
  const auto declared = sep_line(bytes);
  if (declared && *declared != "," && *declared != ";") {
    table.errors.push_back({1, "the first line names the separator '" + std::string(*declared) +
                                   "'; only ',' and ';' are accepted"});
    return table;
  }
  table.separator = declared ? declared->front() : detect_separator(bytes);
  Parser parser(bytes, table.separator);
  if (declared) parser.skip_line();  // the header follows on the next line
  std::vector<std::string> fields;
  bool have_header = false;
  // A row (or malformed row) beyond kMaxCsvRows ends the reading, with an error at its line.
  auto room = [&](int line) {
    if (table.rows.size() + table.errors.size() < kMaxCsvRows) return true;
    table.errors.push_back({line, "more than " + std::to_string(kMaxCsvRows) +
                                      " rows: a case file holds a row per municipality, initiative or exchange; the "
                                      "rest of the file is not read, nor its problems counted"});
    return false;
  };
  while (!parser.done()) {
    const int line = parser.line();
    std::string error;
    if (!parser.row(fields, error)) {
      if (!room(line)) break;
      table.errors.push_back({line, error});
      if (!have_header) return table;
      continue;
    }
    if (all_empty(fields)) continue;
    if (have_header && !room(line)) break;
    if (!have_header) {
      for (auto& f : fields) table.header.push_back(ascii_lower(f));
      have_header = true;
      continue;
    }
    if (fields.size() != table.header.size()) {
      table.errors.push_back({line, "row has " + std::to_string(fields.size()) + " fields, the header has " +
                                        std::to_string(table.header.size()) + " (separator '" +
                                        std::string(1, table.separator) + "')"});
      continue;
    }
    table.rows.push_back({line, fields});
  }
  if (!have_header && table.errors.empty()) table.errors.push_back({0, "empty file: no header row"});
  return table;
}

}  // namespace verdeel::casefile
