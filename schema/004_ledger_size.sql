-- The number of records after every writing transaction, one row per commit (Store::Writer). A
-- writer refuses to append to a ledger that holds fewer records than an earlier write left, and
-- `verdeel verify` requires the newest row to be the number of records: records removed from the
-- tail, or added outside verdeel, are named to the record. Like the Merkle tables it lives in the
-- ledger file, so it guards against mistakes and naive edits, not against restoring an older copy
-- of the whole file (a checkpoint held elsewhere does).
CREATE TABLE ledger_size (size INTEGER PRIMARY KEY);
CREATE TRIGGER ledger_size_no_update BEFORE UPDATE ON ledger_size
BEGIN SELECT RAISE(ABORT, 'ledger sizes are append-only: UPDATE refused'); END;
CREATE TRIGGER ledger_size_no_delete BEFORE DELETE ON ledger_size
BEGIN SELECT RAISE(ABORT, 'ledger sizes are append-only: DELETE refused'); END;
