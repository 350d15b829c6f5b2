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
