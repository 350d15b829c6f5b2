#include "ledger/checkpoint_state.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

#include "ledger/store_merkle.h"

namespace verdeel::ledger {
namespace {

bool has_table(Store& store) {
  SQLite::Statement q(store.db(), "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checkpoint_seen'");
  return q.executeStep();
}

SeenCheckpoint row(SQLite::Statement& q) {
  SeenCheckpoint c;
  c.seq = q.getColumn(0).getInt64();
  c.size = static_cast<uint64_t>(q.getColumn(1).getInt64());
  const SQLite::Column root = q.getColumn(2);
  if (root.getBytes() != static_cast<int>(c.root.size()))
    throw StoreError("the remembered checkpoint of record " + std::to_string(c.seq) +
                     " has a malformed root (run `verdeel verify`)");
  const auto* p = static_cast<const uint8_t*>(root.getBlob());
  for (size_t i = 0; i < c.root.size(); ++i) c.root[i] = p[i];
  return c;
}

}  // namespace

std::vector<SeenCheckpoint> seen_checkpoints(Store& store) {
  std::vector<SeenCheckpoint> out;
  if (!has_table(store)) return out;
  SQLite::Statement q(store.db(), "SELECT seq, size, root FROM checkpoint_seen ORDER BY size, seq");
  while (q.executeStep()) out.push_back(row(q));
  return out;
}

std::optional<SeenCheckpoint> newest_seen_checkpoint(Store& store) {
  if (!has_table(store)) return std::nullopt;
  SQLite::Statement q(store.db(), "SELECT seq, size, root FROM checkpoint_seen ORDER BY size DESC, seq DESC LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return row(q);
}

void require_extends_newest(Store& store, const MerkleSource& tree) {
  const auto seen = newest_seen_checkpoint(store);
  if (!seen) return;
  const std::string remembered = "the newest checkpoint it has seen (record " + std::to_string(seen->seq) + ": " +
                                 std::to_string(seen->size) + " records, root " + to_hex(seen->root) + ")";
  const std::string advice = "; an older copy was restored or records were removed. Run `verdeel verify "
                             "--checkpoint FILE --pubkey FILE` against a checkpoint kept elsewhere";
  if (tree.size() <= static_cast<uint64_t>(seen->seq) || seen->size > tree.size())
    throw StoreError("refusing to append: '" + store.path() + "' has " + std::to_string(tree.size()) +
                     " records, fewer than " + remembered + advice);
  const Hash now = merkle_root(tree, seen->size);
  if (now != seen->root)
    throw StoreError("refusing to append: the first " + std::to_string(seen->size) + " records of '" + store.path() +
                     "' hash to root " + to_hex(now) + ", not to that of " + remembered + advice);
}

std::string ledger_id(Store& store) {
  auto g = store.get(0);
  if (!g || g->kind != "genesis" || !g->body.contains("ledger") || !g->body["ledger"].is_string())
    throw StoreError("'" + store.path() + "' has no genesis record with a ledger id (run `verdeel verify`)");
  return g->body["ledger"].get<std::string>();
}

AppendedCheckpoint append_checkpoint(Store& store, Store::Writer& w, const SigningKey& key,
                                     const std::string& key_name) {
  AppendedCheckpoint out;
  out.checkpoint.origin = ledger_origin(ledger_id(store));
  out.checkpoint.size = static_cast<uint64_t>(w.size());
  out.checkpoint.root = w.root();
  out.note = sign_checkpoint(out.checkpoint, key, key_name);
  Draft d;
  d.kind = "checkpoint";
  d.body = Json{{"note", out.note},
                {"key", verifier_key(key_name, key.public_key())},
                {"size", out.checkpoint.size},
                {"root", to_hex(out.checkpoint.root)}};
  out.record = w.append(d);
  SQLite::Statement q(store.db(), "INSERT INTO checkpoint_seen (seq, size, root) VALUES (?,?,?)");
  q.bind(1, out.record.seq);
  q.bind(2, static_cast<int64_t>(out.checkpoint.size));
  q.bind(3, out.checkpoint.root.data(), static_cast<int>(out.checkpoint.root.size()));
  q.exec();
  return out;
}

CheckpointRecord parse_checkpoint_record(const Record& r) {
  const Json& b = r.body;
  auto bad = [&](const std::string& what) { return std::invalid_argument(r.label() + ": " + what); };
  if (r.kind != "checkpoint") throw bad("not a checkpoint record");
  if (!b.is_object() || !b.contains("note") || !b["note"].is_string() || !b.contains("key") || !b["key"].is_string() ||
      !b.contains("size") || !b["size"].is_number_unsigned() || !b.contains("root") || !b["root"].is_string())
    throw bad("a checkpoint record holds {note, key, size, root}");
  CheckpointRecord c;
  c.note = b["note"].get<std::string>();
  c.verifier_key = b["key"].get<std::string>();
  c.size = b["size"].get<uint64_t>();
  const std::string root = b["root"].get<std::string>();
  try {
    c.root = hash_from_hex(root);
  } catch (const std::invalid_argument& e) {
    throw bad(std::string("bad root: ") + e.what());
  }
  if (to_hex(c.root) != root) throw bad("the root is not in lowercase hex");
  return c;
}

std::optional<Record> newest_checkpoint_record(Store& store) {
  return store.latest("", "", "checkpoint");  // index look-up (cycle, province, kind, seq)
}

}  // namespace verdeel::ledger
