#pragma once
// Verifiers for RFC 9162 Merkle proofs (sections 2.1.3.2 and 2.1.4.2), written independently of
// the generators in merkle.h so that a bug in one is not mirrored in the other. They never throw
// on bad input: any malformed, inconsistent or tampered proof gives false.
#include <cstdint>
#include <vector>

#include "util/sha256.h"

namespace verdeel::ledger {

// True iff `proof` shows that `leaf` (a leaf HASH) is at `index` in the tree of `size` leaves
// with root `root`. False if index >= size.
bool verify_inclusion(const Hash& leaf, uint64_t index, uint64_t size, const std::vector<Hash>& proof,
                      const Hash& root);

// True iff `proof` shows that the tree of size2 leaves with root2 extends the tree of size1
// leaves with root1. Edge cases: size1 > size2 is false; size1 == size2 needs an empty proof and
// root1 == root2; size1 == 0 needs an empty proof and root1 == SHA-256("") (every tree extends
// the empty tree).
bool verify_consistency(uint64_t size1, uint64_t size2, const Hash& root1, const Hash& root2,
                        const std::vector<Hash>& proof);

}  // namespace verdeel::ledger
