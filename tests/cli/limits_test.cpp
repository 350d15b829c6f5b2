// Limits (issue 7): numbers beyond 64 bits, a 100 MB input file, a
// municipality name of 10,000 characters, invalid UTF-8. Each gets a clear
// error or correct handling; never a crash, never a partial write.
#include <catch2/catch.hpp>

#include "cli/cli_fixture.h"
#include "util/canonical_json.h"
#include "cli/spawn.h"

using namespace verdeel::testing;

namespace {

// Every record hash in order: equal before and after means the ledger is unchanged.
std::string ledger_state(const Cli& cli) {
  SQLite::Database d(cli.db, SQLite::OPEN_READONLY);
  SQLite::Statement q(d, "SELECT hash FROM record ORDER BY seq");
  std::string all;
  while (q.executeStep()) all += q.getColumn(0).getString();
  return all;
}

// A ledger with Zuiderland imported and decided, and a copy of Drenthe's case to edit.
struct Limits {
  Cli cli;
  std::filesystem::path dir;
  std::string before;
  Limits() {
    cli.decided("zuid-synthetisch-2024", "Zuiderland");
    dir = cli.copy_example("drenthe-2024");
    before = ledger_state(cli);
  }
  Outcome import() const { return cli.run({"import", "--cycle", "2024", dir.string()}); }
  // The import is refused with exit 2 and `expected` in the message, and the ledger is as it was.
  void refused(const std::string& expected) const {
    auto o = import();
    INFO(o.err.substr(0, 2000));
    REQUIRE(o.status == 2);
    REQUIRE_THAT(o.err, Catch::Contains(expected));
    REQUIRE_THAT(o.err, Catch::Contains("nothing was recorded"));
    REQUIRE(o.err.size() < 4000);
    REQUIRE(ledger_state(cli) == before);
  }
};

const char* const kVerslag = "gemeente,regulier,amv\n"
                             "Aa en Hunze,87,0\nAssen,1000,0\nBorger-Odoorn,0,50\nCoevorden,430,20\n"
                             "De Wolden,0,50\nEmmen,675,50\nHoogeveen,940,0\nMeppel,192,0\n"
                             "Midden-Drenthe,250,0\nNoordenveld,0,43\nTynaarlo,240,50\nWesterveld,0,78\n";

}  // namespace

TEST_CASE("Numbers that do not fit in 64 bits are refused naming file and line", "[cli][limits]") {
  Limits t;
  SECTION("a count of twenty digits") {
    Cli::write(t.dir / "verslag.csv", "gemeente,regulier,amv\nAssen,99999999999999999999,0\n");
    t.refused("verslag.csv:2");
  }
  SECTION("a task one above the largest 64-bit integer, with thousands separators") {
    Cli::write(t.dir / "opgave.csv", "provincie;regulier;amv\nDrenthe;9.223.372.036.854.775.808;229\n");
    t.refused("opgave.csv:2");
  }
  SECTION("a decimal whose numerator does not fit") {
    Cli::write(t.dir / "historie.csv", "gemeente;gemiddeld\nAssen;92233720368547758070,5\n");
    t.refused("historie.csv:2");
  }
  SECTION("a decimal with more places than a 64-bit denominator holds") {
    Cli::write(t.dir / "historie.csv", "gemeente;gemiddeld\nAssen;1,00000000000000000000001\n");
    t.refused("historie.csv:2");
  }
}

// Found by this test under UBSan: two counts of 2^63-1 were accepted and their sum
// overflowed in the method. Counts are now bounded at import (casefile/numbers.h).
TEST_CASE("Counts that fit in 64 bits but whose sums would not are refused at import", "[cli][limits]") {
  Limits t;
  const std::string max = "9223372036854775807";
  Cli::write(t.dir / "verslag.csv", "gemeente,regulier,amv\nAssen," + max + ",0\nEmmen," + max + ",0\n");
  t.refused("verslag.csv:2");
  t.refused("too large");
  t.refused("verslag.csv:3");
}

TEST_CASE("A 100 MB file of blank rows around real ones is read whole and correctly", "[cli][limits]") {
  Limits t;
  std::string big = "gemeente,regulier,amv\n";
  const std::string blank = ",,\r\n";
  big.reserve(100u << 20);
  while (big.size() < (100u << 20)) big += blank;
  const size_t blank_lines = (big.size() - 22) / blank.size();
  big += std::string(kVerslag).substr(22);  // the rows after the header
  Cli::write(t.dir / "verslag.csv", big);
  REQUIRE(std::filesystem::file_size(t.dir / "verslag.csv") > (100u << 20));
  auto o = t.import();
  INFO(o.err.substr(0, 2000));
  REQUIRE(o.status == 0);
  auto dec = t.cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"});
  REQUIRE(dec.status == 0);
  auto show = t.cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "json"});
  auto j = verdeel::Json::parse(show.out);
  REQUIRE(j["report"]["regulier"] == 3814);
  REQUIRE(j["report"]["amv"] == 341);
  (void)blank_lines;
}

TEST_CASE("A 100 MB number in one field is refused with a short message", "[cli][limits]") {
  Limits t;
  std::string big = "gemeente,regulier,amv\nAssen,";
  big.append(100u << 20, '7');
  big += ",0\n";
  Cli::write(t.dir / "verslag.csv", big);
  t.refused("verslag.csv:2");
}

TEST_CASE("A municipality name of 10,000 characters is recorded and shown whole", "[cli][limits]") {
  Limits t;
  std::string name;
  for (int i = 0; i < 2500; ++i) name += "Aé東𝔸";  // 1, 2, 3 and 4 bytes in UTF-8: 10,000 characters
  for (const char* file : {"gemeenten.csv", "indicatief.csv", "verslag.csv"}) {
    auto text = slurp(t.dir / file);
    auto at = text.find("Assen,");
    REQUIRE(at != std::string::npos);
    text.replace(at, 5, name);
    Cli::write(t.dir / file, text);
  }
  auto o = t.import();
  INFO(o.err.substr(0, 2000));
  REQUIRE(o.status == 0);
  REQUIRE(t.cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  auto show = t.cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "json"});
  REQUIRE(show.status == 0);
  auto j = verdeel::Json::parse(show.out);
  bool found = false;
  for (const auto& m : j["municipalities"])
    if (m["code"] == "GM0106") {
      found = true;
      REQUIRE(m["name"] == name);
      REQUIRE(m["regulier"] == 1000);
    }
  REQUIRE(found);
  REQUIRE(t.cli.run({"verify"}).status == 0);
}

TEST_CASE("Invalid UTF-8 in a CSV file is refused naming file and line, and nothing is recorded",
          "[cli][limits]") {
  Limits t;
  SECTION("a stray byte 0xFF in a name") {
    auto s = slurp(t.dir / "indicatief.csv");
    s.replace(s.find("Emmen"), 5, "Em\xFFmen");
    Cli::write(t.dir / "indicatief.csv", s);
    t.refused("indicatief.csv:7");
  }
  SECTION("an overlong encoding of '/'") {
    Cli::write(t.dir / "verslag.csv", std::string(kVerslag) + "\xC0\xAF,1,1\n");
    t.refused("verslag.csv:14");
  }
  SECTION("an encoded UTF-16 surrogate") {
    auto s = slurp(t.dir / "gemeenten.csv");
    s.replace(s.find("Meppel"), 6, "Mep\xED\xA0\x80pel");
    Cli::write(t.dir / "gemeenten.csv", s);
    t.refused("gemeenten.csv:9");
  }
  SECTION("a sequence cut off at the end of the file") {
    Cli::write(t.dir / "opgave.csv", "provincie,regulier,amv\nDrenthe,2462,229\xE2\x82");
    t.refused("opgave.csv:2");
  }
}

TEST_CASE("A file of a million bad rows is refused: read to 100,000 rows, a thousand problems listed, the rest counted",
          "[cli][limits]") {
  Limits t;
  std::string bad = "gemeente,regulier,amv\n";
  for (int i = 0; i < 1000000; ++i) bad += "GM9999,1,1\n";
  Cli::write(t.dir / "verslag.csv", bad);
  auto o = t.import();
  REQUIRE(o.status == 2);
  CHECK_THAT(o.err, Catch::Contains("verslag.csv:2: column gemeente: unknown municipality 'GM9999'"));
  // The file's syntax problem first (the row limit), then 999 rows' problems.
  CHECK_THAT(o.err, Catch::Contains("verslag.csv:1000: "));
  CHECK_THAT(o.err, !Catch::Contains("verslag.csv:1001: "));
  // Reading stops after 100,000 rows, with a problem of its own at the row where it stopped.
  CHECK_THAT(o.err, Catch::Contains("verslag.csv:100002: more than 100000 rows: a case file holds a row per "
                                    "municipality, initiative or exchange; the rest of the file is not read"));
  CHECK_THAT(o.err, Catch::Contains("\n... and 99001 more problems\nimport refused: 100001 problems; nothing was recorded"));
  CHECK(ledger_state(t.cli) == t.before);
}

TEST_CASE("A NUL byte in a field is named as an escape, and the whole message is given", "[cli][limits]") {
  Limits t;
  Cli::write(t.dir / "verslag.csv", std::string("gemeente,regulier,amv\nAa en Hunze,87,0\nAssen,10") + '\0' + "00,0\n");
  t.refused("verslag.csv:3: column regulier: '10\\x0000' is not a");
}
