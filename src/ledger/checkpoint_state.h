#pragma once
// Checkpoints inside the ledger (LEDGER.md "Checkpoints"): the `checkpoint` record, and the newest
// checkpoint the ledger has seen (table checkpoint_seen, schema/002_merkle.sql), which every
// Store::Writer checks before it appends (rollback detection).
//
// A checkpoint states the ledger as it was BEFORE its own record was appended: the checkpoint
// record at seq s signs size s and the root of records 0..s-1. It is counted in later
// checkpoints, never in its own.
//
// Body of a `checkpoint` record (cycle, province and subject empty):
//   {"note": signed note text, "key": verifier key of the signer, "size": n, "root": hex}
// size and root repeat what the note says, for look-ups; verify checks that they agree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/merkle.h"
#include "ledger/signing.h"
#include "ledger/store.h"

namespace verdeel::ledger {

struct SeenCheckpoint {
  int64_t seq = 0;  // of the checkpoint record
  uint64_t size = 0;
  Hash root{};
};

// Remembered checkpoints, by size; newest = largest size. Empty for a ledger before migration 002.
std::vector<SeenCheckpoint> seen_checkpoints(Store& store);
std::optional<SeenCheckpoint> newest_seen_checkpoint(Store& store);

// Throws StoreError, saying what it remembers and what it found, unless `tree` (the ledger as it
// is) holds the record of the newest remembered checkpoint and its first `size` records hash to
// the remembered root. O(log n) look-ups.
void require_extends_newest(Store& store, const MerkleSource& tree);

// The ledger id of the genesis record (for the checkpoint origin "verdeel/<id>").
std::string ledger_id(Store& store);

struct AppendedCheckpoint {
  Record record;
  std::string note;
  Checkpoint checkpoint;
};

// Signs the writer's current state (w.size() records, root w.root()) as a checkpoint of this
// ledger, appends the `checkpoint` record holding the note and remembers it, in w's transaction.
AppendedCheckpoint append_checkpoint(Store& store, Store::Writer& w, const SigningKey& key,
                                     const std::string& key_name);

// The parts of a checkpoint record's body; throws std::invalid_argument naming what is malformed.
struct CheckpointRecord {
  std::string note;
  std::string verifier_key;
  uint64_t size = 0;
  Hash root{};
};
CheckpointRecord parse_checkpoint_record(const Record& r);

// The newest `checkpoint` record, if any.
std::optional<Record> newest_checkpoint_record(Store& store);

}  // namespace verdeel::ledger
