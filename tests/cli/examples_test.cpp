// The shipped examples through the real program: the outcome of the
// published Drenthe decision, and the synthetic Zuiderland province against
// its expected outcome computed independently (scripts/reference_method.py).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

using verdeel::testing::Cli;
using verdeel::testing::slurp;
using Json = nlohmann::json;

namespace {
Json show_json(const Cli& cli, const std::string& province) {
  auto o = cli.run({"show", "--cycle", "2024", "--province", province, "--format", "json"});
  REQUIRE(o.status == 0);
  return Json::parse(o.out);
}
}  // namespace

TEST_CASE("Drenthe 2024: the report covers the task and is adopted one to one", "[cli][examples]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  Json j = show_json(cli, "Drenthe");
  CHECK(j["cycle"] == "2024");
  CHECK(j["province"] == "Drenthe");
  CHECK(j["policy"] == "beleidsregel-2024");
  CHECK(j["task"] == Json{{"regulier", 2462}, {"amv", 229}});
  CHECK(j["report"] == Json{{"regulier", 3814}, {"amv", 341}});
  CHECK(j["remainder"] == Json{{"regulier", 0}, {"amv", 0}});
  CHECK(j["percentage"]["regulier"].is_null());
  CHECK(j["percentage"]["amv"].is_null());
  CHECK(j["shortfall"] == Json{{"regulier", 0}, {"amv", 0}});
  REQUIRE(j["municipalities"].size() == 12);
  int64_t reg = 0, amv = 0, tot = 0;
  std::string previous;
  for (const auto& m : j["municipalities"]) {
    reg += m["regulier"].get<int64_t>();
    amv += m["amv"].get<int64_t>();
    tot += m["totaal"].get<int64_t>();
    CHECK(m["extra"] == Json{{"regulier", 0}, {"amv", 0}});
    CHECK(m["excluded"]["regulier"].empty());
    CHECK(m["excluded"]["amv"].empty());
    CHECK(m["name"].get<std::string>() > previous);  // ordered by name
    previous = m["name"].get<std::string>();
  }
  CHECK(reg == 3814);
  CHECK(amv == 341);
  CHECK(tot == 4155);
  CHECK(j["record"].get<std::string>().size() == 64);
  CHECK(j["municipalities"][1] == Json::parse(R"({"code":"GM0106","name":"Assen","regulier":1000,"amv":0,"totaal":1000,
      "extra":{"regulier":0,"amv":0},"excluded":{"regulier":[],"amv":[]}})"));
}

TEST_CASE("the Drenthe table reads like Tabel 1 with Dutch numbers and a totals row", "[cli][examples]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto o = cli.run({"show", "--cycle", "2024", "--province", "Drenthe"});
  REQUIRE(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains("Gemeente"));
  CHECK_THAT(o.out, Catch::Contains("Reguliere opvangplaatsen"));
  CHECK_THAT(o.out, Catch::Contains("Amv-opvangplaatsen"));
  CHECK_THAT(o.out, Catch::Contains("één op één overgenomen"));
  CHECK_THAT(o.out, Catch::Matches("(.|\n)*Assen +1\\.000 +0 +1\\.000\n(.|\n)*"));
  CHECK_THAT(o.out, Catch::Matches("(.|\n)*Totaal +3\\.814 +341 +4\\.155\n(.|\n)*"));
}

TEST_CASE("Zuiderland: the program's decision equals the independently computed outcome", "[cli][examples]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  Json got = show_json(cli, "Zuiderland");
  Json want = Json::parse(slurp(Cli::example_dir("zuid-synthetisch-2024") + "/expected.json"));
  CHECK(got["record"].get<std::string>().size() == 64);
  CHECK(got["run"] == 1);
  CHECK(got["later_runs"] == Json::array());
  CHECK(got["newer_inputs"].is_null());
  for (const char* meta : {"record", "run", "later_runs", "newer_inputs"}) got.erase(meta);  // the ledger's, not the method's
  for (auto it = want.begin(); it != want.end(); ++it) {
    INFO("key " << it.key());
    CHECK(got[it.key()] == it.value());
  }
  CHECK(got == want);
}

TEST_CASE("Drenthe's show json equals its independently computed outcome", "[cli][examples]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  Json got = show_json(cli, "Drenthe");
  for (const char* meta : {"record", "run", "later_runs", "newer_inputs"}) got.erase(meta);
  CHECK(got == Json::parse(slurp(Cli::example_dir("drenthe-2024") + "/expected.json")));
}

TEST_CASE("deciding both examples with --all, then verify is silent and log lists newest first", "[cli][examples]") {
  Cli cli;
  cli.run({"init"});
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  auto d = cli.run({"decide", "--cycle", "2024", "--all"});
  REQUIRE(d.status == 0);
  CHECK_THAT(d.out, Catch::Contains("Drenthe 2024: run 1"));
  CHECK_THAT(d.out, Catch::Contains("Zuiderland 2024: run 1"));
  auto v = cli.run({"verify"});
  CHECK(v.status == 0);
  CHECK(v.out.empty());
  CHECK(v.err.empty());
  auto log = cli.run({"log", "-n", "2"});
  CHECK_THAT(log.out, Catch::Matches("[0-9a-f]{12} [0-9]+ result.decision 2024 Zuiderland\n[0-9a-f]{12} [0-9]+ result.gemeente 2024 Zuiderland GM[0-9]{4}\n"));
}

TEST_CASE("deciding again on unchanged inputs records no duplicate run unless asked", "[cli][examples]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto size = [&] { return Json::parse(cli.run({"log", "--format", "json"}).out).size(); };
  auto before = size();
  auto again = cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"});
  CHECK(again.status == 0);
  CHECK_THAT(again.out, Catch::Contains("already decided"));
  CHECK(size() == before);
  CHECK(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"}).status == 0);
  CHECK(size() > before);
  // Every rendering of the earlier run says that it was superseded, in the output itself.
  auto json = Json::parse(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--run", "1", "--format", "json"}).out);
  CHECK(json["run"] == 1);
  REQUIRE(json["later_runs"].size() == 1);
  CHECK(json["later_runs"][0]["run"] == 2);
  for (const char* format : {"table", "markdown", "html"})
    CHECK_THAT(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--run", "1", "--format", format}).out,
               Catch::Contains("LET OP: dit is berekening 1, vervangen door berekening 2 (records "));
  CHECK_THAT(cli.run({"besluit", "--cycle", "2024", "--province", "Drenthe", "--run", "1", "--lang", "en"}).out,
             Catch::Contains("NOTE: this is run 1, superseded by run 2 (records "));
  CHECK_THAT(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--format", "table"}).out,
             !Catch::Contains("LET OP"));
  // The html page's explain commands name the run, so they explain it and not the latest.
  CHECK_THAT(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--run", "1", "--format", "html"}).out,
             Catch::Contains("verdeel explain --cycle 2024 --province Drenthe --run 1 GM"));
  // An earlier run is still shown, explained and written as a besluit when asked for, with a note that it was
  // superseded.
  for (const auto& command : {"show", "explain", "besluit"}) {
    std::vector<std::string> args{command, "--cycle", "2024", "--province", "Drenthe", "--run", "1"};
    if (std::string(command) == "explain") args.push_back("Assen");
    auto old = cli.run(args);
    INFO(command << ": " << old.err);
    CHECK(old.status == 0);
    CHECK_THAT(old.err, Catch::Matches("note: run 1 of Drenthe 2024 is not the latest: run 2 \\(records [0-9]+\\.\\.[0-9]+\\) "
                                       "came after it\n"));
    args.resize(args.size() - (std::string(command) == "explain" ? 3 : 2));
    if (std::string(command) == "explain") args.push_back("Assen");
    auto latest = cli.run(args);
    CHECK(latest.status == 0);
    CHECK(latest.err.empty());
  }
}

TEST_CASE("the latest run says, in every rendering, when the inputs were corrected after it", "[cli][examples]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto args = [](const char* command, std::vector<std::string> more = {}) {
    std::vector<std::string> a{command, "--cycle", "2024", "--province", "Drenthe"};
    a.insert(a.end(), more.begin(), more.end());
    return a;
  };
  auto dir = cli.copy_example("drenthe-2024");
  Cli::write(dir / "verslag.csv", "gemeente,regulier,amv\nAssen,900,0\n");  // the province corrects its report
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  auto json = Json::parse(cli.run(args("show", {"--format", "json"})).out);
  REQUIRE(json["newer_inputs"].is_object());
  const std::string set = json["newer_inputs"]["input_set"].get<std::string>();
  const std::string notice = "LET OP: na berekening 1 is de invoer gecorrigeerd (input set " + set.substr(0, 12) + ", record ";
  for (const char* format : {"table", "markdown", "html"})
    CHECK_THAT(cli.run(args("show", {"--format", format})).out, Catch::Contains(notice));
  auto besluit = cli.run(args("besluit"));
  CHECK_THAT(besluit.out, Catch::Contains(notice));
  CHECK_THAT(besluit.out, Catch::Contains("Invoer gecorrigeerd na deze berekening: input set " + set));
  CHECK_THAT(cli.run(args("besluit", {"--lang", "en"})).out,
             Catch::Contains("NOTE: the inputs were corrected after run 1 (input set " + set.substr(0, 12)));
  for (const auto& command : {"show", "explain", "besluit"}) {
    auto a = args(command);
    if (std::string(command) == "explain") a.push_back("Assen");
    auto o = cli.run(a);
    INFO(command);
    CHECK(o.status == 0);
    CHECK_THAT(o.err, Catch::Contains("note: the inputs of Drenthe 2024 were corrected after run 1 (input set " +
                                      set.substr(0, 12) + ", record "));
  }
  // The correction undone by the next import (the same rows again, as records superseding the corrected ones):
  // the run is a decision on the inputs as they stand again.
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  auto undone = cli.run(args("show", {"--format", "json"}));
  CHECK(Json::parse(undone.out)["newer_inputs"].is_null());
  CHECK(undone.err.empty());
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);  // corrected again
  REQUIRE(Json::parse(cli.run(args("show", {"--format", "json"})).out)["newer_inputs"].is_object());
  // Decided again on the corrected inputs: the latest run is current, and says nothing.
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  auto now = cli.run(args("show", {"--format", "json"}));
  CHECK(now.err.empty());
  CHECK(Json::parse(now.out)["newer_inputs"].is_null());
  CHECK_THAT(cli.run(args("show")).out, !Catch::Contains("LET OP"));
}

TEST_CASE("usage errors exit 2 with a clear message", "[cli]") {
  Cli cli;
  CHECK(cli.run({"show", "--cycle", "2024", "--province", "Drenthe"}).status == 2);  // no ledger
  CHECK_THAT(cli.run({"verify"}).err, Catch::Contains("verdeel init"));
  cli.decided("drenthe-2024", "Drenthe");
  auto o = cli.run({"show", "--cycle", "2024", "--province", "Atlantis"});
  CHECK(o.status == 2);
  CHECK_THAT(o.err, Catch::Contains("unknown province 'Atlantis'"));
  CHECK_THAT(o.err, Catch::Contains("Drenthe"));
  CHECK(cli.run({"decide", "--cycle", "2024"}).status == 2);
  CHECK(cli.run({"frobnicate"}).status == 2);
  auto init_again = cli.run({"init"});
  CHECK(init_again.status == 2);
  CHECK_THAT(init_again.err, Catch::Contains("refusing to overwrite"));
}

TEST_CASE("a cycle is the four-digit year of its capacity estimate, from 2024, for every command", "[cli]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  const std::string before = slurp(cli.db);
  // "2024 " would be another cycle, invisible in every table, for good.
  for (const char* cycle : {"abc", "24", "2024 ", " 2024", "1999", "02024", "２０２４"}) {
    INFO("[" << cycle << "]");
    auto o = cli.run({"import", "--cycle", cycle, Cli::example_dir("drenthe-2024")});
    CHECK(o.status == 2);
    CHECK_THAT(o.err, Catch::Contains("is not a cycle: give the year of its capacity estimate, four digits from 2024"));
    // Every other argument as the command wants it: the cycle is what is refused.
    for (std::vector<std::string> command : {std::vector<std::string>{"decide"}, {"show"}, {"explain", "Assen"},
                                             {"replay"}, {"besluit"}, {"bundle"}, {"whatif", "--set", "minimum_places=3"}}) {
      const std::string name = command.front();
      command.insert(command.begin() + 1, {"--cycle", cycle, "--province", "Drenthe"});
      auto refused = cli.run(command);
      INFO(name << ": " << refused.err);
      CHECK(refused.status == 2);
      CHECK_THAT(refused.err, Catch::Contains("is not a cycle"));
    }
  }
  CHECK(slurp(cli.db) == before);
  CHECK(cli.run({"import", "--cycle", "2026", Cli::example_dir("drenthe-2024")}).status == 0);
}

TEST_CASE("verify through the CLI names the first bad record and exits 1", "[cli][verify]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  std::string bytes = slurp(cli.db);
  // Assen's report row: "regulier":1000 appears in several records; change the first one, which is input.verslag.
  auto at = bytes.find("\"gemeente\":\"GM0106\",\"regulier\":1000");
  REQUIRE(at != std::string::npos);
  bytes[at + 32] = '9';
  Cli::write(cli.db, bytes);
  auto o = cli.run({"verify"});
  CHECK(o.status == 1);
  CHECK_THAT(o.err, Catch::Matches("verify: record [0-9]+ \\(input\\.verslag GM0106\\): hash mismatch(.|\n)*"));
}

TEST_CASE("the ledger is named by --db, also after the command, else by VERDEEL_DB, else verdeel.db", "[cli]") {
  Cli cli;
  auto after = (cli.dir / "after.db").string();
  CHECK(cli.run_raw({"init", "--db", after}).status == 0);
  CHECK(std::filesystem::exists(after));
  auto from_env = (cli.dir / "env.db").string();
  CHECK(cli.run_raw({"init"}, "VERDEEL_DB=" + from_env).status == 0);
  CHECK(std::filesystem::exists(from_env));
  CHECK(cli.run_raw({"verify", "--verbose"}, "VERDEEL_DB=" + from_env).status == 0);
  CHECK_FALSE(std::filesystem::exists(cli.dir / "verdeel.db"));
  CHECK(cli.run_raw({"init"}).status == 0);
  CHECK(std::filesystem::exists(cli.dir / "verdeel.db"));
}

TEST_CASE("no command uses a record whose bytes were edited in place: decide refuses and records nothing", "[cli][verify]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  std::string bytes = slurp(cli.db);
  auto at = bytes.find("\"gemeente\":\"GM0119\",\"regulier\":192");  // Meppel's report
  REQUIRE(at != std::string::npos);
  bytes[at + 31] = '9';  // 192 -> 992
  Cli::write(cli.db, bytes);
  auto before = slurp(cli.db);
  auto o = cli.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"});
  CHECK(o.status == 2);
  CHECK_THAT(o.err, Catch::Matches("verdeel: record [0-9]+ is corrupt: its bytes do not match its hash; nothing was done \\(run `verdeel verify`\\)\n"));
  CHECK(slurp(cli.db) == before);
  CHECK(cli.run({"history", "Meppel"}).status == 2);
  CHECK(cli.run({"log"}).status == 2);
}

TEST_CASE("verify of a cut-off ledger file is a failed check (exit 1), a missing one bad usage (exit 2)", "[cli][verify]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  std::string bytes = slurp(cli.db);
  auto cut = (cli.dir / "cut.db").string();
  Cli::write(cut, bytes.substr(0, bytes.size() / 2));
  auto o = cli.run_raw({"--db", cut, "verify"});
  CHECK(o.status == 1);
  CHECK_THAT(o.err, Catch::Contains("is damaged"));
  CHECK(cli.run_raw({"--db", (cli.dir / "absent.db").string(), "verify"}).status == 2);
}

TEST_CASE("run numbers and limits below 1 are refused instead of read as 'latest' or 'all'", "[cli]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto o = cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--run", "0"});
  CHECK(o.status == 2);
  CHECK_THAT(o.err, Catch::Contains("'0' is not a whole number of 1 or more"));
  CHECK(cli.run({"log", "-n", "-3"}).status == 2);
  CHECK(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--run", "1"}).status == 0);
  CHECK(cli.run({"show", "--cycle", "2024", "--province", "Drenthe", "--run", "2"}).status == 2);
}

TEST_CASE("keys: --dir is created, a public key cannot sign, and verify takes the printed verifier key line", "[cli][keys]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  auto gen = cli.run({"key", "generate", "minister", "--dir", "keys/2024"});
  REQUIRE(gen.status == 0);
  std::string line = gen.out.substr(0, gen.out.find('\n'));
  CHECK_THAT(line, Catch::Matches("minister\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]+"));
  auto wrong = cli.run({"checkpoint", "--key", "keys/2024/minister.pub"});
  CHECK(wrong.status == 2);
  CHECK_THAT(wrong.err, Catch::Contains("is a public key; signing needs the private key file"));
  auto cp = cli.run({"checkpoint", "--key", "keys/2024/minister.key"});
  REQUIRE(cp.status == 0);
  Cli::write(cli.dir / "cp.note", cp.out);
  CHECK(cli.run({"verify", "--checkpoint", "cp.note", "--pubkey", line}).status == 0);
  CHECK(cli.run({"verify", "--checkpoint", "cp.note", "--pubkey", "keys/2024/minister.pub"}).status == 0);
}
