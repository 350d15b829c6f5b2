#include "cli/ledger_facts.h"

#include "ledger/store_merkle.h"

namespace verdeel::cli {

report::LedgerFacts ledger_facts(ledger::Store& store, int64_t decision_seq) {
  report::LedgerFacts f;
  // The root over every record, from the store's Merkle nodes (O(log n) look-ups).
  ledger::StoreTree tree(store);
  f.size = static_cast<int64_t>(tree.size());
  f.root = to_hex(tree.root());
  if (auto head = store.head()) f.head_hash = to_hex(head->hash);
  for (const auto& r : store.by_kind("checkpoint")) {
    const Json& b = r.body;
    if (!b.contains("size") || !b["size"].is_number_integer()) continue;
    int64_t size = b["size"].get<int64_t>();
    if (size <= decision_seq) continue;
    report::CheckpointFact c;
    c.seq = r.seq;
    c.size = size;
    if (b.contains("root") && b["root"].is_string()) c.root = b["root"].get<std::string>();
    if (b.contains("note") && b["note"].is_string()) c.note = b["note"].get<std::string>();
    f.checkpoint = c;  // by_kind is oldest first: the newest covering one wins
  }
  return f;
}

}  // namespace verdeel::cli
