#include <catch2/catch.hpp>

#include "casefile/csv.h"

using verdeel::casefile::parse_csv;

TEST_CASE("a comma separated file gives its header and rows", "[casefile]") {
  auto t = parse_csv("code,naam,provincie\nGM0106,Assen,Drenthe\nGM0114,Emmen,Drenthe\n");
  REQUIRE(t.errors.empty());
  CHECK(t.separator == ',');
  CHECK(t.header == std::vector<std::string>{"code", "naam", "provincie"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == std::vector<std::string>{"GM0106", "Assen", "Drenthe"});
  CHECK(t.rows[1].line == 3);
}

TEST_CASE("a semicolon separated file is detected from its header", "[casefile]") {
  auto t = parse_csv("gemeente;regulier;amv\nAssen;1.000;0,5\n");
  REQUIRE(t.errors.empty());
  CHECK(t.separator == ';');
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{"Assen", "1.000", "0,5"});
}

TEST_CASE("a byte order mark before the header is ignored", "[casefile]") {
  auto t = parse_csv("\xEF\xBB\xBFgemeente,regulier\nAssen,1\n");
  REQUIRE(t.errors.empty());
  CHECK(t.header[0] == "gemeente");
}

TEST_CASE("column names are brought to lower case and trimmed", "[casefile]") {
  auto t = parse_csv("Gemeente , REGULIER\nAssen,1\n");
  REQUIRE(t.errors.empty());
  CHECK(t.header == std::vector<std::string>{"gemeente", "regulier"});
}

TEST_CASE("quoted fields hold separators, escaped quotes and line breaks", "[casefile]") {
  auto t = parse_csv("naam,x\n\"Bergen (L.), \"\"Limburg\"\"\",1\n\"two\nlines\",2\nlast,3\n");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].fields[0] == "Bergen (L.), \"Limburg\"");
  CHECK(t.rows[1].fields[0] == "two\nlines");
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[2].line == 5);
}

TEST_CASE("CRLF line ends and blank trailing lines are accepted", "[casefile]") {
  auto t = parse_csv("a;b\r\n1;2\r\n3;4\r\n\r\n\r\n");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == std::vector<std::string>{"3", "4"});
  CHECK(t.rows[1].line == 3);
}

TEST_CASE("a last line without a line end is read", "[casefile]") {
  auto t = parse_csv("a,b\n1,2");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields[1] == "2");
}

TEST_CASE("rows of only empty fields are skipped like empty lines", "[casefile]") {
  auto t = parse_csv("a;b\n1;2\n;\n\n3;4\n");
  REQUIRE(t.errors.empty());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].line == 5);
}

TEST_CASE("a row with the wrong number of fields is reported with its line", "[casefile]") {
  auto t = parse_csv("a,b,c\n1,2,3\n1,2\n4,5,6\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 3);
  CHECK_THAT(t.errors[0].message, Catch::Contains("2 fields") && Catch::Contains("header has 3"));
  CHECK(t.rows.size() == 2);
}

TEST_CASE("invalid UTF-8 refuses the file and names the line", "[casefile]") {
  auto t = parse_csv("a,b\n1,2\nCaf\xE9,3\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 3);
  CHECK_THAT(t.errors[0].message, Catch::Contains("UTF-8"));
  CHECK(t.rows.empty());
}

TEST_CASE("a quoted field that is never closed is reported at the row's first line", "[casefile]") {
  auto t = parse_csv("a,b\n1,2\n\"open,3\n4,5\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 3);
  CHECK_THAT(t.errors[0].message, Catch::Contains("not closed"));
}

TEST_CASE("text after a closing quote is reported", "[casefile]") {
  auto t = parse_csv("a,b\n\"x\"y,2\n3,4\n");
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == 2);
  CHECK(t.rows.size() == 1);
}

TEST_CASE("an empty file is reported as having no header", "[casefile]") {
  auto t = parse_csv("");
  REQUIRE(t.errors.size() == 1);
  CHECK_THAT(t.errors[0].message, Catch::Contains("no header"));
  auto bom_only = parse_csv("\xEF\xBB\xBF\n\n");
  REQUIRE(bom_only.errors.size() == 1);
}

TEST_CASE("a field of 10,000 characters is read whole", "[casefile]") {
  std::string name(10000, 'x');
  auto t = parse_csv("naam,b\n" + name + ",1\n");
  REQUIRE(t.errors.empty());
  CHECK(t.rows[0].fields[0].size() == 10000);
}

TEST_CASE("any mix of quotes, separators and line breaks parses without crashing", "[casefile]") {
  const std::string alphabet = "\",;\n\r a1\xC3\xA9";
  uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    const size_t n = next() % 60;
    for (size_t k = 0; k < n; ++k) text.push_back(alphabet[next() % alphabet.size()]);
    auto t = parse_csv(text);
    for (const auto& row : t.rows) {
      CHECK(row.fields.size() == t.header.size());
      CHECK(row.line >= 2);
    }
    for (const auto& e : t.errors) CHECK(e.line >= 0);
  }
}

TEST_CASE("a first line sep= naming a semicolon or a comma, as Excel writes it, names the separator", "[casefile]") {
  for (const char* first : {"sep=;\n", "SEP=;\r\n", "\xEF\xBB\xBFsep=;\n"}) {
    INFO(first);
    auto t = parse_csv(std::string(first) + "gemeente;regulier;amv\nAssen;1.000;0,5\n");
    REQUIRE(t.errors.empty());
    CHECK(t.separator == ';');
    CHECK(t.header == std::vector<std::string>{"gemeente", "regulier", "amv"});
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].line == 3);  // lines are counted as in the file, the sep= line included
    CHECK(t.rows[0].fields == std::vector<std::string>{"Assen", "1.000", "0,5"});
  }
  // It wins over what the header would suggest.
  auto t = parse_csv("sep=,\ngemeente,naam\nAssen,\"Drenthe; noord\"\n");
  REQUIRE(t.errors.empty());
  CHECK(t.separator == ',');
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{"Assen", "Drenthe; noord"});
  // Any other separator is refused, naming it.
  auto tab = parse_csv("sep=\t\ngemeente\tregulier\n");
  REQUIRE(tab.errors.size() == 1);
  CHECK(tab.errors[0].line == 1);
  CHECK(tab.errors[0].message == "the first line names the separator '\t'; only ',' and ';' are accepted");
  CHECK(tab.header.empty());
  // A column that happens to be called "sep" is a header like any other.
  auto col = parse_csv("sep,x\n1,2\n");
  REQUIRE(col.errors.empty());
  CHECK(col.header == std::vector<std::string>{"sep", "x"});
}

TEST_CASE("reading stops after 100,000 rows with an error at the row where it stopped", "[casefile]") {
  std::string bytes = "a,b\n";
  for (size_t i = 0; i < verdeel::casefile::kMaxCsvRows + 5; ++i) bytes += "1,2\n";
  auto t = verdeel::casefile::parse_csv(bytes);
  CHECK(t.rows.size() == verdeel::casefile::kMaxCsvRows);
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].line == static_cast<int>(verdeel::casefile::kMaxCsvRows) + 2);
  CHECK(t.errors[0].message.rfind("more than 100000 rows", 0) == 0);
  // Exactly at the limit is read whole, also with the empty rows a spreadsheet leaves at the end.
  bytes = "a,b\n";
  for (size_t i = 0; i < verdeel::casefile::kMaxCsvRows; ++i) bytes += "1,2\n";
  bytes += ",\n\n,\n";
  t = verdeel::casefile::parse_csv(bytes);
  CHECK(t.rows.size() == verdeel::casefile::kMaxCsvRows);
  CHECK(t.errors.empty());
}
