-- The Merkle tree over the record hashes (LEDGER.md "Merkle tree"; RFC 9162 section 2.1) and the
-- newest checkpoint the ledger has seen (LEDGER.md "Checkpoints").
--
-- merkle_node caches every complete (perfect) subtree of level >= 1: node (level, idx) is
-- MTH(record hashes [idx * 2^level, (idx + 1) * 2^level)); level 0 is record.hash itself. It is
-- written by Store::Writer in the same transaction as the records that complete each node, so
-- roots and proofs of a ledger of n records cost O(log n) look-ups, never a rebuild. It is a
-- cache, not a source of truth: `verdeel verify` recomputes every node from the records.
CREATE TABLE merkle_node (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  hash  BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;

-- One row per `checkpoint` record (seq), written in the same transaction: the tree of the first
-- `size` records had root `root`. Every writer refuses to append when the ledger no longer
-- extends the newest one (largest size). Both tables live in the same file as the records, so
-- restoring an older copy of the file restores them too: a checkpoint held elsewhere
-- (`verdeel verify --checkpoint`) is the guard against that.
CREATE TABLE checkpoint_seen (
  seq  INTEGER PRIMARY KEY,
  size INTEGER NOT NULL,
  root BLOB NOT NULL
);

-- Append-only, like the records: a guard against mistakes, not against an insider.
CREATE TRIGGER merkle_node_no_update BEFORE UPDATE ON merkle_node
BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only: UPDATE refused'); END;
CREATE TRIGGER merkle_node_no_delete BEFORE DELETE ON merkle_node
BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only: DELETE refused'); END;
CREATE TRIGGER checkpoint_seen_no_update BEFORE UPDATE ON checkpoint_seen
BEGIN SELECT RAISE(ABORT, 'remembered checkpoints are append-only: UPDATE refused'); END;
CREATE TRIGGER checkpoint_seen_no_delete BEFORE DELETE ON checkpoint_seen
BEGIN SELECT RAISE(ABORT, 'remembered checkpoints are append-only: DELETE refused'); END;
