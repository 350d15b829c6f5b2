// Every output format of `show` and `besluit` on both shipped examples,
// through the real program, against golden files (golden.h says how to
// regenerate them).
#include <catch2/catch.hpp>

#include "cli/cli_fixture.h"
#include "golden.h"

using verdeel::testing::Cli;
using verdeel::testing::first_difference;
using verdeel::testing::golden;
using verdeel::testing::normalise;

namespace {

struct Example {
  const char* dir;
  const char* province;
  const char* name;
};
const Example kExamples[] = {{"drenthe-2024", "Drenthe", "drenthe"}, {"zuid-synthetisch-2024", "Zuiderland", "zuiderland"}};

struct Format {
  std::vector<std::string> args;  // after --cycle 2024 --province P
  const char* command;
  const char* suffix;
};
const Format kFormats[] = {
    {{}, "show", "table.txt"},
    {{"--format", "json"}, "show", "json"},
    {{"--format", "csv"}, "show", "csv"},
    {{"--format", "csv", "--sep", ","}, "show", "comma.csv"},
    {{"--format", "markdown"}, "show", "md"},
    {{"--format", "html"}, "show", "html"},
    {{}, "besluit", "besluit.md"},
    {{"--format", "html"}, "besluit", "besluit.html"},
    {{"--lang", "en"}, "besluit", "besluit.en.md"},
    {{"--format", "html", "--lang", "en"}, "besluit", "besluit.en.html"},
};

}  // namespace

TEST_CASE("Every format of show and besluit matches its golden file on both examples", "[report][golden]") {
  for (const auto& ex : kExamples) {
    Cli cli;
    cli.decided(ex.dir, ex.province);
    for (const auto& f : kFormats) {
      std::vector<std::string> args = {f.command, "--cycle", "2024", "--province", ex.province};
      args.insert(args.end(), f.args.begin(), f.args.end());
      auto o = cli.run(args);
      std::string name = std::string(ex.name) + "." + f.suffix;
      INFO(name << ": " << o.err);
      REQUIRE(o.status == 0);
      std::string actual = normalise(o.out);
      std::string expected = golden(name, actual);
      INFO(first_difference(actual, expected));
      CHECK(actual == expected);
    }
  }
}

TEST_CASE("show --out writes the same text to a file and nothing to standard output", "[report][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto to_stdout = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "html"});
  auto file = cli.dir / "besluit.html";
  auto o = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "html", "--out", file.string()});
  REQUIRE(o.status == 0);
  CHECK(o.out.empty());
  CHECK(verdeel::testing::slurp(file) == to_stdout.out);
  CHECK_FALSE(std::filesystem::exists(file.string() + ".tmp"));
}

TEST_CASE("show refuses a bad separator, an unknown format and an unwritable --out with exit 2", "[report][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto sep = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "csv", "--sep", ";;"});
  CHECK(sep.status == 2);
  CHECK_THAT(sep.err, Catch::Contains("--sep"));
  CHECK(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "pdf"}).status == 2);
  auto out = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--out", "/nonexistent/dir/b.md"});
  CHECK(out.status == 2);
  CHECK_THAT(out.err, Catch::Contains("/nonexistent/dir/b.md"));
}

TEST_CASE("show --sep tab separates csv fields by tabs", "[report][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto o = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "csv", "--sep", "tab"});
  REQUIRE(o.status == 0);
  CHECK(o.out.rfind("Gemeente\tReguliere opvangplaatsen\tAmv-opvangplaatsen\tTotaal\t", 0) == 0);
  CHECK_THAT(o.out, Catch::Contains("\nAssen\t1000\t0\t1000\tGM0106\t"));
}

TEST_CASE("show --bom starts the csv with a UTF-8 byte order mark, for Excel, and is for csv only", "[report][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto plain = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "csv"});
  auto bom = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "csv", "--bom"});
  REQUIRE(plain.status == 0);
  REQUIRE(bom.status == 0);
  CHECK(bom.out == "\xEF\xBB\xBF" + plain.out);
  CHECK(plain.out.rfind("Gemeente;", 0) == 0);
  auto table = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--bom"});
  CHECK(table.status == 2);
  CHECK_THAT(table.err, Catch::Contains("--bom is for --format csv"));
}

TEST_CASE("besluit --date and --number fill the title and the signature", "[report][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto o = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--date", "20 december 2024", "--number",
                    "6015725"});
  REQUIRE(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("van 20 december 2024, nr. 6015725, houdende de verdeling"));
  CHECK_THAT(o.out, Catch::Contains("'s-Gravenhage, 20 december 2024"));
  CHECK_THAT(o.out, !Catch::Contains("[datum]"));
}

TEST_CASE("A signed checkpoint after the decision appears in the HTML report and the besluit", "[report][cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto before = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe"});
  CHECK_THAT(before.out, !Catch::Contains("Ondertekend checkpoint"));
  REQUIRE(cli.run({"key", "generate", "ministerie"}).status == 0);
  auto cp = cli.run({"checkpoint", "--key", "ministerie.key"});
  INFO(cp.err);
  REQUIRE(cp.status == 0);
  auto besluit = cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe"});
  CHECK_THAT(besluit.out, Catch::Contains("- Ondertekend checkpoint: record 67, over records 0 tot en met 66, wortel "));
  auto html = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "html"});
  CHECK_THAT(html.out, Catch::Contains("<dt>Checkpoint</dt><dd>record 67: 67 records"));
  CHECK_THAT(html.out, Catch::Contains("\xE2\x80\x94 ministerie "));  // the signed note itself
}
