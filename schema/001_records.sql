-- The records of the ledger (LEDGER.md, "Records"; schema/FORMAT.md).
-- `data` holds the canonical JSON of {seq, kind, cycle, province, subject, prev, body};
-- hash = SHA-256(0x00 || data). The columns kind..subject repeat fields of `data`
-- for indexing; verify checks that they agree with it.
CREATE TABLE record (
  seq      INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL,
  cycle    TEXT NOT NULL,
  province TEXT NOT NULL,
  subject  TEXT NOT NULL,
  hash     BLOB NOT NULL,
  data     BLOB NOT NULL
);

-- "Everything about municipality X" and "this decision's records" are index look-ups.
CREATE INDEX record_subject ON record (subject, seq);
CREATE INDEX record_scope ON record (cycle, province, kind, seq);
CREATE INDEX record_kind ON record (kind, cycle, seq);
CREATE UNIQUE INDEX record_hash ON record (hash);

-- Append-only: a guard against mistakes, not against an insider who edits the file.
CREATE TRIGGER record_no_update BEFORE UPDATE ON record
BEGIN SELECT RAISE(ABORT, 'records are append-only: UPDATE refused'); END;
CREATE TRIGGER record_no_delete BEFORE DELETE ON record
BEGIN SELECT RAISE(ABORT, 'records are append-only: DELETE refused'); END;
