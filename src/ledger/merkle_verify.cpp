#include "ledger/merkle_verify.h"

namespace verdeel::ledger {
namespace {

const Hash& empty_tree_root() {
  static const Hash h = sha256("");
  return h;
}

// "Right-shift both fn and sn equally until either LSB(fn) is set or fn is 0."
void skip_right_edge(uint64_t& fn, uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

// RFC 9162 section 2.1.3.2.
bool verify_inclusion(const Hash& leaf, uint64_t index, uint64_t size, const std::vector<Hash>& proof,
                      const Hash& root) {
  if (index >= size) return false;
  uint64_t fn = index;
  uint64_t sn = size - 1;
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) != 0 || fn == sn) {
      r = sha256_node(p, r);
      skip_right_edge(fn, sn);
    } else {
      r = sha256_node(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

// RFC 9162 section 2.1.4.2, with the edge cases it leaves out (size1 == 0, size1 == size2).
bool verify_consistency(uint64_t size1, uint64_t size2, const Hash& root1, const Hash& root2,
                        const std::vector<Hash>& proof) {
  if (size1 > size2) return false;
  if (size1 == size2) {
    if (!proof.empty() || root1 != root2) return false;
    return size1 != 0 || root1 == empty_tree_root();
  }
  if (size1 == 0) return proof.empty() && root1 == empty_tree_root();
  if (proof.empty()) return false;  // step 1

  // Step 2: if size1 is a power of two, the old root itself starts the path.
  const bool prepend = (size1 & (size1 - 1)) == 0;
  size_t i = 0;
  const Hash first = prepend ? root1 : proof[i++];

  uint64_t fn = size1 - 1;  // step 3
  uint64_t sn = size2 - 1;
  while ((fn & 1) != 0) {  // step 4
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = first;  // step 5
  Hash sr = first;
  for (; i < proof.size(); ++i) {  // step 6
    const Hash& c = proof[i];
    if (sn == 0) return false;
    if ((fn & 1) != 0 || fn == sn) {
      fr = sha256_node(c, fr);
      sr = sha256_node(c, sr);
      skip_right_edge(fn, sn);
    } else {
      sr = sha256_node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == root1 && sr == root2 && sn == 0;  // step 7
}

}  // namespace verdeel::ledger
