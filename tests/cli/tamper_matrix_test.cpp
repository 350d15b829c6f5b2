// The tamper matrix of LEDGER.md ("Verifying, and what each check catches"), end to end through the
// real program on a decided example: for each kind of tampering, which check catches it — plain
// `verify` (the chain re-hashed) or `verify --checkpoint` with a checkpoint held elsewhere — and
// which record it names.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "ledger/ledger_fixture.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle.h"
#include "ledger/record.h"
#include "ledger/signing.h"
#include "ledger/store_merkle.h"

using verdeel::testing::Cli;
using verdeel::testing::Outcome;
using verdeel::testing::slurp;
using Json = nlohmann::json;
using namespace verdeel;

namespace {

struct Ledger {
  Cli c;
  int64_t held_size = 0;  // of the checkpoint held elsewhere (held.note)

  Ledger() {
    c.decided("drenthe-2024", "Drenthe");
    c.run({"key", "generate", "ministerie"});
    auto cp = c.run({"checkpoint", "--key", "ministerie.key"});
    if (cp.status != 0) throw std::runtime_error(cp.err);
    Cli::write(c.dir / "held.note", cp.out);  // published: out of the operator's reach
    held_size = std::stoll(cp.out.substr(cp.out.find('\n') + 1));
  }
  Outcome verify() const { return c.run({"verify"}); }
  Outcome verify_held() const { return c.run({"verify", "--checkpoint", "held.note", "--pubkey", "ministerie.pub"}); }
  Json log() const { return Json::parse(c.run({"log", "--format", "json"}).out); }
  int64_t seq_of(const std::string& kind, const std::string& subject = "") const {
    for (const auto& r : log())
      if (r["kind"] == kind && (subject.empty() || r["subject"] == subject)) return r["seq"].get<int64_t>();
    throw std::runtime_error("no " + kind);
  }
};

std::vector<ledger::Record> read_records(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT data FROM record ORDER BY seq");
  std::vector<ledger::Record> out;
  while (q.executeStep()) {
    std::string why;
    out.push_back(*ledger::decode_record(q.getColumn(0).getString(), &why));
  }
  return out;
}

// What an insider with the file and the signing key can do: replace every table the ledger keeps
// (records, Merkle nodes, remembered checkpoints) by a consistent rewrite of `records`, chained and
// hashed anew from `from` on with ledger::make_record, re-signing each checkpoint record with `key`
// as "ministerie" (and, when `name_own_key`, naming that key in the record as its signer).
void insider_rewrite(const std::string& db_path, std::vector<ledger::Record> records, size_t from,
                     const ledger::SigningKey& key, bool name_own_key = false) {
  ledger::MemoryTree tree;
  for (size_t i = 0; i < records.size(); ++i) {
    if (i >= from) {
      auto& r = records[i];
      ledger::Draft d{r.kind, r.cycle, r.province, r.subject, r.body};
      if (r.kind == "checkpoint") {
        ledger::Checkpoint cp{"verdeel/" + records[0].body["ledger"].get<std::string>(), i, tree.root(), {}};
        d.body["note"] = ledger::sign_checkpoint(cp, key, "ministerie");
        d.body["root"] = to_hex(tree.root());
        if (name_own_key) d.body["key"] = ledger::verifier_key("ministerie", key.public_key());
      }
      r = ledger::make_record(static_cast<int64_t>(i), i ? records[i - 1].hash : kZeroHash, d);
    }
    tree.append(records[i].hash);
  }
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  for (const char* t : {"record_no_delete", "merkle_node_no_delete", "checkpoint_seen_no_delete", "ledger_size_no_delete"})
    db.exec(std::string("DROP TRIGGER IF EXISTS ") + t);
  SQLite::Transaction tx(db);
  db.exec("DELETE FROM record; DELETE FROM merkle_node; DELETE FROM checkpoint_seen; DELETE FROM ledger_size");
  db.exec("INSERT INTO ledger_size (size) VALUES (" + std::to_string(records.size()) + ")");
  SQLite::Statement ins(db, verdeel::testing::kInsertRecordRow);
  SQLite::Statement cps(db, "INSERT INTO checkpoint_seen (seq, size, root) VALUES (?,?,?)");
  SQLite::Statement nodes(db, "INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)");
  ledger::MerkleFrontier f;
  for (const auto& r : records) {
    verdeel::testing::insert_record_row(ins, r);
    if (r.kind == "checkpoint") {
      const Hash root = f.root();
      cps.reset();
      cps.bind(1, r.seq);
      cps.bind(2, r.seq);
      cps.bind(3, root.data(), 32);
      cps.exec();
    }
    for (const auto& s : f.append(r.hash)) {
      if (s.level < ledger::kLowestStoredLevel) continue;
      nodes.reset();
      nodes.bind(1, static_cast<int64_t>(s.level));
      nodes.bind(2, static_cast<int64_t>(s.index));
      nodes.bind(3, s.hash.data(), 32);
      nodes.exec();
    }
  }
  tx.commit();
}

void sql(const std::string& db_path, const std::string& statement) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  for (const char* t : {"record_no_delete", "record_no_update", "merkle_node_no_delete", "checkpoint_seen_no_delete"})
    db.exec(std::string("DROP TRIGGER IF EXISTS ") + t);
  db.exec(statement);
}

bool has(const Outcome& o, const std::string& text) { return o.err.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("tamper (1): a payload byte edited in the file is caught by plain verify, naming the record",
          "[cli][tamper]") {
  Ledger l;
  const int64_t seq = l.seq_of("result.gemeente", "GM0106");
  const std::string data = read_records(l.c.db)[static_cast<size_t>(seq)].data;
  std::string file = slurp(l.c.db);
  const size_t at = file.find(data);
  REQUIRE(at != std::string::npos);
  REQUIRE(file.find(data, at + 1) == std::string::npos);
  const size_t digit = file.find_first_of("0123456789", at + data.find("\"besluit\""));
  file[digit] = file[digit] == '9' ? '8' : static_cast<char>(file[digit] + 1);
  Cli::write(l.c.db, file);

  auto v = l.verify();
  CHECK(v.status == 1);
  CHECK(has(v, "verify: record " + std::to_string(seq) + " (result.gemeente GM0106): hash mismatch"));
  auto h = l.verify_held();
  CHECK(h.status == 1);
  CHECK(has(h, "record " + std::to_string(seq) + " (result.gemeente GM0106): hash mismatch"));
}

TEST_CASE("tamper (2): a deleted record is caught by plain verify, naming the gap", "[cli][tamper]") {
  Ledger l;
  const int64_t seq = l.seq_of("step.basis");
  sql(l.c.db, "DELETE FROM record WHERE seq = " + std::to_string(seq));
  auto v = l.verify();
  CHECK(v.status == 1);
  CHECK(has(v, "verify: record " + std::to_string(seq + 1)));
  CHECK(has(v, "records " + std::to_string(seq) + ".." + std::to_string(seq) + " are missing"));
  CHECK(l.verify_held().status == 1);
}

TEST_CASE("tamper (3): two swapped records are caught by plain verify, naming the first", "[cli][tamper]") {
  Ledger l;
  const int64_t a = l.seq_of("input.verslag");
  const std::string s = std::to_string(a), t = std::to_string(a + 1);
  sql(l.c.db, "UPDATE record SET seq = -1 WHERE seq = " + s + "; UPDATE record SET seq = " + s + " WHERE seq = " + t +
                  "; UPDATE record SET seq = " + t + " WHERE seq = -1");
  auto v = l.verify();
  CHECK(v.status == 1);
  CHECK(has(v, "verify: record " + s + " "));
  CHECK(has(v, "stored bytes say seq " + t));
  CHECK(l.verify_held().status == 1);
}

TEST_CASE("tamper (4): a truncated tail passes plain verify and is caught by verify --checkpoint", "[cli][tamper]") {
  Ledger l;
  const auto all = read_records(l.c.db);
  const size_t keep = static_cast<size_t>(l.held_size) - 10;

  SECTION("done carefully (records, nodes and remembered checkpoints all cut back)") {
    insider_rewrite(l.c.db, std::vector<ledger::Record>(all.begin(), all.begin() + static_cast<long>(keep)), keep,
                    ledger::SigningKey::load((l.c.dir / "ministerie.key").string()));
    auto v = l.verify();
    INFO(v.err);
    CHECK(v.status == 0);  // the chain alone cannot tell
    auto h = l.verify_held();
    CHECK(h.status == 1);
    CHECK(has(h, "verify: checkpoint held.note: it signs " + std::to_string(l.held_size) + " records"));
    CHECK(has(h, "the ledger has only " + std::to_string(keep) + " records: records " + std::to_string(keep) + ".." +
                     std::to_string(l.held_size - 1) + " are missing"));
  }
  SECTION("done naively (only the records): the ledger's own Merkle nodes give it away, and writing is refused") {
    sql(l.c.db, "DELETE FROM record WHERE seq >= " + std::to_string(keep));
    auto v = l.verify();
    CHECK(v.status == 1);
    CHECK(has(v, "but has only " + std::to_string(keep) + ": records " + std::to_string(keep) + ".."));
    CHECK(has(v, "were removed (a truncated tail?)"));
    auto w = l.c.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"});
    CHECK(w.status == 2);
    CHECK(has(w, "refusing to append"));
    CHECK(l.verify_held().status == 1);
  }
}

TEST_CASE("tamper (5): a restored older copy passes plain verify and the ledger's own memory, verify --checkpoint "
          "with the newer checkpoint catches it",
          "[cli][tamper]") {
  Ledger l;
  std::filesystem::copy_file(l.c.db, l.c.dir / "old.db");
  REQUIRE(l.c.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"}).status == 0);
  auto b = l.c.run({"checkpoint", "--key", "ministerie.key"});
  REQUIRE(b.status == 0);
  Cli::write(l.c.dir / "newer.note", b.out);
  const int64_t newer = std::stoll(b.out.substr(b.out.find('\n') + 1));
  const int64_t older = l.held_size + 1;
  std::filesystem::copy_file(l.c.dir / "old.db", l.c.db, std::filesystem::copy_options::overwrite_existing);

  CHECK(l.verify().status == 0);
  CHECK(l.verify_held().status == 0);  // the old copy does extend the old checkpoint
  auto h = l.c.run({"verify", "--checkpoint", "newer.note", "--pubkey", "ministerie.pub"});
  CHECK(h.status == 1);
  CHECK(has(h, "the ledger has only " + std::to_string(older) + " records: records " + std::to_string(older) + ".." +
                   std::to_string(newer - 1) + " are missing (a truncated tail, or an older copy restored)"));

  // The copy brought its own remembered checkpoint along, so the ledger itself cannot tell and
  // accepts new records (here other ones than before); after that the newer checkpoint is no
  // longer extended.
  REQUIRE(l.c.run({"checkpoint", "--key", "ministerie.key"}).status == 0);
  REQUIRE(l.c.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"}).status == 0);
  CHECK(l.verify().status == 0);
  auto h2 = l.c.run({"verify", "--checkpoint", "newer.note", "--pubkey", "ministerie.pub"});
  CHECK(h2.status == 1);
  CHECK(has(h2, "the ledger does not extend it: it signs " + std::to_string(newer) + " records"));
  CHECK(has(h2, "records 0.." + std::to_string(newer - 1) + " hash to root"));
}

TEST_CASE("tamper (6): history re-hashed by an insider with the key passes plain verify, verify --checkpoint "
          "catches it",
          "[cli][tamper]") {
  Ledger l;
  REQUIRE(l.c.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--again"}).status == 0);
  REQUIRE(l.c.run({"checkpoint", "--key", "ministerie.key"}).status == 0);  // a later checkpoint record, re-signed too
  auto records = read_records(l.c.db);
  const size_t seq = static_cast<size_t>(l.seq_of("input.verslag", "GM0106"));
  records[seq].body["regulier"] = records[seq].body["regulier"].get<int64_t>() + 1;
  insider_rewrite(l.c.db, records, seq, ledger::SigningKey::load((l.c.dir / "ministerie.key").string()));

  auto v = l.c.run({"verify", "-v"});
  INFO(v.err);
  CHECK(v.status == 0);  // chain, nodes and the ledger's own checkpoint records all agree
  CHECK(v.out.find("2 checkpoint record(s) agree") != std::string::npos);
  auto h = l.verify_held();
  CHECK(h.status == 1);
  CHECK(has(h, "verify: checkpoint held.note: the ledger does not extend it: it signs " + std::to_string(l.held_size) +
                   " records"));
  CHECK(has(h, "history before record " + std::to_string(l.held_size) + " was changed and re-hashed"));
}

TEST_CASE("an insider without the key who re-hashes history is caught by plain verify at the checkpoint record, "
          "unless they also name their own key in it, the held checkpoint catches both",
          "[cli][tamper]") {
  Ledger l;
  auto records = read_records(l.c.db);
  const size_t seq = static_cast<size_t>(l.seq_of("input.verslag", "GM0106"));
  records[seq].body["regulier"] = records[seq].body["regulier"].get<int64_t>() + 1;
  const std::string cp = std::to_string(l.held_size);

  SECTION("re-signed with another key, the record still naming the ministry's") {
    insider_rewrite(l.c.db, records, seq, ledger::SigningKey::generate());
    auto v = l.verify();
    CHECK(v.status == 1);
    CHECK(has(v, "verify: record " + cp + " (checkpoint): checkpoint: not signed by key ministerie+"));
    CHECK(l.verify_held().status == 1);
  }
  SECTION("re-signed with another key that the record names: only a key held elsewhere can tell") {
    insider_rewrite(l.c.db, records, seq, ledger::SigningKey::generate(), true);
    CHECK(l.verify().status == 0);
    auto h = l.verify_held();
    CHECK(h.status == 1);
    CHECK(has(h, "the ledger does not extend it"));
  }
}

TEST_CASE("verify on one thread and on several names the same first bad record in the same words",
          "[cli][tamper][threads]") {
  Ledger l;
  const int64_t first = l.seq_of("step.basis"), later = l.seq_of("result.gemeente", "GM0106");
  REQUIRE(first < later);
  sql(l.c.db, "UPDATE record SET data = replace(data, '\"', ' ') WHERE seq IN (" + std::to_string(later) + "," +
                  std::to_string(first) + ")");
  const Outcome one = l.c.run({"verify", "--threads", "0"});
  CHECK(one.status == 1);
  CHECK(has(one, "verify: record " + std::to_string(first) + " "));
  for (const char* threads : {"1", "3"}) {
    const Outcome many = l.c.run({"verify", "--threads", threads});
    CHECK(many.status == one.status);
    CHECK(many.err == one.err);
    CHECK(many.out == one.out);
  }
  const Outcome bad = l.c.run({"verify", "--threads", "65"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--threads") != std::string::npos);
}
