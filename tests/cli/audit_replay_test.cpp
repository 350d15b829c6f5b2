// verdeel replay through the real program: identical on both examples, and it
// catches a result that was changed by SQL after which the whole chain was
// re-hashed (so verify passes but the result no longer follows from its inputs).
#include <catch2/catch.hpp>

#include <cstring>
#include <nlohmann/json.hpp>

#include "audit_tamper.h"
#include "cli_fixture.h"

using verdeel::testing::Cli;
using Json = nlohmann::json;

namespace {
Json log_json(const Cli& cli) {
  auto o = cli.run({"log", "--format", "json"});
  REQUIRE(o.status == 0);
  return Json::parse(o.out);
}

// The seq of the newest record of `kind` about `subject`.
int64_t newest(const Json& log, const std::string& kind, const std::string& subject = "") {
  for (const auto& r : log)
    if (r["kind"] == kind && (subject.empty() || r["subject"] == subject)) return r["seq"].get<int64_t>();
  FAIL("no " << kind << " " << subject << " in the log");
  return -1;
}
}  // namespace

TEST_CASE("replay of both examples is identical and exits 0", "[cli][replay]") {
  for (auto [example, province] : {std::pair<const char*, const char*>{"zuid-synthetisch-2024", "Zuiderland"},
                                   {"drenthe-2024", "Drenthe"}}) {
    Cli cli;
    cli.decided(example, province);
    auto o = cli.run({"replay", "--cycle", "2024", "--province", province});
    INFO(example << "\n" << o.out << o.err);
    CHECK(o.status == 0);
    CHECK(o.out.find("identical: ") != std::string::npos);
    CHECK(o.out.find("note:") == std::string::npos);  // same engine
    auto j = cli.run({"replay", "--cycle", "2024", "--province", province, "--format", "json"});
    REQUIRE(j.status == 0);
    Json r = Json::parse(j.out);
    CHECK(r["identical"] == true);
    CHECK(r["first_difference"].is_null());
    // Every record after decision.start was compared.
    CHECK(r["compared"].get<int64_t>() == r["records"]["to"].get<int64_t>() - r["records"]["from"].get<int64_t>());
  }
}

TEST_CASE("replay catches a result changed by SQL after the whole chain was re-hashed", "[cli][replay]") {
  Cli cli;
  cli.decided("zuid-synthetisch-2024", "Zuiderland");
  Json log = log_json(cli);
  int64_t seq = newest(log, "result.gemeente", "GM9007");  // Heuvelrade
  int64_t size = log.size();
  REQUIRE(seq < size - 1);  // records after it are re-hashed too

  verdeel::testing::rewrite_and_rehash(cli.db, seq, [](Json& body) {
    body["besluit"]["regulier"] = body["besluit"]["regulier"].get<int64_t>() + 7;
  });

  // The chain itself is sound again: verify cannot tell.
  auto v = cli.run({"verify"});
  INFO(v.out << v.err);
  REQUIRE(v.status == 0);

  auto o = cli.run({"replay", "--cycle", "2024", "--province", "Zuiderland"});
  INFO(o.out << o.err);
  CHECK(o.status == 1);
  CHECK(o.out.find("record " + std::to_string(seq) + " (result.gemeente GM9007") != std::string::npos);
  CHECK(o.out.find("besluit.regulier: 47 -> 40") != std::string::npos);  // recorded -> recomputed, key by key
  CHECK(o.out.find("identical:") == std::string::npos);

  auto j = cli.run({"replay", "--cycle", "2024", "--province", "Zuiderland", "--format", "json"});
  CHECK(j.status == 1);
  Json r = Json::parse(j.out);
  CHECK(r["identical"] == false);
  CHECK(r["first_difference"]["seq"] == seq);
  CHECK(r["first_difference"]["kind"] == "result.gemeente");
  CHECK(r["first_difference"]["subject"] == "GM9007");
  REQUIRE(r["first_difference"]["differences"].size() == 1);
  CHECK(r["first_difference"]["differences"][0] ==
        Json{{"path", "besluit.regulier"}, {"recorded", 47}, {"recomputed", 40}});
}

TEST_CASE("a replay by another engine version says so and still compares", "[cli][replay]") {
  Cli cli;
  cli.decided("drenthe-2024", "Drenthe");
  int64_t start = newest(log_json(cli), "decision.start");
  verdeel::testing::rewrite_and_rehash(cli.db, start, [](Json& body) { body["engine"] = "verdeel 0.0.9"; });
  REQUIRE(cli.run({"verify"}).status == 0);
  auto o = cli.run({"replay", "--cycle", "2024", "--province", "Drenthe"});
  INFO(o.out << o.err);
  CHECK(o.status == 0);
  CHECK(o.out.find("recorded by verdeel 0.0.9, replayed by verdeel ") != std::string::npos);
  CHECK(o.out.find("identical: 27 records, every one of the run after its decision.start") != std::string::npos);
}

TEST_CASE("replay reads only the ledger, never the case files", "[cli][replay]") {
  Cli cli;
  auto dir = cli.copy_example("drenthe-2024");
  cli.run({"init"});
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  std::filesystem::remove_all(dir);
  auto o = cli.run({"replay", "--cycle", "2024", "--province", "Drenthe"});
  CHECK(o.status == 0);
  CHECK(o.out.find("identical: ") != std::string::npos);
}

TEST_CASE("replay of an unknown province, or before any decision, is a usage error", "[cli][replay]") {
  Cli cli;
  cli.run({"init"});
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  auto none = cli.run({"replay", "--cycle", "2024", "--province", "Drenthe"});
  CHECK(none.status == 2);
  CHECK(none.err.find("no decision recorded") != std::string::npos);
  auto unknown = cli.run({"replay", "--cycle", "2024", "--province", "Atlantis"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown province") != std::string::npos);
}
