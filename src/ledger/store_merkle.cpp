#include "ledger/store_merkle.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "ledger/checkpoint_state.h"

namespace verdeel::ledger {
namespace {

bool table_exists(SQLite::Database& db, const char* name) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  return q.executeStep();
}

bool to_hash(const SQLite::Column& c, Hash& out) {
  if (c.getBytes() != static_cast<int>(out.size())) return false;
  const auto* p = static_cast<const uint8_t*>(c.getBlob());
  for (size_t i = 0; i < out.size(); ++i) out[i] = p[i];
  return true;
}

bool node_exists(SQLite::Database& db, unsigned level, uint64_t index) {
  SQLite::Statement q(db, "SELECT 1 FROM merkle_node WHERE level = ? AND idx = ?");
  q.bind(1, static_cast<int64_t>(level));
  q.bind(2, static_cast<int64_t>(index));
  return q.executeStep();
}

// True when the last node of every stored level of a tree of `size` leaves is stored: the writer
// writes nodes in order, in the transaction of their records, so then all of them are.
bool nodes_complete(SQLite::Database& db, uint64_t size) {
  for (unsigned level = kLowestStoredLevel; level < 64 && (size >> level) > 0; ++level)
    if (!node_exists(db, level, (size >> level) - 1)) return false;
  return true;
}

void insert_node(SQLite::Statement& q, const Subtree& s) {
  q.reset();
  q.bind(1, static_cast<int64_t>(s.level));
  q.bind(2, static_cast<int64_t>(s.index));
  q.bind(3, s.hash.data(), static_cast<int>(s.hash.size()));
  q.exec();
}

// Fills merkle_node from the record hashes (once, for a ledger made before migration 002).
void backfill(SQLite::Database& db, uint64_t size) {
  SQLite::Statement rows(db, "SELECT seq, hash FROM record WHERE seq < ? ORDER BY seq");
  rows.bind(1, static_cast<int64_t>(size));
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO merkle_node (level, idx, hash) VALUES (?,?,?)");
  MerkleFrontier f;
  while (rows.executeStep()) {
    Hash h{};
    const int64_t seq = rows.getColumn(0).getInt64();
    if (seq != static_cast<int64_t>(f.size()) || !to_hash(rows.getColumn(1), h))
      throw StoreError("cannot build the Merkle tree: record " + std::to_string(f.size()) +
                       " is missing or malformed (run `verdeel verify`)");
    for (const Subtree& s : f.append(h))
      if (s.level >= kLowestStoredLevel) insert_node(ins, s);
  }
}

}  // namespace

unsigned lowest_stored_level(Store& store) {
  if (!table_exists(store.db(), "merkle_node")) return 0;
  if (store.format() >= 3) return kLowestStoredLevel;
  return store.format() == 2 ? 1 : 0;
}

StoreTree::StoreTree(Store& store) : StoreTree(store, static_cast<uint64_t>(store.size())) {}

StoreTree::StoreTree(Store& store, uint64_t size) : store_(store), size_(size) {
  lowest_ = lowest_stored_level(store_);
}

StoreTree::~StoreTree() = default;

Hash StoreTree::leaf(uint64_t index) const {
  if (index >= size_) return MerkleSource::subtree(0, index);  // throws out_of_range
  if (!leaf_q_) leaf_q_ = std::make_unique<SQLite::Statement>(store_.db(), "SELECT hash FROM record WHERE seq = ?");
  leaf_q_->reset();
  leaf_q_->bind(1, static_cast<int64_t>(index));
  Hash h{};
  if (!leaf_q_->executeStep() || !to_hash(leaf_q_->getColumn(0), h))
    throw StoreError("record " + std::to_string(index) + " is missing or its hash is malformed (run `verdeel verify`)");
  return h;
}

Hash StoreTree::subtree(unsigned level, uint64_t index) const {
  if (level == 0) return leaf(index);
  if (level >= 64 || index >= (size_ >> level)) return MerkleSource::subtree(level, index);  // throws out_of_range
  if (lowest_ != 0 && level >= lowest_) {
    if (!node_q_)
      node_q_ = std::make_unique<SQLite::Statement>(store_.db(), "SELECT hash FROM merkle_node WHERE level = ? AND idx = ?");
    node_q_->reset();
    node_q_->bind(1, static_cast<int64_t>(level));
    node_q_->bind(2, static_cast<int64_t>(index));
    Hash h{};
    if (node_q_->executeStep() && to_hash(node_q_->getColumn(0), h)) return h;
  }
  if (level <= kLowestStoredLevel) return from_leaves(level, index);
  // Not stored (an older ledger opened read-only): from the two halves.
  return sha256_node(subtree(level - 1, 2 * index), subtree(level - 1, 2 * index + 1));
}

Hash StoreTree::from_leaves(unsigned level, uint64_t index) const {
  const uint64_t first = index << level, count = uint64_t{1} << level;
  if (!leaves_q_)
    leaves_q_ = std::make_unique<SQLite::Statement>(store_.db(),
                                                    "SELECT seq, hash FROM record WHERE seq >= ? AND seq < ? ORDER BY seq");
  leaves_q_->reset();
  leaves_q_->bind(1, static_cast<int64_t>(first));
  leaves_q_->bind(2, static_cast<int64_t>(first + count));
  MerkleFrontier f;  // of a perfect subtree, the frontier's root is MTH
  while (leaves_q_->executeStep()) {
    Hash h{};
    const auto seq = static_cast<uint64_t>(leaves_q_->getColumn(0).getInt64());
    if (seq != first + f.size() || !to_hash(leaves_q_->getColumn(1), h)) break;
    f.append(h, [](unsigned, uint64_t, const Hash&) {});
  }
  if (f.size() != count)
    throw StoreError("record " + std::to_string(first + f.size()) +
                     " is missing or its hash is malformed (run `verdeel verify`)");
  return f.root();
}

MerkleAppender::MerkleAppender(Store& store, uint64_t size) : store_(store) {
  SQLite::Database& db = store_.db();
  // A node beyond the records: records were removed (seen when they completed a stored node).
  if (node_exists(db, kLowestStoredLevel, size >> kLowestStoredLevel))
    throw StoreError("refusing to append: the Merkle tree of '" + store_.path() + "' covers more records than the " +
                     std::to_string(size) + " it holds, so records were removed (a truncated tail?); run `verdeel verify`");
  if (!nodes_complete(db, size)) backfill(db, size);
  StoreTree tree(store_, size);
  require_extends_newest(store_, tree);
  frontier_ = MerkleFrontier::from(tree, size);
}

MerkleAppender::~MerkleAppender() = default;

void MerkleAppender::append(const Hash& leaf) {
  frontier_.append(leaf, [this](unsigned level, uint64_t index, const Hash& hash) {
    if (level < kLowestStoredLevel) return;
    if (!insert_)
      insert_ = std::make_unique<SQLite::Statement>(store_.db(), "INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)");
    insert_node(*insert_, Subtree{level, index, hash});
  });
}

}  // namespace verdeel::ledger
