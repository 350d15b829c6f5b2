// What a case folder holds beside its inputs (casefile/folder.h): a file a slip away from an
// input's name is refused, since it would not be read; other files are named, not refused.
#include <catch2/catch.hpp>

#include "casefile/folder.h"

using verdeel::casefile::classify_entry;
using verdeel::casefile::FolderEntry;
using verdeel::casefile::known_files;
using verdeel::casefile::nearest_known_file;
using K = FolderEntry::Kind;

namespace {
FolderEntry entry(const std::string& name, const std::set<std::string>& siblings = {}) {
  return classify_entry(name, false, siblings);
}
}  // namespace

TEST_CASE("Every input file is an input, and only under its exact name", "[casefile][folder]") {
  for (const auto& f : known_files()) CHECK(entry(f).kind == K::input);
  auto upper = entry("Historie.csv");
  CHECK(upper.kind == K::refused);
  CHECK_THAT(upper.problem, Catch::Contains("must be 'historie.csv' exactly"));
}

TEST_CASE("A CSV or JSON file a slip away from an input is refused, naming the input meant", "[casefile][folder]") {
  const std::pair<const char*, const char*> slips[] = {
      {"oekra\xC3\xAFne.csv", "oekraine.csv"},  // an accent the file name must not have
      {"uitruilgroep.csv", "uitruilgroepen.csv"},
      {"gemeente.csv", "gemeenten.csv"},
      {"opgaven.csv", "opgave.csv"},
      {"verslag.tsv", "verslag.csv"},
      {"beleid.jsn.json", ""},  // too far from any: not a slip
      {"kansrijk .csv", "kansrijk.csv"},
  };
  for (const auto& [name, meant] : slips) {
    INFO(name);
    CHECK(nearest_known_file(name) == meant);
    auto e = entry(name);
    if (*meant) {
      CHECK(e.kind == K::refused);
      CHECK_THAT(e.problem, Catch::Contains(std::string("did you mean '") + meant + "'?"));
    } else {
      CHECK(e.kind == K::other);
    }
  }
}

TEST_CASE("An input's name with more after it, or a copy's name, is refused too", "[casefile][folder]") {
  // Windows hides extensions; a browser saves a second download as "(1)"; a spreadsheet's copy says "kopie".
  const std::pair<const char*, const char*> slips[] = {
      {"historie.csv.csv", "historie.csv"}, {"historie.csv.txt", "historie.csv"}, {"historie.csv ", "historie.csv"},
      {"historie.csv.xlsx", "historie.csv"}, {"historie (1).csv", "historie.csv"}, {"verslag - kopie.csv", "verslag.csv"},
      {"verslag.txt", "verslag.csv"}, {"Beleid (2).json", "beleid.json"},
  };
  for (const auto& [name, meant] : slips) {
    INFO(name);
    auto e = entry(name);
    CHECK(e.kind == K::refused);
    CHECK_THAT(e.problem, Catch::Contains(meant));
  }
  // A spreadsheet a slip away from an input, without that input's CSV.
  auto sheet = entry("oekra\xC3\xAFne.xlsx", {"gemeenten.csv"});
  CHECK(sheet.kind == K::refused);
  CHECK_THAT(sheet.problem, Catch::Contains("save it as 'oekraine.csv'"));
  CHECK(entry("uitruilgroep.xlsx", {"uitruilgroepen.csv"}).kind == K::other);
}

TEST_CASE("Other files are left alone: notes, letters, an example's expected.json, folders", "[casefile][folder]") {
  for (const char* name : {"README.md", "expected.json", "brief-provincie.pdf", "bronnen.csv", "verslag_correctie.csv"})
    CHECK(entry(name).kind == K::other);
  CHECK(classify_entry("oud", true, {}).kind == K::other);
  for (const char* name : {".DS_Store", "~$verslag.xlsx", ".~lock.verslag.csv#"}) CHECK(entry(name).kind == K::hidden);
}

TEST_CASE("A spreadsheet named as an input is refused only when its CSV export is missing", "[casefile][folder]") {
  auto missing = entry("historie.xlsx", {"gemeenten.csv", "historie.xlsx"});
  CHECK(missing.kind == K::refused);
  CHECK_THAT(missing.problem, Catch::Contains("save it as 'historie.csv'"));
  CHECK(entry("historie.xlsx", {"historie.csv", "historie.xlsx"}).kind == K::other);
  CHECK(entry("Verslag.ods", {"verslag.csv"}).kind == K::other);
  CHECK(entry("begroting.xlsx", {}).kind == K::other);
}
