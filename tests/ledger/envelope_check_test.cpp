#include <catch2/catch.hpp>

#include "ledger/envelope_check.h"
#include "ledger/record.h"

using namespace verdeel;
using namespace verdeel::ledger;

namespace {

StoredRow row_of(const Record& r) {
  StoredRow row;
  row.seq = r.seq;
  row.kind = r.kind;
  row.cycle = r.cycle;
  row.province = r.province;
  row.subject = r.subject;
  row.hash = std::string_view(reinterpret_cast<const char*>(r.hash.data()), r.hash.size());
  row.data = r.data;
  return row;
}

Hash some_prev(uint8_t seed) {
  Hash h{};
  for (size_t i = 0; i < h.size(); ++i) h[i] = static_cast<uint8_t>(seed * 31 + i * 7);
  return h;
}

}  // namespace

TEST_CASE("the envelope check proves what make_record writes, for columns plain and escaped", "[ledger][envelope]") {
  EnvelopeCheck check;
  int64_t seq = 1;
  for (const char* subject : {"GM0106", "", "Súdwest-Fryslân", "a \"quoted\" name", "back\\slash", "tab\there",
                              "\x01 control", "東京 𝔸"})
    for (const char* province : {"Drenthe", "Fryslân"}) {
      const Hash prev = some_prev(static_cast<uint8_t>(seq));
      const Record r = make_record(seq, prev, Draft{"input.gemeente", "2024", province, subject,
                                                    Json{{"gemeente", subject}, {"n", seq}}});
      INFO(r.data);
      std::string_view body;
      CHECK(check.matches(row_of(r), prev, &body));
      CHECK(body == canonical(r.body));
      seq = seq * 10 + 7;  // seq of every length up to 10^16
    }
}

TEST_CASE("the envelope check proves nothing that differs from the columns or prev", "[ledger][envelope]") {
  EnvelopeCheck check;
  const Hash prev = some_prev(3);
  const Record r = make_record(42, prev, Draft{"input.verslag", "2024", "Drenthe", "GM0106", Json{{"amv", 1}}});
  StoredRow row = row_of(r);
  REQUIRE(check.matches(row, prev));

  Hash other = prev;
  other[31] ^= 1;
  CHECK_FALSE(check.matches(row, other));  // the last hex digit of prev
  other = prev;
  other[0] ^= 0x10;
  CHECK_FALSE(check.matches(row, other));  // the first

  for (auto field : {&StoredRow::kind, &StoredRow::cycle, &StoredRow::province, &StoredRow::subject}) {
    StoredRow bad = row;
    bad.*field = "GM0107";
    CHECK_FALSE(check.matches(bad, prev));
  }
  StoredRow bad = row;
  bad.seq = 43;
  CHECK_FALSE(check.matches(bad, prev));
  bad.seq = 4;  // one digit less: the tail's length differs
  CHECK_FALSE(check.matches(bad, prev));

  const std::string invalid_utf8 = "GM\xC0\xAF";
  bad = row;
  bad.subject = invalid_utf8;
  CHECK_FALSE(check.matches(bad, prev));

  for (const std::string& data : {r.data.substr(0, r.data.size() - 1), r.data + " ", " " + r.data,
                                  std::string("{\"body\":"), std::string(""),
                                  std::string(r.data).replace(r.data.find("\"amv\":1"), 7, "\"amv\": 1")}) {
    INFO(data);
    bad = row;
    bad.data = data;
    CHECK_FALSE(check.matches(bad, prev));
  }
  CHECK(check.matches(row, prev));  // and the cache of columns does not stick to a bad row
}

TEST_CASE("reading prev, the envelope check gives the prev and the body decode_record gives", "[ledger][envelope]") {
  EnvelopeCheck check;
  int64_t seq = 1;
  for (const char* subject : {"GM0106", "", "a \"quoted\" name", "\x01 control", "東京 𝔸"}) {
    const Hash prev = some_prev(static_cast<uint8_t>(seq));
    const Record r =
        make_record(seq, prev, Draft{"input.kansrijk", "2024", "Fryslân", subject,
                                     Json{{"gemeente", subject}, {"n", seq}, {"criteria", {"toezegging", "\xF0\x9D\x94\xB8"}},
                                          {"r", {{"num", -3}, {"den", 7}}}}});
    INFO(r.data);
    Hash got{};
    Json body;
    REQUIRE(check.matches_reading(row_of(r), got, body));
    auto decoded = decode_record(r.data, nullptr);
    REQUIRE(decoded);
    CHECK(got == prev);
    CHECK(got == decoded->prev);
    CHECK(body == decoded->body);
    CHECK(canonical(body) == canonical(r.body));
    seq = seq * 10 + 3;
  }
}

TEST_CASE("reading prev, the envelope check proves nothing but lower-case hex and the row's columns",
          "[ledger][envelope]") {
  EnvelopeCheck check;
  const Hash prev = some_prev(5);
  const Record r = make_record(7, prev, Draft{"input.verslag", "2024", "Drenthe", "GM0106", Json{{"amv", 1}}});
  const StoredRow row = row_of(r);
  Hash got{};
  Json body;
  REQUIRE(check.matches_reading(row, got, body));

  const size_t at = r.data.find("\"prev\":\"") + 8;
  for (char digit : {'A', 'F', 'g', ' ', '"'}) {
    std::string data = r.data;
    data[at + 17] = digit;
    StoredRow bad = row;
    bad.data = data;
    INFO(data);
    CHECK_FALSE(check.matches_reading(bad, got, body));
  }
  std::string other = r.data;
  other[at + 63] = other[at + 63] == '0' ? '1' : '0';  // another prev, still lower-case hex: read as it is
  StoredRow moved = row;
  moved.data = other;
  REQUIRE(check.matches_reading(moved, got, body));
  CHECK(got != prev);
  CHECK(to_hex(got) == other.substr(at, 64));

  for (auto field : {&StoredRow::kind, &StoredRow::cycle, &StoredRow::province, &StoredRow::subject}) {
    StoredRow bad = row;
    bad.*field = "GM0107";
    CHECK_FALSE(check.matches_reading(bad, got, body));
  }
  StoredRow bad = row;
  bad.seq = 8;
  CHECK_FALSE(check.matches_reading(bad, got, body));
  for (const std::string& data : {r.data.substr(0, r.data.size() - 1), std::string("{\"body\":"), std::string(""),
                                  std::string(r.data).replace(r.data.find("\"amv\":1"), 7, "\"amv\":01")}) {
    INFO(data);
    bad = row;
    bad.data = data;
    CHECK_FALSE(check.matches_reading(bad, got, body));
  }
}
