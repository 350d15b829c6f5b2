#include "ledger/merkle.h"

#include <stdexcept>
#include <string>

namespace verdeel::ledger {
namespace {

bool is_power_of_two(uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

unsigned log2_exact(uint64_t n) {  // n is a power of two
  unsigned l = 0;
  while ((uint64_t{1} << l) != n) ++l;
  return l;
}

// The largest power of two smaller than n (n >= 2): RFC 9162's k.
uint64_t split_point(uint64_t n) {
  uint64_t k = 1;
  while ((k << 1) < n) k <<= 1;
  return k;
}

// MTH(D[begin:begin+n]), n >= 1, from the perfect subtrees the range consists of. The RFC
// recursion only asks for ranges whose begin is a multiple of the largest power of two <= n, so
// every piece is an aligned perfect subtree and this costs O(log n) subtree() reads. (Unaligned
// ranges still give the right hash, just with more reads.)
Hash range_hash(const MerkleSource& src, uint64_t begin, uint64_t n) {
  if (is_power_of_two(n) && begin % n == 0) {
    const unsigned level = log2_exact(n);
    return src.subtree(level, begin >> level);
  }
  const uint64_t k = split_point(n);
  return sha256_node(range_hash(src, begin, k), range_hash(src, begin + k, n - k));
}

// PATH(m, D[begin:begin+n]), RFC 9162 section 2.1.3.1.
void path(const MerkleSource& src, uint64_t m, uint64_t begin, uint64_t n, std::vector<Hash>& out) {
  if (n <= 1) return;
  const uint64_t k = split_point(n);
  if (m < k) {
    path(src, m, begin, k, out);
    out.push_back(range_hash(src, begin + k, n - k));
  } else {
    path(src, m - k, begin + k, n - k, out);
    out.push_back(range_hash(src, begin, k));
  }
}

// SUBPROOF(m, D[begin:begin+n], b), RFC 9162 section 2.1.4.1.
void subproof(const MerkleSource& src, uint64_t m, uint64_t begin, uint64_t n, bool b,
              std::vector<Hash>& out) {
  if (m == n) {
    if (!b) out.push_back(range_hash(src, begin, n));
    return;
  }
  const uint64_t k = split_point(n);
  if (m <= k) {
    subproof(src, m, begin, k, b, out);
    out.push_back(range_hash(src, begin + k, n - k));
  } else {
    subproof(src, m - k, begin + k, n - k, false, out);
    out.push_back(range_hash(src, begin, k));
  }
}

Hash subtree_from_leaves(const MerkleSource& src, unsigned level, uint64_t first) {
  if (level == 0) return src.leaf(first);
  const uint64_t half = uint64_t{1} << (level - 1);
  return sha256_node(subtree_from_leaves(src, level - 1, first),
                     subtree_from_leaves(src, level - 1, first + half));
}

void check_size(const MerkleSource& src, uint64_t size, const char* what) {
  if (size > src.size())
    throw std::out_of_range(std::string(what) + ": tree size " + std::to_string(size) +
                            " exceeds the " + std::to_string(src.size()) + " leaves available");
}

}  // namespace

const Hash& empty_root() {
  static const Hash h = sha256("");
  return h;
}

Hash MerkleSource::subtree(unsigned level, uint64_t index) const {
  if (level >= 64 || index >= (size() >> level))
    throw std::out_of_range("Merkle subtree (level " + std::to_string(level) + ", index " +
                            std::to_string(index) + ") lies outside the " +
                            std::to_string(size()) + " leaves available");
  return subtree_from_leaves(*this, level, index << level);
}

Hash merkle_root(const MerkleSource& source, uint64_t size) {
  check_size(source, size, "merkle_root");
  if (size == 0) return empty_root();
  return range_hash(source, 0, size);
}

std::vector<Hash> inclusion_proof(const MerkleSource& source, uint64_t index, uint64_t size) {
  check_size(source, size, "inclusion_proof");
  if (index >= size)
    throw std::out_of_range("inclusion_proof: leaf index " + std::to_string(index) +
                            " is not in a tree of size " + std::to_string(size));
  std::vector<Hash> out;
  path(source, index, 0, size, out);
  return out;
}

std::vector<Hash> consistency_proof(const MerkleSource& source, uint64_t size1, uint64_t size2) {
  check_size(source, size2, "consistency_proof");
  if (size1 > size2)
    throw std::out_of_range("consistency_proof: old size " + std::to_string(size1) +
                            " is larger than new size " + std::to_string(size2));
  std::vector<Hash> out;
  if (size1 == 0 || size1 == size2) return out;
  subproof(source, size1, 0, size2, true, out);
  return out;
}

std::vector<Subtree> MerkleFrontier::append(const Hash& leaf) {
  std::vector<Subtree> completed;
  append(leaf, [&completed](unsigned level, uint64_t index, const Hash& hash) {
    completed.push_back(Subtree{level, index, hash});
  });
  return completed;
}

Hash MerkleFrontier::root() const {
  if (nodes_.empty()) return empty_root();
  Hash h = nodes_.back().hash;
  for (size_t i = nodes_.size() - 1; i-- > 0;) h = sha256_node(nodes_[i].hash, h);
  return h;
}

MerkleFrontier MerkleFrontier::from(const MerkleSource& source, uint64_t size) {
  check_size(source, size, "MerkleFrontier::from");
  MerkleFrontier f;
  uint64_t begin = 0;
  for (unsigned level = 64; level-- > 0;) {
    const uint64_t width = uint64_t{1} << level;
    if ((size & width) == 0) continue;
    const uint64_t index = begin >> level;
    f.nodes_.push_back(Subtree{level, index, source.subtree(level, index)});
    begin += width;
  }
  f.size_ = size;
  return f;
}

Hash VectorSource::leaf(uint64_t index) const {
  if (index >= leaves.size())
    throw std::out_of_range("leaf index " + std::to_string(index) + " is not below " +
                            std::to_string(leaves.size()));
  return leaves[static_cast<size_t>(index)];
}

MemoryTree::MemoryTree(const std::vector<Hash>& leaf_hashes) {
  for (const Hash& h : leaf_hashes) append(h);
}

void MemoryTree::append(const Hash& leaf) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf);
  for (const Subtree& s : frontier_.append(leaf)) {
    if (levels_.size() <= s.level) levels_.resize(s.level + 1);
    levels_[s.level].push_back(s.hash);
  }
}

Hash MemoryTree::leaf(uint64_t index) const { return subtree(0, index); }

Hash MemoryTree::subtree(unsigned level, uint64_t index) const {
  if (level >= levels_.size() || index >= levels_[level].size())
    throw std::out_of_range("Merkle subtree (level " + std::to_string(level) + ", index " +
                            std::to_string(index) + ") lies outside the " +
                            std::to_string(size()) + " leaves available");
  return levels_[level][static_cast<size_t>(index)];
}

}  // namespace verdeel::ledger
