#pragma once
// How a command that only reads opens a ledger, whatever the medium it lies on.
//
// A ledger is a SQLite database in WAL mode. SQLite reads such a database through two files beside
// it, `<ledger>-wal` and `<ledger>-shm`, and creates them when they are missing, even for a
// read-only connection. On read-only media (a write-protected stick, a CD, a read-only mount, a
// folder the reader may not write in: where an auditor or a court keeps a copy) it cannot, and
// every read fails with "attempt to write a readonly database". When nothing can be created beside
// the ledger and it has no `-wal` file, every committed record is in the ledger file itself and no
// other process can be writing it (a writer would need that `-wal` file), so it is then opened
// immutable: read as it lies, without the WAL's shared memory or locks (SQLite's `immutable=1`).
#include <string>

namespace verdeel::ledger {

enum class ReadAccess {
  normal,     // SQLite can make what it needs beside the ledger, or both files are there
  immutable,  // read-only media and no -wal file: the ledger file holds everything
  wal_unreadable,  // read-only media with a -wal file but no -shm file: SQLite cannot read the WAL
};

// The choice, from what is known about the ledger's folder and files (pure, for tests).
ReadAccess choose_read_access(bool can_create_beside, bool wal_exists, bool shm_exists);

// What lies beside the ledger at `path` now (beside the file a symbolic link leads to, where
// SQLite keeps its files): whether a file can be created there, and whether -wal and -shm exist.
struct Beside {
  bool can_create = false;
  bool wal = false;
  bool shm = false;
};
Beside look_beside(const std::string& path);

// The choice for a ledger with that beside it.
inline ReadAccess read_access(const Beside& b) { return choose_read_access(b.can_create, b.wal, b.shm); }

// A SQLite URI that opens `path` read-only and immutable (open it with SQLITE_OPEN_URI): the path
// percent-encoded where a URI needs it, so that any file name opens the file it names.
std::string immutable_uri(const std::string& path);

}  // namespace verdeel::ledger
