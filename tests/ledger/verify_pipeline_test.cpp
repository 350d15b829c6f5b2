#include <catch2/catch.hpp>

#include "ledger/checkpoint_state.h"
#include "ledger/verify.h"
#include "ledger/verify_pipeline.h"
#include "ledger/verify_tree.h"
#include "ledger_fixture.h"

using namespace verdeel;
using namespace verdeel::ledger;
using verdeel::testing::TempLedger;

namespace {

// Everything verify reports: the chain's result and the tree's.
struct Outcome {
  VerifyResult chain;
  std::string tree;  // TreeCheck::finish(), when the chain is whole
  Hash root{};
  uint64_t nodes = 0;
  size_t checkpoints = 0;
};

template <typename Run>
Outcome outcome(const std::string& path, Run run) {
  Store s(path);
  const Store::Snapshot snapshot(s);
  TreeCheck tree(s);
  Outcome o;
  o.chain = run(s, tree);
  if (o.chain.ok) o.tree = tree.finish();
  o.root = tree.root();
  o.nodes = tree.nodes_checked();
  o.checkpoints = tree.checkpoints_checked();
  return o;
}

Outcome sequential(const std::string& path) {
  return outcome(path, [](Store& s, TreeCheck& tree) {
    return verify_chain(s, [&](const CheckedRecord& r) { tree.add(r); });
  });
}

PipelineOptions options(unsigned workers, size_t rows, size_t bytes, size_t* stolen = nullptr) {
  PipelineOptions o;
  o.workers = workers;
  o.batch_rows = rows;
  o.batch_bytes = bytes;
  o.stolen = stolen;
  return o;
}

Outcome pipelined(const std::string& path, const PipelineOptions& o) {
  return outcome(path, [&](Store& s, TreeCheck& tree) { return verify_pipelined(s, tree, o); });
}

// The pipeline, with every number of workers and batch shape, reports exactly what one thread does.
void same_as_sequential(const std::string& path) {
  const Outcome want = sequential(path);
  for (unsigned workers : {1u, 2u, 3u})
    for (size_t rows : {16u, 40u, 256u, 1024u})  // 40: batches that start inside a Merkle block; 256: the default
      for (size_t bytes : {size_t{1}, size_t{1} << 20}) {
        INFO("workers " << workers << ", batch of " << rows << " rows / " << bytes << " bytes");
        const Outcome got = pipelined(path, options(workers, rows, bytes));
        CHECK(got.chain.ok == want.chain.ok);
        CHECK(got.chain.records == want.chain.records);
        CHECK(got.chain.bad_seq == want.chain.bad_seq);
        CHECK(got.chain.problem == want.chain.problem);
        CHECK(got.chain.head == want.chain.head);
        CHECK(got.chain.ledger_id == want.chain.ledger_id);
        CHECK(got.tree == want.tree);
        CHECK(got.root == want.root);
        CHECK(got.nodes == want.nodes);
        CHECK(got.checkpoints == want.checkpoints);
      }
}

// Replaces record `seq`'s bytes by `data` and its hash by theirs: an insider who re-hashes.
void rewrite(TempLedger& t, int64_t seq, const std::string& data) {
  t.sql("UPDATE record SET data = CAST(X'" + to_hex(data) + "' AS BLOB), hash = X'" + to_hex(leaf_hash(data)) +
        "' WHERE seq = " + std::to_string(seq));
}

std::string data_of(const std::string& path, int64_t seq) {
  Store s(path);
  return s.get(seq)->data;
}

}  // namespace

TEST_CASE("the pipeline reports what verify_chain reports, at every size around Merkle blocks and batches",
          "[ledger][verify][pipeline]") {
  for (int n : {0, 14, 15, 16, 17, 31, 47, 48, 100, 299}) {
    INFO(n + 1 << " records");
    TempLedger t;
    if (n > 0) t.add_rows(n);
    same_as_sequential(t.path);
    const Outcome o = pipelined(t.path, options(1, 16, 1 << 20));
    CHECK(o.chain.ok);
    CHECK(o.tree == "");
    CHECK(o.chain.records == n + 1);
  }
}

TEST_CASE("the pipeline checks checkpoint records inside its blocks as verify_chain does", "[ledger][verify][pipeline]") {
  TempLedger t;
  const SigningKey key = SigningKey::generate();
  auto checkpoint = [&] {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    append_checkpoint(s, w, key, "test");
    w.commit();
  };
  t.add_rows(40);
  checkpoint();  // record 41, inside the block 32..47
  t.add_rows(6);
  checkpoint();  // record 48: the first of a block
  t.add_rows(70);
  same_as_sequential(t.path);
  const Outcome o = pipelined(t.path, options(2, 16, 1 << 20));
  CHECK(o.chain.ok);
  CHECK(o.tree == "");
  CHECK(o.checkpoints == 2);
}

TEST_CASE("the pipeline names the first bad record in the words verify_chain uses", "[ledger][verify][pipeline]") {
  TempLedger t;
  t.add_rows(200);
  SECTION("bytes edited") {
    t.sql("UPDATE record SET data = replace(data, '\"regulier\":250', '\"regulier\":950') WHERE seq = 151");
  }
  SECTION("bytes edited and re-hashed at the last record of a block: the next record's prev breaks") {
    std::string d = data_of(t.path, 47);
    d.replace(d.find("\"regulier\":146"), 14, "\"regulier\":946");
    rewrite(t, 47, d);
  }
  SECTION("a body written in a form that is not canonical, re-hashed") {
    std::string d = data_of(t.path, 64);
    d.replace(d.find("\"amv\":"), 6, "\"amv\": ");
    rewrite(t, 64, d);
  }
  SECTION("a record removed at a block boundary") { t.sql("DELETE FROM record WHERE seq = 64"); }
  SECTION("a column that disagrees with the bytes") { t.sql("UPDATE record SET subject = 'GM9999' WHERE seq = 100"); }
  SECTION("a hash of the wrong length") { t.sql("UPDATE record SET hash = X'00' WHERE seq = 33"); }
  SECTION("two records in the wrong order") {
    t.sql("UPDATE record SET seq = -1 WHERE seq = 20; UPDATE record SET seq = 20 WHERE seq = 21; "
          "UPDATE record SET seq = 21 WHERE seq = -1");
  }
  SECTION("a Merkle node that disagrees with the records") {
    t.sql("DROP TRIGGER merkle_node_no_update; UPDATE merkle_node SET hash = zeroblob(32) WHERE level = 4 AND idx = 5",
          false);
  }
  SECTION("several bad records in one batch and the next: the first is named") {
    t.sql("UPDATE record SET subject = 'GM9999' WHERE seq IN (40, 25, 180)");
  }
  SECTION("a second genesis record") {
    Store s(t.path);
    Record g = make_record(120, s.get(119)->hash, Draft{"genesis", "", "", "", Json{{"ledger", "x"}}});
    rewrite(t, 120, g.data);
    t.sql("UPDATE record SET kind = 'genesis', cycle = '', province = '', subject = '' WHERE seq = 120");
  }
  const Outcome want = sequential(t.path);
  CHECK_FALSE((want.chain.ok && want.tree.empty()));
  same_as_sequential(t.path);
}

TEST_CASE("the pipeline checks columns that JSON must escape as verify_chain does", "[ledger][verify][pipeline]") {
  TempLedger t;
  {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    for (int i = 0; i < 40; ++i)
      for (const char* subject : {"Súdwest-Fryslân", "a \"quoted\" name", "back\\slash", "tab\there", "GM0001", ""})
        w.append(Draft{"input.gemeente", i % 2 ? "2024" : "2026", i % 3 ? "Fryslân" : "Drenthe", subject,
                       Json{{"i", i}, {"naam", subject}}});
    w.commit();
  }
  same_as_sequential(t.path);
  CHECK(pipelined(t.path, options(1, 32, 1 << 20)).chain.ok);
}

TEST_CASE("the pipeline copies rows larger than a page, which SQLite does not keep in one piece",
          "[ledger][verify][pipeline]") {
  TempLedger t;
  {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    for (int i = 0; i < 60; ++i)
      w.append(Draft{"input.set", "2024", "Drenthe", i % 3 ? "" : "GM" + std::to_string(i),
                     Json{{"i", i}, {"text", std::string(static_cast<size_t>(i % 2 ? 9000 + i : 10), 'x')}}});
    w.commit();
  }
  same_as_sequential(t.path);
  CHECK(pipelined(t.path, options(1, 16, 1 << 20)).chain.ok);
  t.sql("UPDATE record SET data = replace(data, 'xxxxx', 'xxxxy') WHERE seq = 34");
  const Outcome bad = pipelined(t.path, options(1, 16, 1 << 20));
  CHECK(bad.chain.bad_seq == 34);
  CHECK_THAT(bad.chain.problem, Catch::Contains("hash mismatch"));
  same_as_sequential(t.path);
}

TEST_CASE("the pipeline names a bad record before a page that cannot be read further on",
          "[ledger][verify][pipeline]") {
  TempLedger t;
  t.add_rows(8000);
  int64_t page = 0, page_size = 0;
  {
    SQLite::Database db(t.path);
    page_size = db.execAndGet("PRAGMA page_size").getInt64();
    // A leaf of the record table about two thirds in: far past the first batches.
    SQLite::Statement q(db, "SELECT pageno FROM dbstat WHERE name = 'record' AND pagetype = 'leaf' ORDER BY pageno");
    std::vector<int64_t> leaves;
    while (q.executeStep()) leaves.push_back(q.getColumn(0).getInt64());
    REQUIRE(leaves.size() > 30);
    page = leaves[leaves.size() * 2 / 3];
  }
  std::string file = t.read_file();
  REQUIRE(static_cast<int64_t>(file.size()) >= page * page_size);
  file[static_cast<size_t>((page - 1) * page_size)] = '\xff';  // not a b-tree page type
  t.write_file(file);
  const PipelineOptions defaults = options(1, 1024, 1 << 20);
  CHECK_THROWS(pipelined(t.path, defaults));  // with nothing bad before it, the damage is what is told
  CHECK_THROWS(sequential(t.path));

  t.sql("UPDATE record SET subject = 'GM9999' WHERE seq = 10");
  const Outcome one = sequential(t.path);
  REQUIRE_FALSE(one.chain.ok);
  CHECK(one.chain.bad_seq == 10);
  for (unsigned workers : {1u, 2u}) {
    const Outcome many = pipelined(t.path, options(workers, 1024, 1 << 20));
    CHECK(many.chain.bad_seq == 10);
    CHECK(many.chain.problem == one.chain.problem);
  }
}

TEST_CASE("the pipeline checks older ledgers as verify_chain does: nodes of every level, or no node table",
          "[ledger][verify][pipeline]") {
  TempLedger t;
  t.add_rows(100);
  SECTION("format 2: nodes of level 1 and up") {
    t.to_format2();
    same_as_sequential(t.path);
    CHECK(pipelined(t.path, options(1, 16, 1 << 20)).tree == "");
    t.sql("DROP TRIGGER merkle_node_no_update; UPDATE merkle_node SET hash = zeroblob(32) WHERE level = 2 AND idx = 7",
          false);
    CHECK_THAT(sequential(t.path).tree, Catch::Contains("level 2, index 7"));
    same_as_sequential(t.path);
  }
  SECTION("format 1: no node table") {
    t.sql("DROP TABLE merkle_node; DROP TABLE checkpoint_seen; DROP TABLE ledger_size; PRAGMA user_version=1", false);
    same_as_sequential(t.path);
    CHECK(pipelined(t.path, options(1, 16, 1 << 20)).chain.ok);
  }
}

TEST_CASE("the reading thread checks batches itself when it is ahead, with the same outcome",
          "[ledger][verify][pipeline]") {
  TempLedger t;
  t.add_rows(3000);
  const Outcome want = sequential(t.path);
  size_t stolen = 0;
  for (int attempt = 0; attempt < 50 && stolen == 0; ++attempt) {
    const Outcome got = pipelined(t.path, options(1, 16, 1 << 20, &stolen));
    CHECK(got.chain.ok);
    CHECK(got.root == want.root);
    CHECK(got.nodes == want.nodes);
  }
  CHECK(stolen > 0);  // a reader far ahead of one worker takes a batch back at some point
}
