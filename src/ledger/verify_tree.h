#pragma once
// Verifying what the ledger stores about its Merkle tree (LEDGER.md "Merkle tree",
// "Checkpoints"), while verify_chain streams the records: feed every record that checked out to
// add(), in order, then call finish(). It recomputes the tree from the record hashes and compares
//   - every node of merkle_node (a cache that proofs and rollback detection rely on),
//   - every `checkpoint` record: its origin is this ledger, its size is its own seq (a checkpoint
//     signs the records before it), its root is the root of those records, and its note carries a
//     valid signature by the key the record names (this shows the record is intact, not who
//     signed: for that, verify against a checkpoint and key held elsewhere),
//   - every remembered checkpoint (checkpoint_seen) against its checkpoint record.
// Memory is O(log n): one cursor per tree level.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/store.h"
#include "ledger/store_merkle.h"
#include "ledger/verify.h"

namespace verdeel::ledger {

class TreeCheck {
 public:
  explicit TreeCheck(Store& store);
  ~TreeCheck();
  TreeCheck(const TreeCheck&) = delete;
  TreeCheck& operator=(const TreeCheck&) = delete;

  // Parses a record only when it must: the genesis record (its ledger id) and checkpoints.
  void add(const CheckedRecord& r);
  // The records [first, first + 2^kBlockLevel) at once, given the root of their perfect subtree:
  // every one of them checked out, none is record 0 or a checkpoint, and `first` is the next
  // record add() expects. Only when takes_blocks(): the node table stores no level below it, so
  // the block's lower levels need no comparing (verify_pipelined, verify_pipeline.h).
  static constexpr unsigned kBlockLevel = kLowestStoredLevel;
  bool takes_blocks() const { return lowest_ == 0 || lowest_ >= kBlockLevel; }
  void add_block(uint64_t first, const Hash& root);
  // "" when everything agrees, else the first problem, naming the record or node.
  std::string finish();

  uint64_t nodes_checked() const { return nodes_checked_; }
  size_t checkpoints_checked() const { return checkpoints_.size(); }
  Hash root() const { return frontier_.root(); }

 private:
  void check_node(unsigned level, uint64_t index, const Hash& hash);
  void check_checkpoint(const Record& r);

  Store& store_;
  unsigned lowest_ = 0;  // lowest level the node table stores (store_merkle.h); 0 = no node table
  std::string ledger_id_;
  MerkleFrontier frontier_;
  std::vector<std::unique_ptr<SQLite::Statement>> cursors_;  // per level
  std::map<int64_t, std::pair<uint64_t, Hash>> checkpoints_;  // seq -> (size, root)
  uint64_t nodes_checked_ = 0;
  std::string problem_;
};

}  // namespace verdeel::ledger
