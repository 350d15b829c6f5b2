#include <catch2/catch.hpp>

#include <fstream>

#include "ledger/record.h"

using namespace verdeel;
using namespace verdeel::ledger;

namespace {
Json golden() {
  std::ifstream in(VERDEEL_SOURCE_DIR "/schema/golden/records.json");
  REQUIRE(in.good());
  return Json::parse(in);
}
}  // namespace

TEST_CASE("every golden vector of schema/FORMAT.md gives its bytes and hash", "[ledger][record]") {
  Json vectors = golden();
  REQUIRE(vectors.size() >= 3);
  Hash prev = kZeroHash;
  for (const auto& v : vectors) {
    const Json& r = v["record"];
    Draft d{r["kind"], r["cycle"], r["province"], r["subject"], r["body"]};
    CHECK(to_hex(prev) == r["prev"].get<std::string>());
    Record rec = make_record(r["seq"].get<int64_t>(), prev, d);
    CHECK(rec.data == v["bytes"].get<std::string>());
    CHECK(to_hex(rec.hash) == v["hash"].get<std::string>());
    prev = rec.hash;  // the vectors form a chain
  }
}

TEST_CASE("FORMAT.md shows the hashes the golden vectors hold", "[ledger][record]") {
  std::ifstream in(VERDEEL_SOURCE_DIR "/schema/FORMAT.md");
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& v : golden()) CHECK(doc.find(v["hash"].get<std::string>()) != std::string::npos);
}

TEST_CASE("a record decodes back from its stored bytes", "[ledger][record]") {
  Record r = make_record(5, kZeroHash, Draft{"input.verslag", "2024", "Drenthe", "GM0106", Json{{"regulier", 1}}});
  std::string why;
  auto back = decode_record(r.data, &why);
  REQUIRE(back);
  CHECK(back->seq == 5);
  CHECK(back->subject == "GM0106");
  CHECK(back->hash == r.hash);
  CHECK(back->body == r.body);
}

TEST_CASE("decoding refuses bytes that are not canonical", "[ledger][record]") {
  Record r = make_record(1, kZeroHash, Draft{"k", "", "", "", Json{{"a", 1}}});
  std::string spaced = r.data;
  spaced.insert(1, " ");
  std::string why;
  CHECK_FALSE(decode_record(spaced, &why));
  CHECK(why.find("canonical") != std::string::npos);
  std::string with_float = r.data;
  with_float.replace(with_float.find("\"a\":1"), 5, "\"a\":1.0");
  CHECK_FALSE(decode_record(with_float, &why));
  CHECK_FALSE(decode_record("not json", &why));
  CHECK_FALSE(decode_record("{\"seq\":1}", &why));
}

TEST_CASE("a record's label names seq, kind and subject", "[ledger][record]") {
  Record r = make_record(412, kZeroHash, Draft{"input.verslag", "2024", "Drenthe", "GM0106", Json::object()});
  CHECK(r.label() == "record 412 (input.verslag GM0106)");
}

TEST_CASE("changing any field changes the hash", "[ledger][record]") {
  Draft base{"input.verslag", "2024", "Drenthe", "GM0106", Json{{"regulier", 1}}};
  Hash h = make_record(1, kZeroHash, base).hash;
  auto changed = [&](Draft d, int64_t seq = 1, Hash prev = kZeroHash) { return make_record(seq, prev, d).hash != h; };
  Draft d = base;
  d.kind = "input.indicatief";
  CHECK(changed(d));
  d = base;
  d.cycle = "2026";
  CHECK(changed(d));
  d = base;
  d.province = "Groningen";
  CHECK(changed(d));
  d = base;
  d.subject = "GM0107";
  CHECK(changed(d));
  d = base;
  d.body["regulier"] = 2;
  CHECK(changed(d));
  CHECK(changed(base, 2));
  Hash other{};
  other[0] = 1;
  CHECK(changed(base, 1, other));
}

TEST_CASE("a prepared draft gives the same bytes as the draft it was prepared from", "[ledger][record]") {
  Hash prev{};
  prev[0] = 0xAB;
  Draft d{"result.gemeente", "2024", "Fryslân", "GM0080",
          Json{{"places", {{"regulier", 12}, {"amv", 0}}}, {"name", "Leeuwarden \"de\"\n"}, {"share", {{"num", 1}, {"den", 3}}}}};
  Record r = make_record(42, prev, d);
  PreparedDraft p = prepare(d);
  CHECK(p.body() == canonical(d.body));
  Leaf at42 = leaf_at(42, prev, p);
  CHECK(at42.data == r.data);
  CHECK(at42.hash == r.hash);
  CHECK(at42.hash == leaf_hash(at42.data));
  Leaf at43 = leaf_at(43, prev, p);
  CHECK(at43.data != r.data);
  CHECK(at43.hash == leaf_hash(at43.data));
  CHECK(at43.hash != r.hash);
  Draft bad{"k", "", "", "", Json{{"x", 0.5}}};
  CHECK_THROWS_AS(prepare(bad), CanonicalError);
}

// The leaf hash of a prepared draft is finished from the state after the bytes before prev: for
// every length of body, kind and subject around SHA-256's 64-byte blocks, at any seq and prev, it
// is the hash of the whole record.
TEST_CASE("a prepared draft's leaf hash is the hash of its bytes at every length and position", "[ledger][record]") {
  Hash prev{};
  for (size_t body_len = 0; body_len < 150; ++body_len) {
    const std::string text(body_len, static_cast<char>('a' + body_len % 26));
    const std::string subject(body_len % 7 == 0 ? "" : std::string(body_len % 40, 'S'));
    Draft d{"step." + std::string(body_len % 19, 'k'), "2024", body_len % 2 ? "Fryslân" : "Zuid-Holland", subject,
            Json{{"t", text}}};
    PreparedDraft p = prepare(d);
    for (int64_t seq : {int64_t{0}, int64_t{7}, int64_t{123456789012}}) {
      prev[body_len % 32] = static_cast<uint8_t>(seq + static_cast<int64_t>(body_len));
      Leaf leaf = leaf_at(seq, prev, p);
      Record r = make_record(seq, prev, d);
      REQUIRE(leaf.data == r.data);
      REQUIRE(leaf.hash == leaf_hash(r.data));
      REQUIRE(leaf.hash == r.hash);
    }
  }
}
