// verdeel proof inclusion SEQ [--size N] | proof consistency M N: RFC 9162 proofs from the
// ledger's Merkle tree, as JSON with lowercase hex hashes, for third parties who hold a
// checkpoint (its size and root) and want to check one record, or that the ledger grew
// append-only. O(log n) look-ups (ledger/store_merkle.h). Plumbing: the proofs are not checked
// here; check them with any RFC 9162 verifier.
//
//   inclusion:   {"index","size","leaf","root","proof":[...]}
//   consistency: {"size1","size2","root1","root2","proof":[...]}
#include <iostream>

#include "cli/context.h"
#include "ledger/store_merkle.h"

namespace verdeel::cli {

namespace {
struct ProofOptions {
  int64_t seq = -1;
  int64_t size = -1;
  int64_t m = -1, n = -1;
};

Json hex_list(const std::vector<Hash>& hs) {
  Json a = Json::array();
  for (const Hash& h : hs) a.push_back(to_hex(h));
  return a;
}

uint64_t checked_size(int64_t v, int64_t records, const char* what) {
  if (v < 0 || v > records)
    throw UsageError(std::string(what) + " " + std::to_string(v) + " is not a size of this ledger (0.." +
                     std::to_string(records) + ")");
  return static_cast<uint64_t>(v);
}
}  // namespace

void register_proof(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ProofOptions>();
  auto* sub = app.add_subcommand("proof", "Merkle proofs (RFC 9162) as JSON: inclusion of a record, consistency of two sizes");
  add_db_option(*sub, g);
  sub->require_subcommand(1);
  auto* inc = sub->add_subcommand("inclusion", "Proof that record SEQ is in the ledger of N records");
  inc->add_option("seq", opt->seq, "Record number")->required();
  inc->add_option("--size", opt->size, "Tree size (default: every record)");
  add_db_option(*inc, g);
  inc->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    const int64_t records = store->size();
    const uint64_t n = checked_size(opt->size < 0 ? records : opt->size, records, "size");
    if (opt->seq < 0 || static_cast<uint64_t>(opt->seq) >= n)
      throw UsageError("record " + std::to_string(opt->seq) + " is not in a tree of " + std::to_string(n) + " records");
    ledger::StoreTree tree(*store, n);
    const auto i = static_cast<uint64_t>(opt->seq);
    Json out{{"index", i},
             {"size", n},
             {"leaf", to_hex(tree.leaf(i))},
             {"root", to_hex(tree.root())},
             {"proof", hex_list(ledger::inclusion_proof(tree, i, n))}};
    std::cout << out.dump(2) << "\n";
  });
  auto* con = sub->add_subcommand("consistency", "Proof that the ledger of N records extends the one of M records");
  con->add_option("m", opt->m, "Older size")->required();
  con->add_option("n", opt->n, "Newer size")->required();
  add_db_option(*con, g);
  con->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    const int64_t records = store->size();
    const uint64_t n = checked_size(opt->n, records, "size");
    const uint64_t m = checked_size(opt->m, records, "size");
    if (m > n) throw UsageError("the older size " + std::to_string(m) + " is larger than the newer " + std::to_string(n));
    ledger::StoreTree tree(*store, n);
    Json out{{"size1", m},
             {"size2", n},
             {"root1", to_hex(ledger::merkle_root(tree, m))},
             {"root2", to_hex(tree.root())},
             {"proof", hex_list(ledger::consistency_proof(tree, m, n))}};
    std::cout << out.dump(2) << "\n";
  });
}

VERDEEL_COMMAND(86, "proof", register_proof);

}  // namespace verdeel::cli
