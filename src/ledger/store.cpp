#include "ledger/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "ledger/file_in_place.h"
#include "ledger/migrations.h"
#include "ledger/read_access.h"
#include "ledger/size_log.h"
#include "ledger/store_merkle.h"
#include "version.h"

namespace verdeel::ledger {
namespace {

#define kRecordColumns "data, seq, hash, kind, cycle, province, subject"
// The columns the reads through SQLite's C API take, in stored_row's order.
#define kStoredRowColumns "seq, kind, cycle, province, subject, hash, data"

constexpr int kBusyTimeoutMs = 10000;

// SQLite counts its memory use (sqlite3_status) under a global mutex taken on every allocation it
// makes; verdeel never reads the counts. Turned off once, before SQLite's first use in the process
// (later, sqlite3_config refuses, harmlessly: the counts stay on).
void setup_library() {
  static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)once;
}

void configure(SQLite::Database& db) {
  db.setBusyTimeout(kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys=ON");
}

int latest_migration() { return migrations().empty() ? 0 : migrations().back().number; }

// A 128-bit random ledger id from the OS; identifies this ledger in checkpoints.
std::string new_ledger_id() {
  std::random_device rd;
  std::string raw;
  for (int i = 0; i < 4; ++i) {
    uint32_t v = rd();
    for (int b = 0; b < 4; ++b) raw.push_back(static_cast<char>((v >> (8 * b)) & 0xFF));
  }
  return to_hex(raw);
}

RawStatement prepare_raw(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr); rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  return RawStatement(raw, sqlite3_finalize);
}

// The current row of a statement that selects kStoredRowColumns, as views: sqlite3_column_blob
// then sqlite3_column_bytes (in that order, as SQLite asks) point into the statement's row, which
// stays put until the next step. SQLite's C API, as the reads of many rows use: a SQLite::Column
// per value would copy a shared pointer (two atomic operations) seven times a row.
StoredRow stored_row(sqlite3_stmt* q) {
  auto view = [q](int i) {
    const void* p = sqlite3_column_blob(q, i);
    return std::string_view(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(q, i)));
  };
  StoredRow row;
  row.seq = sqlite3_column_int64(q, 0);
  row.kind = view(1);
  row.cycle = view(2);
  row.province = view(3);
  row.subject = view(4);
  row.hash = view(5);
  row.data = view(6);
  return row;
}

// Resets a kept statement when a read is done, also after a throw, so that it holds no read
// transaction between calls. Never throws: a destructor that throws would end the process.
struct ResetAfter {
  SQLite::Statement& q;
  ~ResetAfter() { q.tryReset(); }
};

RowCopy copy_row(SQLite::Statement& q) {
  RowCopy row;
  row.data = q.getColumn(0).getString();
  row.seq = q.getColumn(1).getInt64();
  row.hash = q.getColumn(2).getString();
  row.kind = q.getColumn(3).getString();
  row.cycle = q.getColumn(4).getString();
  row.province = q.getColumn(5).getString();
  row.subject = q.getColumn(6).getString();
  return row;
}

// Columns: data, seq, hash, kind, cycle, province, subject (kRecordColumns).
Record row_to_record(SQLite::Statement& q) { return record_from_row(copy_row(q)); }

std::vector<Record> collect(SQLite::Statement& q) {
  std::vector<Record> out;
  while (q.executeStep()) out.push_back(row_to_record(q));
  return out;
}

void migrate(SQLite::Database& db, int from) {
  for (const auto& m : migrations()) {
    if (m.number <= from) continue;
    db.exec(m.sql);
    db.exec("PRAGMA user_version=" + std::to_string(m.number));
  }
}

}  // namespace

// The ledger is made whole under a name of its own beside its file and only then given its name
// (ledger/file_in_place.h): an init that is interrupted leaves no half-made ledger. A symbolic
// link at `path` is followed, as SQLite follows it.
void Store::create(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path target = followed(path);
  if (std::filesystem::is_directory(target, ec))
    throw StoreError("'" + path + "' is a directory; give the file the ledger is to be, e.g. '" +
                     (std::filesystem::path(path) / "verdeel.db").string() + "'");
  if (std::filesystem::exists(target, ec)) {
    bool empty = std::filesystem::is_regular_file(target, ec) && std::filesystem::file_size(target, ec) == 0;
    if (!empty) throw StoreError("refusing to overwrite '" + path + "': the file exists");
  }
  if (const auto folder = target.parent_path(); !folder.empty() && !std::filesystem::is_directory(folder, ec))
    throw StoreError("cannot create '" + path + "': the folder '" + folder.string() + "' does not exist");
  setup_library();
  const std::string made = scratch_name(target);
  auto remove_made = [&] {
    for (const char* extra : {"", "-journal", "-wal", "-shm"}) std::filesystem::remove(made + extra, ec);
  };
  try {
    {
      SQLite::Database db(made, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      configure(db);
      db.exec("PRAGMA journal_mode=WAL");
      db.exec("PRAGMA synchronous=FULL");
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
      migrate(db, 0);
      tx.commit();
    }
    {
      Store store(made, Mode::read_write);
      Writer w(store);
      Draft genesis;
      genesis.kind = "genesis";
      genesis.body = Json{{"format", kFormatVersion}, {"ledger", new_ledger_id()}, {"software", "verdeel " VERDEEL_VERSION}};
      w.append(genesis);
      w.commit();
    }  // closed: the WAL checkpointed into the file and removed, so the file alone is the ledger
    if (std::filesystem::exists(made + "-wal", ec))
      throw StoreError("cannot create '" + path + "': the new ledger's write-ahead log was not folded into it");
  } catch (const SQLite::Exception& e) {
    remove_made();
    throw StoreError("cannot create '" + path + "': " + e.what());
  } catch (...) {
    remove_made();
    throw;
  }
  put_in_place(made, target);
}

Store::Store(const std::string& path, Mode mode) : path_(path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw StoreError("no ledger at '" + path + "' (create one with `verdeel init`)");
  if (std::filesystem::is_directory(path, ec))
    throw StoreError("'" + path + "' is a directory, not a ledger file (give the ledger's file with --db)");
  // One Store, one thread: SQLite's per-call mutex (taken by every sqlite3_column_*) is not needed.
  setup_library();
  int flags = (mode == Mode::read_write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX;
  std::string target = path;
  if (mode == Mode::read_only) {
    const Beside beside = look_beside(path);
    switch (read_access(beside)) {  // read-only media: see read_access.h
      case ReadAccess::normal:
        tidy_on_close_ = !beside.wal;
        break;
      case ReadAccess::immutable:
        target = immutable_uri(path);
        flags |= SQLite::OPEN_URI;
        break;
      case ReadAccess::wal_unreadable:
        throw StoreError("cannot read the ledger '" + path + "': it has a write-ahead log ('" + path +
                         "-wal') but no '" + path + "-shm' beside it, and nothing can be created in its folder, so " +
                         "SQLite cannot read that log; copy the ledger together with its -wal file to a folder " +
                         "you can write in and run the command there");
    }
  }
  try {
    db_ = std::make_unique<SQLite::Database>(target, flags);
    configure(*db_);
    int32_t app = db_->execAndGet("PRAGMA application_id").getInt();
    if (app != kApplicationId) throw StoreError("'" + path + "' is not a verdeel ledger");
    int version = db_->execAndGet("PRAGMA user_version").getInt();
    if (version > latest_migration())
      throw StoreError("'" + path + "' has ledger format " + std::to_string(version) +
                       ", newer than this program knows (" + std::to_string(latest_migration()) +
                       "): upgrade verdeel");
    if (mode == Mode::read_write) {
      db_->exec("PRAGMA synchronous=FULL");
      if (version < latest_migration()) {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        migrate(*db_, version);
        tx.commit();
        version = latest_migration();
      }
    }
    format_ = version;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) throw StoreError("'" + path + "' is not a verdeel ledger");
    if (e.getErrorCode() == SQLITE_CORRUPT)
      throw LedgerDamaged("the ledger file '" + path + "' is damaged: " + e.what());
    throw StoreError("cannot open ledger '" + path + "': " + e.what());
  }
}

// A read-only connection makes the -wal and -shm files SQLite reads a WAL database through, but
// cannot remove them when it closes (only the last connection to close does, and only one that may
// write, after checkpointing the log into the ledger file). So a reading command would leave two
// empty files beside a ledger that had none: harmless, but a reader checking a copy of the ledger
// finds files it did not expect. When the ledger had no -wal file at opening, a second connection
// that may write (it only reads) is opened and closed last: if no other connection is open, SQLite
// finds the log empty and removes both files; the ledger file is not written (its bytes and time
// stay as they were). If another process has the ledger open, that connection is not the last and
// nothing happens; if a writer committed meanwhile and closed, its log is checkpointed into the
// ledger, as that writer's own close would have done. Best effort: any failure leaves the files.
Store::~Store() {
  if (!tidy_on_close_) return;
  try {
    auto last = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    last->execAndGet("SELECT COUNT(*) FROM sqlite_master");  // it joins the log and its shared memory
    closes_last_ = std::move(last);                           // closed after db_ (store.h)
  } catch (...) {  // the files stay, as they would have
  }
}

Store::Snapshot::Snapshot(Store& store) : store_(store) {
  store_.db().exec("BEGIN");
  try {
    store_.db().execAndGet("SELECT COUNT(*) FROM sqlite_master");  // the read transaction starts here
    store_.format_ = store_.db().execAndGet("PRAGMA user_version").getInt();
    if (store_.format_ > latest_migration())
      throw StoreError("'" + store_.path() + "' has ledger format " + std::to_string(store_.format_) +
                       ", newer than this program knows (" + std::to_string(latest_migration()) + "): upgrade verdeel");
  } catch (...) {
    store_.db().tryExec("ROLLBACK");  // no destructor runs for a constructor that throws
    throw;
  }
}

Store::Snapshot::~Snapshot() { store_.db().tryExec("ROLLBACK"); }  // read only: nothing to keep

SQLite::Database& Store::db() { return *db_; }

int64_t Store::size() {
  SQLite::Statement q(*db_, "SELECT COALESCE(MAX(seq) + 1, 0) FROM record");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::optional<Record> Store::head() {
  SQLite::Statement q(*db_, "SELECT " kRecordColumns " FROM record ORDER BY seq DESC LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return row_to_record(q);
}

SQLite::Statement& Store::prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  return *slot;
}

namespace {
// One row from a kept statement, which is reset afterwards (also on a throw), so that it holds no
// read transaction between calls.
std::optional<RowCopy> one_row(SQLite::Statement& q) {
  ResetAfter reset{q};
  if (!q.executeStep()) return std::nullopt;
  return copy_row(q);
}

std::optional<Record> decoded(std::optional<RowCopy> row) {
  if (!row) return std::nullopt;
  return record_from_row(std::move(*row));
}
}  // namespace

std::optional<Record> Store::get(int64_t seq) {
  auto& q = prepared(get_q_, "SELECT " kRecordColumns " FROM record WHERE seq = ?");
  q.bind(1, static_cast<int64_t>(seq));
  return decoded(one_row(q));
}

std::optional<Record> Store::by_hash(const Hash& h) { return decoded(row_by_hash(h)); }

std::optional<RowCopy> Store::row_by_hash(const Hash& h) {
  auto& q = prepared(by_hash_q_, "SELECT " kRecordColumns " FROM record WHERE hash = ?");
  q.bind(1, h.data(), static_cast<int>(h.size()));
  return one_row(q);
}

RowBatch Store::rows_in_scope(const std::string& cycle, const std::string& province, const std::string& kind_prefix) {
  // kind >= prefix AND kind < prefix with its last byte raised: every kind that starts with it,
  // as one range of the record_scope index (cycle, province, kind, seq), in that index's order,
  // which SQLite then need not sort (ordered by seq, it sorted every row, data and all, in a
  // temporary B-tree).
  if (kind_prefix.empty() || static_cast<unsigned char>(kind_prefix.back()) == 0xFF)
    throw std::invalid_argument("rows_in_scope: a kind prefix must be non-empty and end below 0xFF");
  std::string past = kind_prefix;
  past.back() = static_cast<char>(past.back() + 1);
  sqlite3* db = db_->getHandle();
  if (!scope_rows_q_)
    scope_rows_q_ = prepare_raw(db, "SELECT " kStoredRowColumns " FROM record WHERE cycle = ? AND province = ? AND "
                                    "kind >= ? AND kind < ? ORDER BY kind, seq");
  sqlite3_stmt* q = scope_rows_q_.get();
  // Reset when the read is done, also after a throw, so that it holds no read transaction between
  // calls; its bindings, which point at these strings, are cleared with it.
  struct Done {
    sqlite3_stmt* q;
    ~Done() {
      sqlite3_reset(q);
      sqlite3_clear_bindings(q);
    }
  } done{q};
  const std::string* values[] = {&cycle, &province, &kind_prefix, &past};
  for (int i = 0; i < 4; ++i)
    if (int rc = sqlite3_bind_text(q, i + 1, values[i]->data(), static_cast<int>(values[i]->size()), SQLITE_STATIC);
        rc != SQLITE_OK)
      throw SQLite::Exception(db, rc);
  RowBatch out;
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) out.add(stored_row(q));
  if (rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
  return out;
}

std::vector<std::string> Store::provinces_with(const std::string& cycle, const std::string& kind) {
  SQLite::Statement q(*db_, "SELECT DISTINCT province FROM record WHERE kind = ? AND cycle = ? ORDER BY province");
  q.bind(1, kind);
  q.bind(2, cycle);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<Record> Store::range(int64_t from, int64_t to) {
  SQLite::Statement q(*db_, "SELECT " kRecordColumns " FROM record WHERE seq >= ? AND seq < ? ORDER BY seq");
  q.bind(1, static_cast<int64_t>(from));
  q.bind(2, static_cast<int64_t>(to));
  return collect(q);
}

std::vector<Record> Store::by_subject(const std::string& code) {
  SQLite::Statement q(*db_, "SELECT " kRecordColumns " FROM record WHERE subject = ? ORDER BY seq");
  q.bind(1, code);
  return collect(q);
}

std::vector<Record> Store::by_scope(const std::string& cycle, const std::string& province, const std::string& kind) {
  auto& q = prepared(by_scope_q_,
                     "SELECT " kRecordColumns " FROM record WHERE cycle = ? AND province = ? AND kind = ? ORDER BY seq");
  ResetAfter reset{q};
  q.bind(1, cycle);
  q.bind(2, province);
  q.bind(3, kind);
  return collect(q);
}

std::vector<Record> Store::by_cycle_kind(const std::string& cycle, const std::string& kind) {
  SQLite::Statement q(*db_, "SELECT " kRecordColumns " FROM record WHERE kind = ? AND cycle = ? ORDER BY seq");
  q.bind(1, kind);
  q.bind(2, cycle);
  return collect(q);
}

std::vector<Record> Store::by_kind(const std::string& kind) {
  SQLite::Statement q(*db_, "SELECT " kRecordColumns " FROM record WHERE kind = ? ORDER BY seq");
  q.bind(1, kind);
  return collect(q);
}

std::optional<Record> Store::latest(const std::string& cycle, const std::string& province, const std::string& kind) {
  return decoded(latest_row(cycle, province, kind));
}

std::optional<RowCopy> Store::latest_row(const std::string& cycle, const std::string& province, const std::string& kind) {
  auto& q = prepared(latest_q_, "SELECT " kRecordColumns
                                " FROM record WHERE cycle = ? AND province = ? AND kind = ? ORDER BY seq DESC LIMIT 1");
  q.bind(1, cycle);
  q.bind(2, province);
  q.bind(3, kind);
  return one_row(q);
}

void Store::newest_first(int64_t limit, const std::function<bool(const Record&)>& visit) {
  SQLite::Statement q(*db_, "SELECT " kRecordColumns " FROM record ORDER BY seq DESC LIMIT ?");
  q.bind(1, limit > 0 ? limit : int64_t{-1});
  while (q.executeStep())
    if (!visit(row_to_record(q))) break;
}

void Store::scan(const std::function<bool(const StoredRow&)>& visit) {
  // The one loop that touches every row: views, not copies (stored_row).
  sqlite3* db = db_->getHandle();
  RawStatement q = prepare_raw(db, "SELECT " kStoredRowColumns " FROM record ORDER BY seq");
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
    if (!visit(stored_row(q.get()))) return;
  if (rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
}

Store::Writer::Writer(Store& store) : store_(store) {
  try {
    store_.db().exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY)
      throw StoreError("the ledger '" + store_.path() + "' is busy: another command is writing; try again");
    throw StoreError(std::string("cannot start a transaction: ") + e.what());
  }
  open_ = true;
  auto head = store_.head();
  if (head) {
    next_seq_ = head->seq + 1;
    head_ = head->hash;
  }
  try {
    tree_ = std::make_unique<MerkleAppender>(store_, static_cast<uint64_t>(next_seq_));
    if (auto held = remembered_size(store_); held && *held > next_seq_)
      throw StoreError("refusing to append: the ledger '" + store_.path() + "' held " + std::to_string(*held) +
                       " records after an earlier write, but has only " + std::to_string(next_seq_) +
                       ": records were removed (a truncated tail?); run `verdeel verify`");
  } catch (...) {
    store_.db().exec("ROLLBACK");  // no destructor runs for a constructor that throws
    throw;
  }
}

Store::Writer::~Writer() {
  insert_.reset();
  tree_.reset();
  if (open_) {
    try {
      store_.db().exec("ROLLBACK");
    } catch (...) {
    }
  }
}

Record Store::Writer::append(Draft draft) {
  Record r = make_record(next_seq_, head_, std::move(draft));
  insert(r.seq, r.kind, r.cycle, r.province, r.subject, r.hash, r.data);
  return r;
}

Appended Store::Writer::append(const PreparedDraft& draft) {
  Leaf leaf = leaf_at(next_seq_, head_, draft);
  Appended a{next_seq_, leaf.hash};
  insert(a.seq, draft.kind(), draft.cycle(), draft.province(), draft.subject(), a.hash, leaf.data);
  return a;
}

void Store::Writer::insert(int64_t seq, const std::string& kind, const std::string& cycle, const std::string& province,
                           const std::string& subject, const Hash& hash, const std::string& data) {
  if (!insert_)
    insert_ = std::make_unique<SQLite::Statement>(
        store_.db(), "INSERT INTO record (seq, kind, cycle, province, subject, hash, data) VALUES (?,?,?,?,?,?,?)");
  SQLite::Statement& q = *insert_;
  q.reset();
  q.bind(1, static_cast<int64_t>(seq));
  // No copies: the values outlive the statement's use of them (exec, then reset before the next bind).
  q.bindNoCopy(2, kind);
  q.bindNoCopy(3, cycle);
  q.bindNoCopy(4, province);
  q.bindNoCopy(5, subject);
  q.bindNoCopy(6, hash.data(), static_cast<int>(hash.size()));
  q.bindNoCopy(7, data.data(), static_cast<int>(data.size()));
  q.exec();
  q.clearBindings();
  tree_->append(hash);
  ++next_seq_;
  head_ = hash;
}

Hash Store::Writer::root() const {
  if (!tree_) throw StoreError("the transaction is closed");
  return tree_->frontier().root();
}

void Store::Writer::commit() {
  insert_.reset();
  tree_.reset();
  remember_size(store_, next_seq_);
  store_.db().exec("COMMIT");
  open_ = false;
}

}  // namespace verdeel::ledger
