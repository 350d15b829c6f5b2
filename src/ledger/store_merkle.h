#pragma once
// The Merkle tree of a Store (LEDGER.md "Merkle tree"): a MerkleSource whose leaves are the record
// hashes and whose complete subtrees are read from table merkle_node (schema/002_merkle.sql), and
// the appender that keeps that table current inside a Store::Writer's transaction.
//
// Roots and proofs over a StoreTree cost O(log n) indexed look-ups. merkle_node is a cache of the
// complete subtrees of level >= kLowestStoredLevel (schema/003_merkle_upper_levels.sql); a lower
// subtree is computed from its at most 2^kLowestStoredLevel record hashes, read in one range
// query. `verdeel verify` recomputes every node from the records (TreeCheck, verify_tree.h); a
// node that is missing (a ledger opened read-only before migration 002) is computed from its
// children.
#include <cstdint>
#include <memory>

#include "ledger/merkle.h"
#include "ledger/store.h"

namespace verdeel::ledger {

// merkle_node holds the complete subtrees of this level and up (16 records and more).
inline constexpr unsigned kLowestStoredLevel = 4;

// The lowest level a ledger of this format stores in merkle_node: kLowestStoredLevel from
// format 3 on, 1 in format 2, 0 when it has no node table (format 1, or the table is gone).
unsigned lowest_stored_level(Store& store);

class StoreTree : public MerkleSource {
 public:
  // The tree of the first `size` records; without `size`, of every record.
  explicit StoreTree(Store& store);
  StoreTree(Store& store, uint64_t size);
  ~StoreTree() override;
  StoreTree(const StoreTree&) = delete;
  StoreTree& operator=(const StoreTree&) = delete;

  uint64_t size() const override { return size_; }
  // record.hash of record `index`; throws StoreError when it is missing or malformed.
  Hash leaf(uint64_t index) const override;
  Hash subtree(unsigned level, uint64_t index) const override;
  Hash root() const { return merkle_root(*this, size_); }

 private:
  // A perfect subtree small enough to compute from its leaves, read in one range query.
  Hash from_leaves(unsigned level, uint64_t index) const;

  Store& store_;
  uint64_t size_ = 0;
  unsigned lowest_ = 0;  // lowest_stored_level(store), 0 = no node table
  mutable std::unique_ptr<SQLite::Statement> leaf_q_, node_q_, leaves_q_;
};

// Used by Store::Writer only. Construction (inside the writer's transaction) loads the frontier of
// the store's `size` records in O(log n) look-ups, fills merkle_node once from the records when a
// ledger made before migration 002 lacks it, and refuses with StoreError when the ledger no longer
// extends what it has seen: nodes beyond its records (records removed) or a remembered checkpoint
// it does not extend (checkpoint_state.h).
class MerkleAppender {
 public:
  MerkleAppender(Store& store, uint64_t size);
  ~MerkleAppender();
  MerkleAppender(const MerkleAppender&) = delete;
  MerkleAppender& operator=(const MerkleAppender&) = delete;

  // Records the nodes that appending `leaf` completes (prepared statement, one per transaction).
  void append(const Hash& leaf);
  const MerkleFrontier& frontier() const { return frontier_; }

 private:
  Store& store_;
  MerkleFrontier frontier_;
  std::unique_ptr<SQLite::Statement> insert_;
};

}  // namespace verdeel::ledger
