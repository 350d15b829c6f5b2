#include "ledger/verify_tree.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

#include "ledger/checkpoint.h"
#include "ledger/checkpoint_state.h"
#include "ledger/size_log.h"
#include "ledger/store_merkle.h"

namespace verdeel::ledger {
namespace {

std::string node_name(const Subtree& s) {
  const uint64_t first = s.index << s.level, last = ((s.index + 1) << s.level) - 1;
  return "Merkle node (level " + std::to_string(s.level) + ", index " + std::to_string(s.index) + ") over records " +
         std::to_string(first) + ".." + std::to_string(last);
}

// The complete subtrees of level >= lowest in a tree of n leaves.
uint64_t stored_nodes(uint64_t n, unsigned lowest) {
  uint64_t c = 0;
  for (unsigned level = lowest; level < 64; ++level) c += n >> level;
  return c;
}

}  // namespace

TreeCheck::TreeCheck(Store& store) : store_(store) {
  lowest_ = lowest_stored_level(store_);
}

TreeCheck::~TreeCheck() = default;

void TreeCheck::add(const CheckedRecord& r) {
  if (!problem_.empty()) return;
  if (r.seq == 0 || r.kind == "checkpoint") {
    std::string why;
    const auto rec = decode_record(r.data, &why);
    if (!rec) {  // verify_chain checked it; a caller that did not is told
      problem_ = "record " + std::to_string(r.seq) + ": " + why;
      return;
    }
    if (r.seq == 0 && rec->body.contains("ledger") && rec->body["ledger"].is_string())
      ledger_id_ = rec->body["ledger"].get<std::string>();
    if (rec->kind == "checkpoint") check_checkpoint(*rec);  // against the records before it
  }
  frontier_.append(r.hash, [this](unsigned level, uint64_t index, const Hash& hash) {
    if (problem_.empty()) check_node(level, index, hash);
  });
}

void TreeCheck::add_block(uint64_t first, const Hash& root) {
  if (!problem_.empty()) return;
  if (!takes_blocks() || first != frontier_.size())
    throw std::logic_error("TreeCheck::add_block: records " + std::to_string(first) + ".. out of turn");
  frontier_.append_subtree(kBlockLevel, root, [this](unsigned level, uint64_t index, const Hash& hash) {
    if (problem_.empty()) check_node(level, index, hash);
  });
}

void TreeCheck::check_node(unsigned level, uint64_t index, const Hash& hash) {
  if (lowest_ == 0 || level < lowest_) return;
  const Subtree s{level, index, hash};
  if (cursors_.size() <= s.level) cursors_.resize(s.level + 1);
  auto& c = cursors_[s.level];
  if (!c) {
    c = std::make_unique<SQLite::Statement>(store_.db(), "SELECT idx, hash FROM merkle_node WHERE level = ? ORDER BY idx");
    c->bind(1, static_cast<int64_t>(s.level));
  }
  if (!c->executeStep()) {
    problem_ = node_name(s) + " is missing from the node table";
    return;
  }
  const int64_t idx = c->getColumn(0).getInt64();
  if (idx != static_cast<int64_t>(s.index)) {
    problem_ = idx > static_cast<int64_t>(s.index) ? node_name(s) + " is missing from the node table"
                                                   : "the node table holds an unexpected node (level " +
                                                         std::to_string(s.level) + ", index " + std::to_string(idx) + ")";
    return;
  }
  const std::string stored = c->getColumn(1).getString();
  const std::string want(reinterpret_cast<const char*>(s.hash.data()), s.hash.size());
  if (stored != want) {
    problem_ = node_name(s) + ": stored " + to_hex(stored) + ", the records hash to " + to_hex(s.hash);
    return;
  }
  ++nodes_checked_;
}

void TreeCheck::check_checkpoint(const Record& r) {
  try {
    const CheckpointRecord c = parse_checkpoint_record(r);
    const VerifierKey key = parse_verifier_key(c.verifier_key);
    const Checkpoint cp = parse_and_verify_checkpoint(c.note, key);
    if (cp.origin != ledger_origin(ledger_id_))
      throw std::invalid_argument(r.label() + ": signs ledger '" + cp.origin + "', not this one ('" +
                                  ledger_origin(ledger_id_) + "')");
    if (cp.size != c.size || cp.root != c.root)
      throw std::invalid_argument(r.label() + ": its size and root disagree with its signed note");
    if (cp.size != static_cast<uint64_t>(r.seq))
      throw std::invalid_argument(r.label() + ": signs " + std::to_string(cp.size) + " records, not the " +
                                  std::to_string(r.seq) + " before it");
    if (cp.root != frontier_.root())
      throw std::invalid_argument(r.label() + ": signs root " + to_hex(cp.root) + " for records 0.." +
                                  std::to_string(r.seq - 1) + ", but they hash to " + to_hex(frontier_.root()));
    checkpoints_[r.seq] = {cp.size, cp.root};
  } catch (const std::exception& e) {  // invalid_argument, CheckpointError
    const std::string what = e.what();
    problem_ = what.rfind("record ", 0) == 0 ? what : r.label() + ": " + what;
  }
}

std::string TreeCheck::finish() {
  if (!problem_.empty()) return problem_;
  const uint64_t n = frontier_.size();
  if (auto held = remembered_size(store_)) {
    const auto have = static_cast<int64_t>(n);
    if (*held > have)
      return "the ledger held " + std::to_string(*held) + " records after a write, but has only " +
             std::to_string(have) + ": records " + std::to_string(have) + ".." + std::to_string(*held - 1) +
             " were removed (a truncated tail?)";
    if (*held < have)
      return "records " + std::to_string(*held) + ".." + std::to_string(have - 1) +
             " were added without a writing command of verdeel (no write left the ledger at " + std::to_string(have) +
             " records)";
  }
  if (lowest_ != 0) {
    SQLite::Statement q(store_.db(), "SELECT COUNT(*) FROM merkle_node");
    q.executeStep();
    const auto stored = static_cast<uint64_t>(q.getColumn(0).getInt64());
    const uint64_t want = stored_nodes(n, lowest_);
    if (stored != want)
      return "the node table holds " + std::to_string(stored) + " Merkle nodes, but a tree of " + std::to_string(n) +
             " records has " + std::to_string(want) + " of level " + std::to_string(lowest_) +
             " and up: it covers records that are not in the ledger (records removed?)";
  }
  for (const SeenCheckpoint& s : seen_checkpoints(store_)) {
    const std::string label = "the remembered checkpoint of record " + std::to_string(s.seq) + " (" +
                              std::to_string(s.size) + " records)";
    auto it = checkpoints_.find(s.seq);
    if (it == checkpoints_.end())
      return label + ": the ledger has no such checkpoint record (it has " + std::to_string(n) +
             " records): records were removed or an older copy was restored";
    if (it->second.first != s.size || it->second.second != s.root)
      return label + ": disagrees with checkpoint record " + std::to_string(s.seq);
  }
  return "";
}

}  // namespace verdeel::ledger
