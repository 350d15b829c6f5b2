-- From format 3 on, merkle_node keeps the complete subtrees of level >= 4 only: subtrees of 16
-- records and more. A lower subtree is computed when a proof needs it, from at most 16 record
-- hashes read in one range query, so roots and proofs still cost O(log n) look-ups; appending
-- writes one node per 16 records instead of about one per record, and `verdeel verify` compares
-- 16 times fewer stored nodes. The rows removed here are a cache: each is recomputed from the
-- records by `verdeel verify`, which also checks every node that remains.
DROP TRIGGER merkle_node_no_delete;
DELETE FROM merkle_node WHERE level < 4;
CREATE TRIGGER merkle_node_no_delete BEFORE DELETE ON merkle_node
BEGIN SELECT RAISE(ABORT, 'Merkle nodes are append-only: DELETE refused'); END;

-- The number of records after every writing transaction, one row per commit (Store::Writer). A
-- writer refuses to append to a ledger that holds fewer records than an earlier write left, and
-- `verdeel verify` requires the newest row to be the number of records: records removed from the
-- tail, or added outside verdeel, are named to the record. Like the tables above it lives in the
-- ledger file, so it guards against mistakes and naive edits, not against restoring an older copy
-- of the whole file (a checkpoint held elsewhere does).
CREATE TABLE ledger_size (size INTEGER PRIMARY KEY);
CREATE TRIGGER ledger_size_no_update BEFORE UPDATE ON ledger_size
BEGIN SELECT RAISE(ABORT, 'ledger sizes are append-only: UPDATE refused'); END;
CREATE TRIGGER ledger_size_no_delete BEFORE DELETE ON ledger_size
BEGIN SELECT RAISE(ABORT, 'ledger sizes are append-only: DELETE refused'); END;
