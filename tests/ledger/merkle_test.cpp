// Merkle tree generators (src/ledger/merkle.h): RFC 9162 known-answer vectors, a naive reference
// implementation of the RFC's recursive definitions, O(log n) reads, and the append frontier.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <tuple>
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

std::vector<Hash> vector_leaves(size_t n) {
  std::vector<Hash> out;
  const auto& hex = vectors().at("leaves_hex");
  for (size_t i = 0; i < n; ++i) out.push_back(sha256_prefixed(0x00, bytes_from_hex(hex.at(i).get<std::string>())));
  return out;
}

std::vector<Hash> hashes_from_json(const nlohmann::json& arr) {
  std::vector<Hash> out;
  for (const auto& h : arr) out.push_back(hash_from_hex(h.get<std::string>()));
  return out;
}

std::vector<Hash> synthetic_leaves(size_t n) {
  std::vector<Hash> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(sha256_prefixed(0x00, "leaf " + std::to_string(i)));
  return out;
}

// The RFC 9162 section 2.1 definitions, transcribed literally over vector slices.
namespace ref {
using It = std::vector<Hash>::const_iterator;
size_t k_of(size_t n) {
  size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
Hash mth(It b, size_t n) {
  if (n == 0) return sha256("");
  if (n == 1) return *b;
  size_t k = k_of(n);
  return sha256_node(mth(b, k), mth(b + static_cast<std::ptrdiff_t>(k), n - k));
}
std::vector<Hash> path(size_t m, It b, size_t n) {
  if (n == 1) return {};
  size_t k = k_of(n);
  std::vector<Hash> out;
  if (m < k) {
    out = path(m, b, k);
    out.push_back(mth(b + static_cast<std::ptrdiff_t>(k), n - k));
  } else {
    out = path(m - k, b + static_cast<std::ptrdiff_t>(k), n - k);
    out.push_back(mth(b, k));
  }
  return out;
}
std::vector<Hash> subproof(size_t m, It b, size_t n, bool flag) {
  if (m == n) return flag ? std::vector<Hash>{} : std::vector<Hash>{mth(b, n)};
  size_t k = k_of(n);
  std::vector<Hash> out;
  if (m <= k) {
    out = subproof(m, b, k, flag);
    out.push_back(mth(b + static_cast<std::ptrdiff_t>(k), n - k));
  } else {
    out = subproof(m - k, b + static_cast<std::ptrdiff_t>(k), n - k, false);
    out.push_back(mth(b, k));
  }
  return out;
}
}  // namespace ref

// Counts every hash read a proof generator makes.
class CountingSource : public MerkleSource {
 public:
  explicit CountingSource(const MerkleSource& inner) : inner_(inner) {}
  uint64_t size() const override { return inner_.size(); }
  Hash leaf(uint64_t index) const override {
    ++reads;
    return inner_.leaf(index);
  }
  Hash subtree(unsigned level, uint64_t index) const override {
    ++reads;
    return inner_.subtree(level, index);
  }
  mutable uint64_t reads = 0;

 private:
  const MerkleSource& inner_;
};

unsigned ceil_log2(uint64_t n) {
  unsigned l = 0;
  while ((uint64_t{1} << l) < n) ++l;
  return l;
}

}  // namespace

TEST_CASE("The hasher matches the RFC 6962 leaf and node hash vectors", "[ledger][merkle]") {
  for (const auto& v : vectors().at("hasher_vectors")) {
    INFO(v.at("desc").get<std::string>());
    const Hash expected = hash_from_hex(v.at("hash").get<std::string>());
    if (v.at("op") == "leaf") {
      CHECK(sha256_prefixed(0x00, bytes_from_hex(v.at("input_hex").get<std::string>())) == expected);
    } else {
      // The vector's children are not 32-byte hashes, so hash 0x01 || left || right directly.
      const std::string bytes = "\x01" + bytes_from_hex(v.at("left_hex").get<std::string>()) +
                                bytes_from_hex(v.at("right_hex").get<std::string>());
      CHECK(sha256(bytes) == expected);
    }
  }
}

TEST_CASE("The empty tree's root is the SHA-256 of the empty string", "[ledger][merkle]") {
  const Hash expected = hash_from_hex(vectors().at("empty_root").get<std::string>());
  VectorSource empty;
  CHECK(merkle_root(empty, 0) == expected);
  CHECK(empty_root() == expected);
  CHECK(MerkleFrontier().root() == expected);
  CHECK(MemoryTree().root() == expected);
}

TEST_CASE("Roots of the vector trees of sizes 1 to 8 match", "[ledger][merkle]") {
  const VectorSource src(vector_leaves(8));
  const MemoryTree tree(src.leaves);
  for (const auto& r : vectors().at("roots")) {
    const uint64_t size = r.at("size").get<uint64_t>();
    INFO("size " << size);
    const Hash expected = hash_from_hex(r.at("root").get<std::string>());
    CHECK(merkle_root(src, size) == expected);
    CHECK(merkle_root(tree, size) == expected);
    CHECK(MerkleFrontier::from(src, size).root() == expected);
  }
}

TEST_CASE("Complete subtree hashes match the vector node hashes", "[ledger][merkle]") {
  const VectorSource src(vector_leaves(8));
  const MemoryTree tree(src.leaves);
  const auto& levels = vectors().at("node_hashes").at("levels");
  for (size_t level = 0; level < levels.size(); ++level) {
    for (size_t i = 0; i < levels[level].size(); ++i) {
      INFO("level " << level << " index " << i);
      const Hash expected = hash_from_hex(levels[level][i].get<std::string>());
      CHECK(src.subtree(static_cast<unsigned>(level), i) == expected);
      CHECK(tree.subtree(static_cast<unsigned>(level), i) == expected);
    }
  }
}

TEST_CASE("Generated inclusion proofs equal the vector proofs hash by hash", "[ledger][merkle]") {
  const VectorSource src(vector_leaves(8));
  const MemoryTree tree(src.leaves);
  for (const auto& v : vectors().at("inclusion")) {
    const uint64_t index = v.at("index").get<uint64_t>(), size = v.at("size").get<uint64_t>();
    INFO("index " << index << " size " << size);
    const std::vector<Hash> expected = hashes_from_json(v.at("proof"));
    CHECK(inclusion_proof(src, index, size) == expected);
    CHECK(inclusion_proof(tree, index, size) == expected);
  }
}

TEST_CASE("Generated consistency proofs equal the vector proofs hash by hash", "[ledger][merkle]") {
  const VectorSource src(vector_leaves(8));
  const MemoryTree tree(src.leaves);
  for (const auto& v : vectors().at("consistency")) {
    const uint64_t size1 = v.at("size1").get<uint64_t>(), size2 = v.at("size2").get<uint64_t>();
    INFO("size1 " << size1 << " size2 " << size2);
    const std::vector<Hash> expected = hashes_from_json(v.at("proof"));
    CHECK(consistency_proof(src, size1, size2) == expected);
    CHECK(consistency_proof(tree, size1, size2) == expected);
  }
}

TEST_CASE("Roots and proofs equal a literal transcription of RFC 9162 for every tree up to 64 leaves",
          "[ledger][merkle]") {
  const std::vector<Hash> leaves = synthetic_leaves(64);
  const VectorSource src(leaves);
  const MemoryTree tree(leaves);
  size_t mismatches = 0;
  for (size_t n = 0; n <= 64; ++n) {
    const Hash root = ref::mth(leaves.begin(), n);
    if (merkle_root(src, n) != root || merkle_root(tree, n) != root) ++mismatches;
    for (size_t m = 0; m < n; ++m) {
      const auto expected = ref::path(m, leaves.begin(), n);
      if (inclusion_proof(src, m, n) != expected || inclusion_proof(tree, m, n) != expected) ++mismatches;
    }
    for (size_t m = 1; m < n; ++m) {
      const auto expected = ref::subproof(m, leaves.begin(), n, true);
      if (consistency_proof(src, m, n) != expected || consistency_proof(tree, m, n) != expected) ++mismatches;
    }
    if (!consistency_proof(tree, 0, n).empty() || !consistency_proof(tree, n, n).empty()) ++mismatches;
  }
  CHECK(mismatches == 0);
}

TEST_CASE("Generators refuse sizes and indices outside the tree", "[ledger][merkle]") {
  const VectorSource src(vector_leaves(8));
  CHECK_THROWS_AS(merkle_root(src, 9), std::out_of_range);
  CHECK_THROWS_AS(inclusion_proof(src, 8, 8), std::out_of_range);
  CHECK_THROWS_AS(inclusion_proof(src, 0, 0), std::out_of_range);
  CHECK_THROWS_AS(inclusion_proof(src, 0, 9), std::out_of_range);
  CHECK_THROWS_AS(consistency_proof(src, 5, 4), std::out_of_range);
  CHECK_THROWS_AS(consistency_proof(src, 1, 9), std::out_of_range);
  CHECK_THROWS_AS(MerkleFrontier::from(src, 9), std::out_of_range);
  CHECK_THROWS_AS(src.subtree(3, 1), std::out_of_range);
  CHECK_THROWS_AS(src.subtree(64, 0), std::out_of_range);
  CHECK_THROWS_AS(MemoryTree(src.leaves).subtree(1, 4), std::out_of_range);
}

TEST_CASE("Proof generation at a million leaves reads O(log n) hashes, not the tree", "[ledger][merkle]") {
  const uint64_t n = 1000000;
  MemoryTree tree;
  for (uint64_t i = 0; i < n; ++i) tree.append(sha256_prefixed(0x00, std::to_string(i)));
  const Hash root = tree.root();
  const CountingSource src(tree);
  const uint64_t bound = 2 * ceil_log2(n);  // 40: one read per level plus one per set bit of n

  src.reads = 0;
  CHECK(merkle_root(src, n) == root);
  CHECK(src.reads <= ceil_log2(n));

  src.reads = 0;
  CHECK(MerkleFrontier::from(src, n).root() == root);
  CHECK(src.reads <= ceil_log2(n));

  for (uint64_t index : {uint64_t{0}, uint64_t{1}, uint64_t{524287}, uint64_t{524288}, n / 2, n - 2, n - 1}) {
    INFO("index " << index);
    src.reads = 0;
    const auto proof = inclusion_proof(src, index, n);
    CHECK(src.reads <= bound);
    CHECK(verify_inclusion(tree.leaf(index), index, n, proof, root));
  }
  for (uint64_t size1 : {uint64_t{1}, uint64_t{2}, uint64_t{3}, uint64_t{1000}, uint64_t{524288}, n / 3, n - 1}) {
    INFO("size1 " << size1);
    src.reads = 0;
    const auto proof = consistency_proof(src, size1, n);
    CHECK(src.reads <= bound);
    CHECK(verify_consistency(size1, n, merkle_root(tree, size1), root, proof));
  }
}

TEST_CASE("The frontier gives the same root as merkle_root for every size up to 1000", "[ledger][merkle]") {
  const std::vector<Hash> leaves = synthetic_leaves(1000);
  const VectorSource src(leaves);
  MemoryTree tree;
  MerkleFrontier f;
  size_t mismatches = 0;
  uint64_t completed = 0;
  for (size_t n = 1; n <= 1000; ++n) {
    for (const Subtree& s : f.append(leaves[n - 1])) {
      ++completed;
      // Every reported subtree ends at the leaf just appended and has the right hash.
      if (((s.index + 1) << s.level) != n || s.hash != src.subtree(s.level, s.index)) ++mismatches;
    }
    tree.append(leaves[n - 1]);
    if (f.size() != n || f.root() != merkle_root(tree, n) || f.root() != merkle_root(src, n)) ++mismatches;
    if (MerkleFrontier::from(tree, n).root() != f.root()) ++mismatches;
  }
  CHECK(mismatches == 0);
  CHECK(completed == 1000 - 6);  // a tree of n leaves has n - popcount(n) perfect subtrees of level >= 1
}

TEST_CASE("Appending a perfect subtree by its root is appending its leaves one by one", "[ledger][merkle]") {
  std::vector<Hash> leaves;
  for (int i = 0; i < 100; ++i) leaves.push_back(sha256("leaf " + std::to_string(i)));
  using Reported = std::vector<std::tuple<unsigned, uint64_t, Hash>>;
  auto recorder = [](Reported& out) {
    return [&out](unsigned level, uint64_t index, const Hash& h) { out.emplace_back(level, index, h); };
  };
  for (unsigned level : {1u, 2u, 4u}) {
    INFO("blocks of level " << level);
    const size_t block = size_t{1} << level;
    MerkleFrontier one, blocks;
    Reported by_leaf, by_block;
    size_t i = 0;
    for (; i + block <= leaves.size(); i += block) {
      MerkleFrontier sub;
      for (size_t j = i; j < i + block; ++j) {
        one.append(leaves[j], recorder(by_leaf));
        sub.append(leaves[j], [](unsigned, uint64_t, const Hash&) {});
      }
      blocks.append_subtree(level, sub.root(), recorder(by_block));
      CHECK(blocks.size() == one.size());
      CHECK(blocks.root() == one.root());
    }
    for (; i < leaves.size(); ++i) {  // and leaves after the blocks
      one.append(leaves[i], recorder(by_leaf));
      blocks.append(leaves[i], recorder(by_block));
    }
    CHECK(blocks.root() == one.root());
    Reported upper;  // by leaf also reports the levels inside a block, which by block cannot
    for (const auto& r : by_leaf)
      if (std::get<0>(r) >= level) upper.push_back(r);
    Reported tail;
    for (const auto& r : by_block)
      if (std::get<0>(r) >= level) tail.push_back(r);
    CHECK(tail == upper);
  }
  MerkleFrontier f;
  f.append(leaves[0], [](unsigned, uint64_t, const Hash&) {});
  CHECK_THROWS_AS(f.append_subtree(1, leaves[1], [](unsigned, uint64_t, const Hash&) {}), std::logic_error);
}

TEST_CASE("A frontier whose callback throws is left as it was, and goes on as if nothing happened", "[ledger][merkle]") {
  const std::vector<Hash> leaves = synthetic_leaves(64);
  struct Refused {};
  for (size_t fail_at : {0u, 1u, 2u, 5u}) {  // which report of the append throws
    INFO("the report numbered " << fail_at << " throws");
    MerkleFrontier f, reference;
    for (size_t n = 0; n < 63; ++n) {
      f.append(leaves[n], [](unsigned, uint64_t, const Hash&) {});
      reference.append(leaves[n], [](unsigned, uint64_t, const Hash&) {});
    }
    // Appending the 64th leaf completes six subtrees (levels 1 to 6): refuse one of them.
    size_t seen = 0;
    CHECK_THROWS_AS(f.append(leaves[63],
                             [&](unsigned, uint64_t, const Hash&) {
                               if (seen++ == fail_at) throw Refused{};
                             }),
                    Refused);
    CHECK(f.size() == 63);
    CHECK(f.root() == reference.root());
    CHECK(f.subtrees().size() == reference.subtrees().size());
    // Appended again, it reports exactly what the untouched one reports.
    std::vector<std::tuple<unsigned, uint64_t, Hash>> got, want;
    f.append(leaves[63], [&](unsigned l, uint64_t i, const Hash& h) { got.emplace_back(l, i, h); });
    reference.append(leaves[63], [&](unsigned l, uint64_t i, const Hash& h) { want.emplace_back(l, i, h); });
    CHECK(got == want);
    CHECK(f.root() == reference.root());
    CHECK(f.size() == 64);
  }
}
