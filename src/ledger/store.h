#pragma once
// The SQLite store of the ledger (LEDGER.md "Storage"). The only code, with
// the other files of src/ledger/, that touches SQLite.
//
// One file; PRAGMA application_id and user_version identify and version it;
// WAL with synchronous=FULL; every writing command is one BEGIN IMMEDIATE
// transaction (Store::Writer), so it lands whole or not at all.
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/record.h"
#include "ledger/row_batch.h"

struct sqlite3_stmt;
namespace SQLite {
class Database;
class Statement;
}

namespace verdeel::ledger {

// A statement kept as SQLite's own handle, finalized with it (the reads of many rows: store.cpp).
using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

class MerkleAppender;  // store_merkle.h

inline constexpr int32_t kApplicationId = 0x5644524C;  // "VDRL"

// A ledger that cannot be opened or used: not a ledger, a newer format, a busy
// writer. The message is meant for the user as it is.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The ledger file exists and is SQLite, but SQLite cannot read it (a damaged
// page, a cut-off file): for `verify` a failed check rather than bad usage.
class LedgerDamaged : public StoreError {
 public:
  using StoreError::StoreError;
};

// Whether a hash column as stored (any length, if tampered) holds exactly `h`.
inline bool stored_hash_is(std::string_view stored, const Hash& h) {
  return stored.size() == h.size() && std::memcmp(stored.data(), h.data(), h.size()) == 0;
}

// A row copied out of SQLite, not yet interpreted: it can be decoded away from the connection
// (on another thread) by record_from_row.
struct RowCopy {
  int64_t seq = 0;
  std::string kind, cycle, province, subject;
  std::string hash;  // as stored
  std::string data;
  // Views of its values, valid while it lives and is not changed.
  StoredRow view() const { return StoredRow{seq, kind, cycle, province, subject, hash, data}; }
  // A copy of the values a row's views show.
  static RowCopy of(const StoredRow& r) {
    return RowCopy{r.seq,
                   std::string(r.kind),
                   std::string(r.cycle),
                   std::string(r.province),
                   std::string(r.subject),
                   std::string(r.hash),
                   std::string(r.data)};
  }
};

// The record a row holds, after the checks every read makes: the bytes decode, hash to the stored
// hash and agree with the indexed columns. Throws StoreError ("record N is corrupt: ...") otherwise.
// Pure: no SQLite.
Record record_from_row(RowCopy row);
// The same from a row's views (a RowBatch's), copying what the record keeps. With Bytes::drop the
// record's `data` is left empty, for a reader that keeps only what the bytes say (a decision's
// inputs): the bytes are checked all the same.
enum class Bytes { keep, drop };
Record record_from_row(const StoredRow& row, Bytes bytes = Bytes::keep);
// How many rows record_from_row has read in this process the slow way, decoding the whole envelope,
// because the fast way (the envelope proved from the columns) did not prove them: only rows that
// turn out corrupt, if both ways agree. For tests, which check that sound rows never go that way.
uint64_t rows_read_the_slow_way();

// Where a record landed.
struct Appended {
  int64_t seq = 0;
  Hash hash{};
};

class Store {
 public:
  enum class Mode { read_only, read_write };

  // Creates a new ledger with its genesis record. Refuses an existing file.
  static void create(const std::string& path);
  // Opens an existing ledger; refuses a file that is not one, or is newer.
  explicit Store(const std::string& path, Mode mode = Mode::read_only);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  // The ledger's format (PRAGMA user_version): the newest migration applied. A read-only Store
  // of an older ledger is not migrated, so readers may meet an older format.
  int format() const { return format_; }
  // Number of records (seq of the head + 1).
  int64_t size();
  std::optional<Record> head();
  std::optional<Record> get(int64_t seq);
  std::optional<Record> by_hash(const Hash& h);
  // The same row, copied but not decoded (record_from_row decodes it).
  std::optional<RowCopy> row_by_hash(const Hash& h);
  // The rows of one cycle and province whose kind starts with `kind_prefix`, ordered by kind and
  // then seq, copied but not decoded (one index range: a command that needs many of them reads
  // them together).
  RowBatch rows_in_scope(const std::string& cycle, const std::string& province, const std::string& kind_prefix);
  // The provinces that have a record of this kind in this cycle, by the indexed columns, sorted.
  std::vector<std::string> provinces_with(const std::string& cycle, const std::string& kind);
  // Records in [from, to), in order.
  std::vector<Record> range(int64_t from, int64_t to);
  // Every record whose subject is `code`, oldest first (index look-up).
  std::vector<Record> by_subject(const std::string& code);
  // Records of one kind in one cycle and province, oldest first (index look-up).
  std::vector<Record> by_scope(const std::string& cycle, const std::string& province, const std::string& kind);
  // Records of one kind in one cycle, any province; of one kind anywhere.
  std::vector<Record> by_cycle_kind(const std::string& cycle, const std::string& kind);
  std::vector<Record> by_kind(const std::string& kind);
  std::optional<Record> latest(const std::string& cycle, const std::string& province, const std::string& kind);
  // The same row, copied but not decoded.
  std::optional<RowCopy> latest_row(const std::string& cycle, const std::string& province, const std::string& kind);
  // Streams every stored row in seq order without interpreting it. Return
  // false from `visit` to stop.
  void scan(const std::function<bool(const StoredRow&)>& visit);
  // Streams decoded records newest first, at most `limit` (0 = all). Return
  // false from `visit` to stop. Memory does not grow with the ledger.
  void newest_first(int64_t limit, const std::function<bool(const Record&)>& visit);

  // One writing command: BEGIN IMMEDIATE on construction, COMMIT on commit(),
  // ROLLBACK when destroyed without commit. Construction refuses (StoreError)
  // when the ledger no longer extends the newest checkpoint it has seen
  // (checkpoint_state.h); append() also records the Merkle nodes each record
  // completes (store_merkle.h), in the same transaction.
  class Writer {
   public:
    explicit Writer(Store& store);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    Record append(Draft draft);  // pass an rvalue to spare copying the body
    // The same for a draft whose body is already written (record.h): only the envelope is left.
    Appended append(const PreparedDraft& draft);
    int64_t size() const { return next_seq_; }
    // Merkle root of the size() records, this transaction's included.
    Hash root() const;
    void commit();

   private:
    void insert(int64_t seq, const std::string& kind, const std::string& cycle, const std::string& province,
                const std::string& subject, const Hash& hash, const std::string& data);

    Store& store_;
    std::unique_ptr<SQLite::Statement> insert_;  // prepared once per transaction
    bool open_ = false;
    int64_t next_seq_ = 0;
    Hash head_{};
    std::unique_ptr<MerkleAppender> tree_;
  };

  // One read transaction for the life of the object: everything read meanwhile sees one state of
  // the ledger, also when another process writes (verify reads the records, the node table and the
  // remembered sizes in separate queries). Re-reads format() inside it.
  class Snapshot {
   public:
    explicit Snapshot(Store& store);
    ~Snapshot();
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

   private:
    Store& store_;
  };

  SQLite::Database& db();

 private:
  // The look-ups commands run hundreds of times (an input set names every input by hash) keep
  // their prepared statement: preparing costs more than the look-up.
  SQLite::Statement& prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql);

  std::string path_;
  // Opened by ~Store when tidy_on_close_ (see there); declared first, so destroyed last: after the
  // statements and db_, whatever statements there are.
  std::unique_ptr<SQLite::Database> closes_last_;
  std::unique_ptr<SQLite::Database> db_;  // declared before the statements: destroyed after them
  std::unique_ptr<SQLite::Statement> get_q_, by_hash_q_, by_scope_q_, latest_q_;
  // rows_in_scope's, kept as SQLite's own handle: its rows are copied with SQLite's C API (a
  // SQLite::Column per value would copy a shared pointer, two atomic operations, for each).
  RawStatement scope_rows_q_{nullptr, nullptr};
  int format_ = 0;
  // A read-only Store of a ledger that had no -wal file when it was opened: on closing, it leaves
  // none behind (see ~Store).
  bool tidy_on_close_ = false;
};

}  // namespace verdeel::ledger
