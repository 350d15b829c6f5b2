#include <catch2/catch.hpp>

#include "ledger/verify.h"
#include "ledger_fixture.h"

using namespace verdeel;
using namespace verdeel::ledger;
using verdeel::testing::TempLedger;

namespace {
VerifyResult verify(const std::string& path) {
  Store s(path);
  return verify_chain(s);
}
}  // namespace

TEST_CASE("verify passes on an untouched ledger and counts every record", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(20);
  auto r = verify(t.path);
  CHECK(r.ok);
  CHECK(r.records == 21);
  CHECK(r.ledger_id.size() == 32);
}

TEST_CASE("verify names the record whose payload was edited in the database file's bytes", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(10);
  std::string bytes = t.read_file();
  // GM1004's report: "regulier":104 -> "regulier":904
  std::string needle = "\"regulier\":104";
  auto at = bytes.find(needle);
  REQUIRE(at != std::string::npos);
  REQUIRE(bytes.find(needle, at + 1) == std::string::npos);
  bytes[at + needle.size() - 3] = '9';
  t.write_file(bytes);
  auto r = verify(t.path);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_seq == 5);
  CHECK_THAT(r.problem, Catch::StartsWith("record 5 (input.verslag GM1004): hash mismatch"));
}

TEST_CASE("verify names a record whose payload was edited by SQL", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(10);
  t.sql("UPDATE record SET data = replace(data, '\"regulier\":107', '\"regulier\":907') WHERE seq = 8");
  auto r = verify(t.path);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_seq == 8);
  CHECK_THAT(r.problem, Catch::Contains("hash mismatch"));
}

TEST_CASE("verify catches an edit that also replaced the stored hash", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(10);
  Store s(t.path);
  auto rec = *s.get(4);
  std::string data = rec.data;
  data.replace(data.find("\"regulier\":103"), 14, "\"regulier\":903");
  Hash h = leaf_hash(data);
  t.sql("UPDATE record SET data = CAST('" + data + "' AS BLOB), hash = X'" + to_hex(h) + "' WHERE seq = 4");
  auto r = verify(t.path);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_seq == 5);  // the next record's prev no longer matches
  CHECK_THAT(r.problem, Catch::Contains("prev does not match"));
}

TEST_CASE("verify names a record holding a fraction not in lowest terms, even with its hash made to match",
          "[ledger][verify]") {
  for (const char* fraction : {"{\"den\":10,\"num\":14}", "{\"den\":1,\"num\":5}", "{\"den\":0,\"num\":5}"}) {
    INFO(fraction);
    TempLedger t;
    t.add_rows(10);
    Store s(t.path);
    const int64_t last = s.size() - 1;
    std::string data = s.get(last)->data;
    const auto at = data.find("\"regulier\":");
    REQUIRE(at != std::string::npos);
    const auto end = data.find_first_of(",}", at + 11);
    data.replace(at + 11, end - at - 11, fraction);  // the last record: no later prev to give it away
    t.sql("UPDATE record SET data = CAST('" + data + "' AS BLOB), hash = X'" + to_hex(leaf_hash(data)) +
          "' WHERE seq = " + std::to_string(last));
    auto r = verify(t.path);
    CHECK_FALSE(r.ok);
    CHECK(r.bad_seq == last);
    CHECK_THAT(r.problem, Catch::Contains("(input.verslag GM1009): a fraction must be in lowest terms with den > 1"));
  }
}

TEST_CASE("verify names the record after a deleted middle record", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(10);
  t.sql("DELETE FROM record WHERE seq = 6");
  auto r = verify(t.path);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_seq == 7);
  CHECK_THAT(r.problem, Catch::Contains("records 6..6 are missing"));
}

TEST_CASE("verify names the first of two swapped records", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(10);
  t.sql("UPDATE record SET seq = -1 WHERE seq = 3");
  t.sql("UPDATE record SET seq = 3 WHERE seq = 4");
  t.sql("UPDATE record SET seq = 4 WHERE seq = -1");
  auto r = verify(t.path);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_seq == 3);
  CHECK_THAT(r.problem, Catch::Contains("stored bytes say seq 4"));
}

TEST_CASE("verify names a record whose indexed columns were changed", "[ledger][verify]") {
  TempLedger t;
  t.add_rows(5);
  t.sql("UPDATE record SET subject = 'GM9999' WHERE seq = 2");
  auto r = verify(t.path);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_seq == 2);
  CHECK_THAT(r.problem, Catch::Contains("columns disagree"));
}

TEST_CASE("verify cannot see a truncated tail without a checkpoint", "[ledger][verify]") {
  // LEDGER.md: a chain re-hash alone does not catch truncation; checkpoints do.
  TempLedger t;
  t.add_rows(10);
  t.sql("DELETE FROM record WHERE seq >= 8");
  auto r = verify(t.path);
  CHECK(r.ok);
  CHECK(r.records == 8);
}
