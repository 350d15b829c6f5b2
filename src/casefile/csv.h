#pragma once
// Reading one CSV file of a case directory (INTERFACE.md, "Input: a case
// directory"): UTF-8 with an optional BOM, one header row, separator `,` or
// `;` detected from the header (or named by a first line `sep=;` or `sep=,`,
// as Excel writes it; the header follows it), fields optionally quoted with "" as the
// escape of a quote, separators and line breaks allowed inside quotes, CRLF
// or LF line ends, empty lines ignored.
//
// This layer knows only the syntax. What the columns mean is the loader's.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verdeel::casefile {

struct CsvRow {
  int line = 0;                     // 1-based line where the row starts
  std::vector<std::string> fields;  // as many as the header has names
};

struct CsvError {
  int line = 0;  // 1-based; 0 for the file as a whole
  std::string message;
};

struct CsvTable {
  char separator = ',';
  std::vector<std::string> header;  // trimmed and in ASCII lower case
  std::vector<CsvRow> rows;         // rows with the wrong number of fields are left out (and reported)
  std::vector<CsvError> errors;     // empty when the file is well formed
};

// The most rows (data rows and malformed ones) a case file is read for: a case file holds a row
// per municipality, initiative or exchange (the country has 342 municipalities), and a file of
// millions of rows is a mistake, read in bounded memory: reading stops with an error there.
inline constexpr size_t kMaxCsvRows = 100000;

// Never throws. Invalid UTF-8 refuses the whole file (no header, no rows).
// Unquoted fields are trimmed of spaces and tabs; quoted fields are kept as
// written. A row whose fields are all empty is skipped like an empty line.
CsvTable parse_csv(std::string_view bytes);

}  // namespace verdeel::casefile
