// Merkle proof verifiers (src/ledger/merkle_verify.h): the stored vectors, edge cases, and an
// exhaustive check over every tree up to 256 leaves that valid proofs verify and tampered ones
// do not.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/merkle_verify.h"

using namespace verdeel;
using namespace verdeel::ledger;

namespace {

const nlohmann::json& vectors() {
  static const nlohmann::json j = [] {
    std::ifstream in(VERDEEL_SOURCE_DIR "/tests/ledger/data/merkle-rfc6962.json");
    if (!in) throw std::runtime_error("cannot open merkle-rfc6962.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

std::vector<Hash> hashes_from_json(const nlohmann::json& arr) {
  std::vector<Hash> out;
  for (const auto& h : arr) out.push_back(hash_from_hex(h.get<std::string>()));
  return out;
}

std::vector<Hash> vector_leaves() {
  std::vector<Hash> out;
  for (const auto& h : vectors().at("leaves_hex")) out.push_back(sha256_prefixed(0x00, bytes_from_hex(h.get<std::string>())));
  return out;
}

Hash vector_root(uint64_t size) {
  if (size == 0) return hash_from_hex(vectors().at("empty_root").get<std::string>());
  for (const auto& r : vectors().at("roots"))
    if (r.at("size").get<uint64_t>() == size) return hash_from_hex(r.at("root").get<std::string>());
  throw std::runtime_error("no root for size " + std::to_string(size));
}

Hash flipped(Hash h, unsigned bit) {
  h[bit / 8] = static_cast<uint8_t>(h[bit / 8] ^ (1u << (bit % 8)));
  return h;
}

// Collects failures without a Catch assertion per check (there are millions of checks).
struct Failures {
  uint64_t checks = 0;
  uint64_t count = 0;
  std::vector<std::string> first;
  void expect(bool ok, const std::string& what) {
    ++checks;
    if (ok) return;
    ++count;
    if (first.size() < 10) first.push_back(what);
  }
  template <typename F>
  void expect_lazy(bool ok, F&& describe) {
    ++checks;
    if (ok) return;
    ++count;
    if (first.size() < 10) first.push_back(describe());
  }
  std::string report() const {
    std::ostringstream s;
    s << count << " of " << checks << " checks failed";
    for (const auto& f : first) s << "\n  " << f;
    return s.str();
  }
};

}  // namespace

TEST_CASE("The stored inclusion proofs verify against the stored roots", "[ledger][merkle]") {
  const std::vector<Hash> leaves = vector_leaves();
  for (const auto& v : vectors().at("inclusion")) {
    const uint64_t index = v.at("index").get<uint64_t>(), size = v.at("size").get<uint64_t>();
    INFO("index " << index << " size " << size);
    const std::vector<Hash> proof = hashes_from_json(v.at("proof"));
    const Hash root = vector_root(size);
    CHECK(verify_inclusion(leaves[index], index, size, proof, root));
    for (size_t j = 0; j < proof.size(); ++j)
      for (unsigned bit = 0; bit < 256; ++bit) {
        auto bad = proof;
        bad[j] = flipped(bad[j], bit);
        if (verify_inclusion(leaves[index], index, size, bad, root)) FAIL("proof hash " << j << " bit " << bit);
      }
    for (unsigned bit = 0; bit < 256; ++bit) {
      if (verify_inclusion(leaves[index], index, size, proof, flipped(root, bit))) FAIL("root bit " << bit);
      if (verify_inclusion(flipped(leaves[index], bit), index, size, proof, root)) FAIL("leaf bit " << bit);
    }
  }
}

TEST_CASE("The stored consistency proofs verify against the stored roots", "[ledger][merkle]") {
  for (const auto& v : vectors().at("consistency")) {
    const uint64_t size1 = v.at("size1").get<uint64_t>(), size2 = v.at("size2").get<uint64_t>();
    INFO("size1 " << size1 << " size2 " << size2);
    const std::vector<Hash> proof = hashes_from_json(v.at("proof"));
    const Hash root1 = vector_root(size1), root2 = vector_root(size2);
    CHECK(verify_consistency(size1, size2, root1, root2, proof));
    for (size_t j = 0; j < proof.size(); ++j)
      for (unsigned bit = 0; bit < 256; ++bit) {
        auto bad = proof;
        bad[j] = flipped(bad[j], bit);
        if (verify_consistency(size1, size2, root1, root2, bad)) FAIL("proof hash " << j << " bit " << bit);
      }
    for (unsigned bit = 0; bit < 256; ++bit) {
      if (verify_consistency(size1, size2, flipped(root1, bit), root2, proof)) FAIL("root1 bit " << bit);
      if (verify_consistency(size1, size2, root1, flipped(root2, bit), proof)) FAIL("root2 bit " << bit);
    }
  }
}

TEST_CASE("Verifiers handle the edge cases", "[ledger][merkle]") {
  const std::vector<Hash> leaves = vector_leaves();
  const Hash empty = vector_root(0);
  const Hash r1 = vector_root(1), r2 = vector_root(2), r8 = vector_root(8);

  SECTION("an index at or beyond the size is refused") {
    CHECK_FALSE(verify_inclusion(leaves[0], 0, 0, {}, empty));
    CHECK_FALSE(verify_inclusion(leaves[0], 1, 1, {}, r1));
    CHECK_FALSE(verify_inclusion(leaves[1], 2, 2, {leaves[0]}, r2));
    CHECK(verify_inclusion(leaves[0], 0, 1, {}, r1));
  }
  SECTION("a proof that is too long or too short is refused") {
    CHECK_FALSE(verify_inclusion(leaves[0], 0, 1, {leaves[1]}, r1));
    CHECK_FALSE(verify_inclusion(leaves[0], 0, 2, {}, r2));
    CHECK_FALSE(verify_inclusion(leaves[0], 0, 2, {leaves[1], leaves[1]}, r2));
  }
  SECTION("equal sizes need equal roots and an empty proof") {
    CHECK(verify_consistency(8, 8, r8, r8, {}));
    CHECK_FALSE(verify_consistency(8, 8, r8, r2, {}));
    CHECK_FALSE(verify_consistency(8, 8, r8, r8, {r8}));
    CHECK(verify_consistency(0, 0, empty, empty, {}));
    CHECK_FALSE(verify_consistency(0, 0, r1, r1, {}));
  }
  SECTION("every tree extends the empty tree, with an empty proof") {
    CHECK(verify_consistency(0, 8, empty, r8, {}));
    CHECK_FALSE(verify_consistency(0, 8, empty, r8, {r8}));
    CHECK_FALSE(verify_consistency(0, 8, r1, r8, {}));
  }
  SECTION("a shrinking tree or a missing proof is refused") {
    CHECK_FALSE(verify_consistency(8, 2, r8, r2, {}));
    CHECK_FALSE(verify_consistency(2, 8, r2, r8, {}));
    CHECK_FALSE(verify_consistency(1, 2, r1, r2, {}));
  }
  SECTION("extreme sizes do not overflow") {
    const uint64_t max = UINT64_MAX;
    CHECK_FALSE(verify_inclusion(leaves[0], max, max, {}, r1));
    CHECK_FALSE(verify_inclusion(leaves[0], max - 1, max, {r1, r2}, r1));
    CHECK_FALSE(verify_consistency(max - 1, max, r1, r2, {r1, r2}));
    CHECK_FALSE(verify_consistency(1, max, r1, r2, {r1}));
  }
}

// The shape of an RFC 9162 proof, from the section 2.1 recursions: for an inclusion proof, the
// side of each sibling from the leaf up; for a consistency proof, whether the old root starts the
// path implicitly (size1 a power of two) and the side of each hash (left hashes lie in both trees,
// right hashes in the new tree only). A verifier sees only the proof, the roots and the sizes, so
// if a changed index or size gives the same shape, the RFC algorithm recomputes the same roots and
// must accept: the roots do not commit to the tree size (the signed checkpoint binds size and root
// together). Everything else must be refused.
namespace shape {
uint64_t k_of(uint64_t n) {
  uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
std::vector<bool> inclusion(uint64_t m, uint64_t n) {
  if (n == 1) return {};
  const uint64_t k = k_of(n);
  std::vector<bool> s = m < k ? inclusion(m, k) : inclusion(m - k, n - k);
  s.push_back(m >= k);  // true: the sibling is on the left
  return s;
}
std::vector<bool> consistency(uint64_t m, uint64_t n, bool b) {
  if (m == n) return {b};  // first entry: the old root is the implicit start
  const uint64_t k = k_of(n);
  std::vector<bool> s = m <= k ? consistency(m, k, b) : consistency(m - k, n - k, false);
  s.push_back(m > k);
  return s;
}
bool same_inclusion(uint64_t i, uint64_t n, uint64_t i2, uint64_t n2) {
  return i2 < n2 && n2 <= 1024 && inclusion(i2, n2) == inclusion(i, n);
}
bool same_consistency(uint64_t m, uint64_t n, uint64_t m2, uint64_t n2) {
  if (m == 0 || m >= n) return m2 == m && n2 == n;
  return 0 < m2 && m2 < n2 && n2 <= 1024 && consistency(m2, n2, true) == consistency(m, n, true);
}
}  // namespace shape

// Every index of every tree up to 256 leaves, and every pair of sizes: the generated proof
// verifies, and changing any proof hash, the root(s), the leaf, the index or the size(s) makes
// verification fail (unless the change leaves the proof's shape unchanged, see above). Bit flips,
// to keep the suite fast: all 256 bits of every hash for trees up to 16 leaves, 8 bits per hash
// up to 64 leaves, and above that one bit per hash, moving through all 256 positions. Index and
// size: every bit up to 2^9 and bit 63 up to 64 leaves; above that +-1 and one moving bit.
TEST_CASE("Exhaustively, proofs for every tree up to 256 leaves verify and tampered ones do not",
          "[ledger][merkle][exhaustive]") {
  constexpr uint64_t N = 256;
  static const std::vector<Hash> leaves = [] {
    std::vector<Hash> out;
    for (uint64_t i = 0; i < N; ++i) out.push_back(sha256_prefixed(0x00, "record " + std::to_string(i)));
    return out;
  }();
  static const MemoryTree tree(leaves);
  std::vector<Hash> roots;
  for (uint64_t n = 0; n <= N; ++n) roots.push_back(merkle_root(tree, n));

  unsigned rotor = 0;
  auto hash_bits = [&](uint64_t n) {
    std::vector<unsigned> bits;
    if (n <= 16) {
      for (unsigned b = 0; b < 256; ++b) bits.push_back(b);
    } else if (n <= 64) {
      for (unsigned word = 0; word < 8; ++word) bits.push_back(word * 32 + (rotor++ % 32));
    } else {
      bits.push_back(rotor++ % 256);
    }
    return bits;
  };
  auto number_variants = [&](uint64_t x, uint64_t n) {
    std::vector<uint64_t> out{x + 1, x - 1};  // x - 1 wraps for 0: also a variant
    if (n <= 64) {
      for (unsigned b = 0; b < 10; ++b) out.push_back(x ^ (uint64_t{1} << b));
      out.push_back(x ^ (uint64_t{1} << 63));
    } else {
      out.push_back(x ^ (uint64_t{1} << (rotor++ % 10)));
    }
    return out;
  };

  Failures f;
  SECTION("inclusion") {
    for (uint64_t n = 1; n <= N; ++n) {
      const Hash& root = roots[n];
      for (uint64_t i = 0; i < n; ++i) {
        const Hash& leaf = leaves[i];
        const std::vector<Hash> proof = inclusion_proof(tree, i, n);
        auto where = [&](const std::string& what) {
          return "index " + std::to_string(i) + " size " + std::to_string(n) + ": " + what;
        };
        f.expect_lazy(verify_inclusion(leaf, i, n, proof, root), [&] { return where("valid proof refused"); });
        for (size_t j = 0; j < proof.size(); ++j)
          for (unsigned b : hash_bits(n)) {
            std::vector<Hash> bad = proof;
            bad[j] = flipped(bad[j], b);
            f.expect_lazy(!verify_inclusion(leaf, i, n, bad, root),
                          [&] { return where("proof hash " + std::to_string(j) + " bit " + std::to_string(b)); });
          }
        for (unsigned b : hash_bits(n)) {
          f.expect_lazy(!verify_inclusion(leaf, i, n, proof, flipped(root, b)),
                        [&] { return where("root bit " + std::to_string(b)); });
          f.expect_lazy(!verify_inclusion(flipped(leaf, b), i, n, proof, root),
                        [&] { return where("leaf bit " + std::to_string(b)); });
        }
        for (uint64_t i2 : number_variants(i, n))
          f.expect_lazy(verify_inclusion(leaf, i2, n, proof, root) == shape::same_inclusion(i, n, i2, n),
                        [&] { return where("index changed to " + std::to_string(i2)); });
        for (uint64_t n2 : number_variants(n, n))
          f.expect_lazy(verify_inclusion(leaf, i, n2, proof, root) == shape::same_inclusion(i, n, i, n2),
                        [&] { return where("size changed to " + std::to_string(n2)); });
        if (!proof.empty()) {
          std::vector<Hash> shorter(proof.begin(), proof.end() - 1), longer = proof;
          longer.push_back(root);
          f.expect(!verify_inclusion(leaf, i, n, shorter, root), where("last hash dropped"));
          f.expect(!verify_inclusion(leaf, i, n, longer, root), where("hash appended"));
        }
      }
    }
  }
  SECTION("consistency") {
    for (uint64_t n = 0; n <= N; ++n) {
      for (uint64_t m = 0; m <= n; ++m) {
        const Hash &r1 = roots[m], &r2 = roots[n];
        const std::vector<Hash> proof = consistency_proof(tree, m, n);
        auto where = [&](const std::string& what) {
          return "size1 " + std::to_string(m) + " size2 " + std::to_string(n) + ": " + what;
        };
        f.expect_lazy(verify_consistency(m, n, r1, r2, proof), [&] { return where("valid proof refused"); });
        for (size_t j = 0; j < proof.size(); ++j)
          for (unsigned b : hash_bits(n)) {
            std::vector<Hash> bad = proof;
            bad[j] = flipped(bad[j], b);
            f.expect_lazy(!verify_consistency(m, n, r1, r2, bad),
                          [&] { return where("proof hash " + std::to_string(j) + " bit " + std::to_string(b)); });
          }
        for (unsigned b : hash_bits(n)) {
          f.expect_lazy(!verify_consistency(m, n, flipped(r1, b), r2, proof),
                        [&] { return where("root1 bit " + std::to_string(b)); });
          // Every tree extends the empty tree, whatever its root: root2 is only bound when m > 0.
          if (m > 0 || n == 0)
            f.expect_lazy(!verify_consistency(m, n, r1, flipped(r2, b), proof),
                          [&] { return where("root2 bit " + std::to_string(b)); });
        }
        for (uint64_t m2 : number_variants(m, n))
          f.expect_lazy(verify_consistency(m2, n, r1, r2, proof) == shape::same_consistency(m, n, m2, n),
                        [&] { return where("size1 changed to " + std::to_string(m2)); });
        if (m > 0)
          for (uint64_t n2 : number_variants(n, n))
            f.expect_lazy(verify_consistency(m, n2, r1, r2, proof) == shape::same_consistency(m, n, m, n2),
                          [&] { return where("size2 changed to " + std::to_string(n2)); });
        if (m > 0 && m < n) {
          std::vector<Hash> shorter(proof.begin(), proof.end() - 1), longer = proof;
          longer.push_back(r2);
          f.expect(!verify_consistency(m, n, r1, r2, shorter), where("last hash dropped"));
          f.expect(!verify_consistency(m, n, r1, r2, longer), where("hash appended"));
        }
      }
    }
  }
  INFO(f.report());
  CHECK(f.count == 0);
  CHECK(f.checks > 0);
}

TEST_CASE("A changed tree size passes only where the proof's shape cannot tell the sizes apart",
          "[ledger][merkle]") {
  // The RFC 9162 verifier derives only the proof's shape from the size. Leaf 0 of a tree of 5
  // and of a tree of 7 both have three siblings, all on the right: the same proof and root pass
  // for either size. This is why a checkpoint signs the size together with the root.
  const std::vector<Hash> leaves = vector_leaves();
  const VectorSource src(leaves);
  const auto proof = inclusion_proof(src, 0, 5);
  CHECK(verify_inclusion(leaves[0], 0, 7, proof, vector_root(5)));
  CHECK_FALSE(verify_inclusion(leaves[0], 0, 9, proof, vector_root(5)));
  CHECK_FALSE(verify_inclusion(leaves[0], 0, 4, proof, vector_root(5)));
  // The leaf's own position is bound: leaf 1 of 5 has its sibling on the other side.
  CHECK_FALSE(verify_inclusion(leaves[0], 1, 5, proof, vector_root(5)));
}
