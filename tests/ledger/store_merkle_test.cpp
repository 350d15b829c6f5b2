#include <catch2/catch.hpp>

#include "ledger/checkpoint_state.h"
#include "ledger/merkle_verify.h"
#include "ledger/store_merkle.h"
#include "ledger/verify.h"
#include "ledger/verify_tree.h"
#include "ledger_fixture.h"

using namespace verdeel;
using namespace verdeel::ledger;
using verdeel::testing::TempLedger;

namespace {

// RFC 9162 section 2.1.1 written out directly, as an independent reference.
Hash reference_root(const std::vector<Hash>& leaves, size_t begin, size_t n) {
  if (n == 0) return sha256("");
  if (n == 1) return leaves[begin];
  size_t k = 1;
  while (k * 2 < n) k *= 2;
  return sha256_node(reference_root(leaves, begin, k), reference_root(leaves, begin + k, n - k));
}

std::vector<Hash> record_hashes(Store& s) {
  std::vector<Hash> out;
  for (const auto& r : s.range(0, s.size())) out.push_back(r.hash);
  return out;
}

// A ledger of 1 + 20 + 97 + 180 = 298 records, appended in transactions of different sizes.
void fill(TempLedger& t) {
  t.add_rows(20);
  t.add_rows(97);
  t.add_rows(180);
}

// Counts the subtree reads a proof costs.
struct CountingTree : StoreTree {
  using StoreTree::StoreTree;
  mutable int reads = 0;
  Hash subtree(unsigned level, uint64_t index) const override {
    ++reads;
    return StoreTree::subtree(level, index);
  }
};

// The nodes merkle_node holds for n records: complete subtrees of level >= kLowestStoredLevel.
int64_t stored_nodes(uint64_t n) {
  int64_t c = 0;
  for (unsigned level = kLowestStoredLevel; level < 64; ++level) c += static_cast<int64_t>(n >> level);
  return c;
}

void check_every_size(Store& s, const std::vector<Hash>& leaves) {
  for (size_t n = 0; n <= leaves.size(); ++n) {
    StoreTree tree(s, n);
    INFO("size " << n);
    REQUIRE(tree.root() == reference_root(leaves, 0, n));
  }
}

}  // namespace

TEST_CASE("the store's Merkle root equals the RFC 9162 root of the record hashes at every size, also after reopening",
          "[ledger][merkle][store]") {
  TempLedger t;
  fill(t);
  std::vector<Hash> leaves;
  {
    Store s(t.path);
    leaves = record_hashes(s);
    REQUIRE(leaves.size() == 298);
    check_every_size(s, leaves);
  }
  Store again(t.path, Store::Mode::read_write);
  check_every_size(again, leaves);
  CHECK(again.db().execAndGet("SELECT COUNT(*) FROM merkle_node").getInt64() == stored_nodes(leaves.size()));
  CHECK(stored_nodes(298) == 18 + 9 + 4 + 2 + 1);
}

TEST_CASE("a writer's root is the root of its records, this transaction's included", "[ledger][merkle][store]") {
  TempLedger t;
  t.add_rows(10);
  Store s(t.path, Store::Mode::read_write);
  Store::Writer w(s);
  w.append(Draft{"input.verslag", "2024", "Drenthe", "GM0001", Json{{"x", 1}}});
  Hash in_transaction = w.root();
  w.commit();
  CHECK(in_transaction == StoreTree(s).root());
  CHECK(in_transaction == reference_root(record_hashes(s), 0, 12));
}

TEST_CASE("inclusion and consistency proofs from the store verify, and cost O(log n) reads", "[ledger][merkle][store]") {
  TempLedger t;
  fill(t);
  Store s(t.path);
  const std::vector<Hash> leaves = record_hashes(s);
  for (uint64_t n : {1u, 2u, 7u, 64u, 117u, 298u}) {
    CountingTree tree(s, n);
    const Hash root = reference_root(leaves, 0, n);
    for (uint64_t i = 0; i < n; ++i) {
      tree.reads = 0;
      auto proof = inclusion_proof(tree, i, n);
      INFO("index " << i << " size " << n);
      REQUIRE(verify_inclusion(leaves[i], i, n, proof, root));
      REQUIRE(tree.reads <= 2 * 9 + 2);  // 2 log2(298) + 2: look-ups, never a rebuild
    }
    for (uint64_t m = 0; m <= n; m += 5) {
      tree.reads = 0;
      auto proof = consistency_proof(tree, m, n);
      INFO("sizes " << m << " -> " << n);
      REQUIRE(verify_consistency(m, n, reference_root(leaves, 0, m), root, proof));
      REQUIRE(tree.reads <= 3 * 9 + 3);
    }
  }
}

TEST_CASE("a ledger made before the node table gets it filled when next written, and reads without it",
          "[ledger][merkle][store]") {
  TempLedger t;
  fill(t);
  t.sql("DROP TABLE merkle_node; DROP TABLE checkpoint_seen; DROP TABLE ledger_size; PRAGMA user_version=1", false);
  std::vector<Hash> leaves;
  {
    Store s(t.path);  // read-only: no migration, nodes computed from the records
    leaves = record_hashes(s);
    CHECK(StoreTree(s).root() == reference_root(leaves, 0, leaves.size()));
  }
  t.add_rows(3);
  Store s(t.path);
  leaves = record_hashes(s);
  CHECK(s.db().execAndGet("PRAGMA user_version").getInt() == 4);
  CHECK(s.db().execAndGet("SELECT COUNT(*) FROM merkle_node").getInt64() == stored_nodes(301));
  check_every_size(s, leaves);
  TreeCheck check(s);
  auto res = verify_chain(s, [&](const CheckedRecord& r) { check.add(r); });
  CHECK(res.ok);
  CHECK(check.finish() == "");
}

TEST_CASE("a format 2 ledger (nodes of every level) verifies read-only, and migration 003 keeps the upper levels only",
          "[ledger][merkle][store]") {
  TempLedger t;
  fill(t);
  const std::vector<Hash> leaves = t.to_format2();
  {
    Store s(t.path);  // read-only: not migrated
    CHECK(s.format() == 2);
    CHECK(lowest_stored_level(s) == 1);
    CHECK(s.db().execAndGet("SELECT COUNT(*) FROM merkle_node").getInt64() == 298 - 4);  // n - popcount(n)
    TreeCheck check(s);
    CHECK(verify_chain(s, [&](const CheckedRecord& r) { check.add(r); }).ok);
    CHECK(check.finish() == "");
    CHECK(check.nodes_checked() == 298 - 4);
    check_every_size(s, leaves);
  }
  Store s(t.path, Store::Mode::read_write);  // a writer migrates
  CHECK(s.format() == 4);
  CHECK(s.db().execAndGet("SELECT COUNT(*) FROM merkle_node").getInt64() == stored_nodes(298));
  CHECK(s.db().execAndGet("SELECT MIN(level) FROM merkle_node").getInt() == static_cast<int>(kLowestStoredLevel));
  TreeCheck check(s);
  CHECK(verify_chain(s, [&](const CheckedRecord& r) { check.add(r); }).ok);
  CHECK(check.finish() == "");
  CHECK(check.nodes_checked() == static_cast<uint64_t>(stored_nodes(298)));
  check_every_size(s, leaves);
}

TEST_CASE("verify names records added to the tail without a writing command", "[ledger][merkle][store]") {
  TempLedger t;
  t.add_rows(5);
  {
    Store s(t.path);
    auto head = s.head();
    REQUIRE(head);
    Record r = make_record(head->seq + 1, head->hash, Draft{"input.verslag", "2024", "Drenthe", "GM0001", Json{{"x", 1}}});
    SQLite::Database db(t.path, SQLite::OPEN_READWRITE);
    SQLite::Statement ins(db, verdeel::testing::kInsertRecordRow);
    verdeel::testing::insert_record_row(ins, r);
  }
  Store s(t.path);
  const Store::Snapshot snapshot(s);
  TreeCheck check(s);
  CHECK(verify_chain(s, [&](const CheckedRecord& r) { check.add(r); }).ok);  // the chain itself is whole
  CHECK(check.finish() == "records 6..6 were added without a writing command of verdeel (no write left the ledger "
                          "at 7 records)");
}

TEST_CASE("a writer refuses to append when records were removed below what the ledger has seen",
          "[ledger][merkle][store][rollback]") {
  TempLedger t;
  t.add_rows(30);
  const SigningKey key = SigningKey::generate();
  {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    auto cp = append_checkpoint(s, w, key, "test");
    w.commit();
    CHECK(cp.record.seq == 31);
    CHECK(cp.checkpoint.size == 31);  // the records before it, not itself
    auto seen = newest_seen_checkpoint(s);
    REQUIRE(seen);
    CHECK(seen->size == 31);
    CHECK(seen->root == reference_root(record_hashes(s), 0, 31));
  }
  t.add_rows(5);  // extends it: fine

  SECTION("records removed, with the nodes they completed: the remembered checkpoint is not extended") {
    t.sql("DROP TRIGGER merkle_node_no_delete; DELETE FROM record WHERE seq >= 20; "
          "DELETE FROM merkle_node WHERE ((idx + 1) << level) > 20");
    CHECK_THROWS_WITH(t.add_rows(1), Catch::Contains("refusing to append") && Catch::Contains("fewer than the newest checkpoint it has seen (record 31: 31 records"));
  }
  SECTION("a few records removed from the tail: the remembered size says how many") {
    t.sql("DELETE FROM record WHERE seq >= 33");
    CHECK_THROWS_WITH(t.add_rows(1), Catch::Contains("held 37 records after an earlier write, but has only 33"));
    Store s(t.path);
    TreeCheck check(s);
    CHECK(verify_chain(s, [&](const CheckedRecord& r) { check.add(r); }).ok);
    CHECK(check.finish() == "the ledger held 37 records after a write, but has only 33: records 33..36 were removed "
                            "(a truncated tail?)");
  }
  SECTION("records removed, nodes left behind: the node table covers records that are gone") {
    // Seen when the removed records completed a stored node (every 16 records, kLowestStoredLevel).
    t.sql("DELETE FROM record WHERE seq >= 16");
    CHECK_THROWS_WITH(t.add_rows(1), Catch::Contains("covers more records than the 16 it holds"));
  }
  SECTION("history rewritten under the checkpoint: its root does not match") {
    Store s(t.path);
    auto recs = s.range(0, s.size());
    std::vector<Hash> leaves;
    for (auto& r : recs) leaves.push_back(r.hash);
    leaves[3] = sha256("other");  // what an insider's re-hashed record 3 would be
    std::string sql = "DROP TRIGGER merkle_node_no_delete; DELETE FROM merkle_node; DELETE FROM record WHERE seq >= 3;";
    t.sql(sql);
    // Re-insert the tail and the nodes so that only the root under the checkpoint differs.
    Store w(t.path, Store::Mode::read_write);
    SQLite::Statement ins(w.db(), verdeel::testing::kInsertRecordRow);
    Hash prev = recs[2].hash;
    for (size_t i = 3; i < recs.size(); ++i) {
      Draft d{recs[i].kind, recs[i].cycle, recs[i].province, recs[i].subject, recs[i].body};
      if (i == 3) d.body["regulier"] = 999999;
      Record r = make_record(static_cast<int64_t>(i), prev, d);
      prev = r.hash;
      verdeel::testing::insert_record_row(ins, r);
    }
    CHECK_THROWS_WITH(Store::Writer(w), Catch::Contains("refusing to append: the first 31 records") &&
                                            Catch::Contains("not to that of the newest checkpoint it has seen"));
  }
}
