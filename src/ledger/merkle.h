#pragma once
// RFC 9162 section 2.1 Merkle tree over the ledger's record hashes (LEDGER.md, "Merkle tree").
//
// The leaves are leaf HASHES: a record's hash is already SHA-256(0x00 || leaf bytes), so this
// code never hashes leaf bytes itself. Interior nodes are SHA-256(0x01 || left || right).
//
// Proof generation reads only O(log n) hashes from a MerkleSource: every range MTH(D[a:b]) the
// RFC recursion needs is split into the perfect (complete) subtrees it consists of, and those are
// read through MerkleSource::subtree(), which a store answers from a table of cached nodes. The
// verifiers live separately in merkle_verify.h.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "util/sha256.h"

namespace verdeel::ledger {

// A perfect subtree of 2^level leaves, covering leaves [index << level, (index + 1) << level).
struct Subtree {
  unsigned level = 0;
  uint64_t index = 0;
  Hash hash{};
};

// Source of leaf hashes and (optionally cached) complete subtree hashes.
class MerkleSource {
 public:
  virtual ~MerkleSource() = default;
  // Number of leaves available.
  virtual uint64_t size() const = 0;
  // Leaf hash at index (< size()).
  virtual Hash leaf(uint64_t index) const = 0;
  // Hash of the complete (perfect) subtree of 2^level leaves starting at leaf index << level.
  // The default computes it from the leaves (2^level leaf reads, 2^level - 1 node hashes); a
  // store overrides it with a table look-up. Callers only ask for subtrees that lie wholly
  // within size().
  virtual Hash subtree(unsigned level, uint64_t index) const;
};

// MTH(D[0:size]) for the first `size` leaves of the source; the empty tree is SHA-256("").
// O(log size) subtree() reads. Throws std::out_of_range if size > source.size().
Hash merkle_root(const MerkleSource& source, uint64_t size);

// PATH(index, D[0:size]), RFC 9162 section 2.1.3.1, ordered from the leaf's sibling upwards.
// O(log size) subtree() reads. Throws std::out_of_range if index >= size or size > source.size().
std::vector<Hash> inclusion_proof(const MerkleSource& source, uint64_t index, uint64_t size);

// PROOF(size1, D[0:size2]), RFC 9162 section 2.1.4.1. Empty when size1 == 0 or size1 == size2.
// O(log size2) subtree() reads. Throws std::out_of_range if size1 > size2 or
// size2 > source.size().
std::vector<Hash> consistency_proof(const MerkleSource& source, uint64_t size1, uint64_t size2);

// The empty tree's root, SHA-256 of the empty string.
const Hash& empty_root();

// Incremental state for appending: the frontier ("compact range") of perfect subtree roots that
// D[0:size] decomposes into, one per set bit of size, largest (leftmost) first. Appending a leaf
// costs O(1) amortised node hashes and reports the subtrees it completed, so that a store can
// persist them and answer MerkleSource::subtree() by look-up; root() costs O(log n) hashes.
class MerkleFrontier {
 public:
  MerkleFrontier() = default;

  // Appends one leaf hash. Returns the perfect subtrees of level >= 1 that this leaf completed,
  // lowest level first (the leaf itself, level 0, is not repeated: it is the record's hash).
  std::vector<Subtree> append(const Hash& leaf);
  // The same, handing each completed subtree (level, index, hash) to `completed`, smallest
  // first, without allocating.
  template <typename F>
  void append(const Hash& leaf, F&& completed) {
    append_subtree(0, leaf, completed);
  }
  // Appends a whole perfect subtree of 2^level leaves at once, given its root (computed
  // elsewhere: verify's worker threads hash the lower levels), and reports it (when level >= 1)
  // and the subtrees it completed, exactly as appending its leaves one by one would report them.
  // Requires size() to be a multiple of 2^level; throws std::logic_error otherwise.
  // When `completed` throws (a node that cannot be stored), the frontier is left as it was before
  // the call: it changes only after every completed subtree has been reported.
  template <typename F>
  void append_subtree(unsigned level, const Hash& root, F&& completed) {
    if (level >= 64 || (size_ & ((uint64_t{1} << level) - 1)) != 0)
      throw std::logic_error("MerkleFrontier::append_subtree: a subtree of level " + std::to_string(level) +
                             " cannot follow " + std::to_string(size_) + " leaves");
    Subtree cur{level, size_ >> level, root};
    if (level > 0) completed(cur.level, cur.index, cur.hash);
    size_t keep = nodes_.size();  // the subtrees that stay; those above it merge into cur
    while (keep > 0 && nodes_[keep - 1].level == cur.level) {
      const Subtree& left = nodes_[keep - 1];
      cur = Subtree{cur.level + 1, left.index >> 1, sha256_node(left.hash, cur.hash)};
      --keep;
      completed(cur.level, cur.index, cur.hash);
    }
    nodes_.resize(keep);    // shrinks or keeps: cannot throw
    nodes_.push_back(cur);  // into room just freed, or (nothing merged) may throw bad_alloc, changing nothing
    size_ += uint64_t{1} << level;
  }

  // MTH of the leaves appended so far (SHA-256("") when empty).
  Hash root() const;
  uint64_t size() const { return size_; }
  // The perfect subtrees D[0:size] consists of, largest first.
  const std::vector<Subtree>& subtrees() const { return nodes_; }

  // The frontier of the first `size` leaves of a source, from O(log size) subtree() reads.
  // Throws std::out_of_range if size > source.size().
  static MerkleFrontier from(const MerkleSource& source, uint64_t size);

 private:
  uint64_t size_ = 0;
  std::vector<Subtree> nodes_;
};

// In-memory source over a vector of leaf hashes, for tests and bundles. subtree() uses the
// default computation from the leaves (O(2^level)); for many proofs over one tree use MemoryTree.
struct VectorSource : MerkleSource {
  std::vector<Hash> leaves;

  VectorSource() = default;
  explicit VectorSource(std::vector<Hash> leaf_hashes) : leaves(std::move(leaf_hashes)) {}
  uint64_t size() const override { return leaves.size(); }
  Hash leaf(uint64_t index) const override;
};

// In-memory source that keeps every complete subtree hash, like a store's node table: append()
// is O(1) amortised and subtree() is a look-up, so proofs cost O(log n).
class MemoryTree : public MerkleSource {
 public:
  MemoryTree() = default;
  explicit MemoryTree(const std::vector<Hash>& leaf_hashes);
  void append(const Hash& leaf);
  uint64_t size() const override { return frontier_.size(); }
  Hash leaf(uint64_t index) const override;
  Hash subtree(unsigned level, uint64_t index) const override;
  Hash root() const { return frontier_.root(); }

 private:
  std::vector<std::vector<Hash>> levels_;  // levels_[L][i] = perfect subtree (L, i)
  MerkleFrontier frontier_;
};

}  // namespace verdeel::ledger
