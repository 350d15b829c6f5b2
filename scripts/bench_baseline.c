/* The physical limits verdeel is measured against (docs/performance.md), built
 * by scripts/bench with plain `cc -O2`, twice: bench_insert with
 * -DBASELINE_INSERT_ONLY (the two insert modes, linked to SQLite alone, as a
 * process that only inserts would be) and bench_baseline (every mode, linked to
 * SQLite and libcrypto). Both link those libraries as the verdeel program does:
 * from their archives when it does (VERDEEL_STATIC_LIBS), else the shared ones.
 *
 *   bench_baseline insert SRC.db DST.db SCHEMA.sql [FROM TO]
 *       Copies the record rows of the ledger SRC (those with FROM <= seq < TO,
 *       when given) into memory, makes a new DST with SCHEMA.sql (the same
 *       table and indexes) and closes it, then opens DST and inserts exactly
 *       those rows (same bytes, same columns) in ONE transaction, with the same
 *       pragmas (WAL, synchronous=FULL), with one prepared statement, and
 *       closes it. Nothing is computed: no JSON, no hashing. Times the inserts
 *       alone (BEGIN to COMMIT) and reports the setup time (copying the rows,
 *       making DST, closing SRC), so that scripts/bench can time a whole
 *       process that only opens a closed database file, inserts and closes it:
 *       its wall time minus the setup.
 *   bench_baseline insert-into SRC.db DST.db FROM TO
 *       The same, into an existing ledger DST (a copy of SRC as it was before
 *       the command that wrote rows FROM..TO): the same inserts into the same
 *       tables and indexes as they stood, not into an empty table.
 *   bench_baseline scan DB
 *       Times reading every row in seq order, each of its stored values
 *       (seq, kind, cycle, province, subject, hash, data), computing
 *       SHA-256(0x00 || data) and comparing it with the stored hash: the
 *       least any full verify must do. The hash column is what the bytes are
 *       checked against, and kind, cycle, province and subject are stored
 *       outside the hashed bytes (for the indexes), so a verify that did not
 *       read them would let them be changed unseen (LEDGER.md: "nothing
 *       outside the hash can change meaning"). Nothing is compared but the
 *       hash; no JSON is looked at.
 *       scripts/bench times this as a whole process, as it times `verify`.
 *   bench_baseline scan-data DB
 *       The same reading only the data column (no stored hash, no other
 *       column): less than a verify can do; reported beside the goal's
 *       figure, as earlier runs measured against it.
 *
 * Prints one line: "<rows> <seconds> <bytes>" (bytes = total size of data);
 * insert adds "<setup seconds>". */
#ifndef BASELINE_INSERT_ONLY
#define OPENSSL_SUPPRESS_DEPRECATED /* SHA256_*: see scan() */
#include <openssl/sha.h>
#endif
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(sqlite3* db, const char* what) {
  fprintf(stderr, "bench_baseline: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

static char* slurp(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) die(NULL, path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* s = malloc((size_t)n + 1);
  if (fread(s, 1, (size_t)n, f) != (size_t)n) die(NULL, path);
  s[n] = 0;
  fclose(f);
  return s;
}

typedef struct {
  sqlite3_int64 seq;
  char* text[4]; /* kind, cycle, province, subject */
  void* hash;
  int hash_len;
  void* data;
  int data_len;
} Row;

static void* dup_blob(const void* p, int n) {
  void* q = malloc(n > 0 ? (size_t)n : 1);
  if (n > 0) memcpy(q, p, (size_t)n);
  return q;
}

/* schema_path NULL: dst exists (insert-into); else dst is made afresh with that schema. */
static int insert(const char* src, const char* dst, const char* schema_path, long long from, long long to) {
  double setup0 = now();
  sqlite3* in;
  if (sqlite3_open_v2(src, &in, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) die(in, src);
  sqlite3_stmt* q;
  if (sqlite3_prepare_v2(in,
                         "SELECT seq, kind, cycle, province, subject, hash, data FROM record WHERE seq >= ? AND seq < ? "
                         "ORDER BY seq",
                         -1, &q, NULL) != SQLITE_OK)
    die(in, "select");
  sqlite3_bind_int64(q, 1, from);
  sqlite3_bind_int64(q, 2, to);
  size_t cap = 1024, n = 0;
  long long bytes = 0;
  Row* rows = malloc(cap * sizeof(Row));
  while (sqlite3_step(q) == SQLITE_ROW) {
    if (n == cap) rows = realloc(rows, (cap *= 2) * sizeof(Row));
    Row* r = &rows[n++];
    r->seq = sqlite3_column_int64(q, 0);
    for (int i = 0; i < 4; ++i) r->text[i] = strdup((const char*)sqlite3_column_text(q, 1 + i));
    r->hash_len = sqlite3_column_bytes(q, 5);
    r->hash = dup_blob(sqlite3_column_blob(q, 5), r->hash_len);
    r->data_len = sqlite3_column_bytes(q, 6);
    r->data = dup_blob(sqlite3_column_blob(q, 6), r->data_len);
    bytes += r->data_len;
  }
  sqlite3_finalize(q);
  /* The source stays open until the inserts are timed: closing it here would hand its page cache's
     memory, already touched, to the allocator, and the inserts would take it for their own page
     cache without the page faults any process pays for fresh memory (measured: 117 instead of 310
     faults from BEGIN to the end of close), work done in the setup that is subtracted. */

  sqlite3* db;
  /* Without SQLite's connection mutex, as verdeel opens its ledgers: one thread uses it. */
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (schema_path) {
    /* A new file with the empty table, made and closed in the setup: the process then finds a
       closed database file, as verdeel's commands find their ledger (closing it checkpointed and
       removed its WAL, as every last connection's close does). */
    remove(dst);
    if (sqlite3_open_v2(dst, &db, flags | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) die(db, dst);
    if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL) != SQLITE_OK)
      die(db, "pragmas");
    char* schema = slurp(schema_path);
    if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK) die(db, "schema");
    free(schema);
    if (sqlite3_close(db) != SQLITE_OK) die(db, "close");
  }
  /* The work: opening the file (verdeel's commands open theirs), the inserts, commit and close. */
  double setup1 = now();
  if (sqlite3_open_v2(dst, &db, flags, NULL) != SQLITE_OK) die(db, dst);
  if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL) != SQLITE_OK) die(db, "pragmas");
  double t0 = now();
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) die(db, "begin");
  sqlite3_stmt* ins;
  if (sqlite3_prepare_v2(db, "INSERT INTO record (seq, kind, cycle, province, subject, hash, data) VALUES (?,?,?,?,?,?,?)",
                         -1, &ins, NULL) != SQLITE_OK)
    die(db, "prepare");
  for (size_t i = 0; i < n; ++i) {
    Row* r = &rows[i];
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, r->seq);
    for (int k = 0; k < 4; ++k) sqlite3_bind_text(ins, 2 + k, r->text[k], -1, SQLITE_STATIC);
    sqlite3_bind_blob(ins, 6, r->hash, r->hash_len, SQLITE_STATIC);
    sqlite3_bind_blob(ins, 7, r->data, r->data_len, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) die(db, "insert");
  }
  sqlite3_finalize(ins);
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) die(db, "commit");
  double t1 = now();
  sqlite3_close(db);
  double close_in = now();
  sqlite3_close(in); /* setup too */
  close_in = now() - close_in;
  printf("%zu %.6f %lld %.6f\n", n, t1 - t0, bytes, setup1 - setup0 + close_in);
  return 0;
}

#ifndef BASELINE_INSERT_ONLY
static int scan(const char* path, int whole_rows) {
  double t0 = now();
  sqlite3* db;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) die(db, path);  /* as verdeel */
  sqlite3_stmt* q;
  const char* sql = whole_rows ? "SELECT seq, kind, cycle, province, subject, hash, data FROM record ORDER BY seq"
                               : "SELECT data FROM record ORDER BY seq";
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) die(db, "select");
  const int data = whole_rows ? 6 : 0;
  /* OpenSSL's SHA256_* functions, as verdeel's own hashing (src/util/sha256.cpp): the same code
   * as EVP's SHA-256 without EVP's cost per call. */
  SHA256_CTX ctx;
  const unsigned char zero = 0;
  unsigned char md[32], acc = 0;
  size_t n = 0, text = 0, differ = 0;
  long long bytes = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    if (whole_rows) {
      acc ^= (unsigned char)sqlite3_column_int64(q, 0);
      for (int c = 1; c <= 4; ++c) { /* each value as verify gets it: a pointer and a length */
        const unsigned char* t = sqlite3_column_text(q, c);
        text += (size_t)sqlite3_column_bytes(q, c);
        acc ^= t ? t[0] : 0;
      }
    }
    const void* d = sqlite3_column_blob(q, data);
    int len = sqlite3_column_bytes(q, data);
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, &zero, 1);
    SHA256_Update(&ctx, d, (size_t)len);
    SHA256_Final(md, &ctx);
    if (whole_rows) {
      const void* h = sqlite3_column_blob(q, 5);
      differ += sqlite3_column_bytes(q, 5) != 32 || memcmp(h, md, 32) != 0;
    }
    acc ^= md[0]; /* keep the work observable */
    ++n;
    bytes += len;
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  double t1 = now();
  if (differ) fprintf(stderr, "bench_baseline: %zu rows do not hash to their stored hash\n", differ);
  printf("%zu %.6f %lld\n", n, t1 - t0, bytes + (acc & 0) + (long long)(text & 0));
  return 0;
}
#endif

int main(int argc, char** argv) {
  if (argc == 5 && strcmp(argv[1], "insert") == 0) return insert(argv[2], argv[3], argv[4], 0, INT64_MAX);
  if (argc == 7 && strcmp(argv[1], "insert") == 0)
    return insert(argv[2], argv[3], argv[4], atoll(argv[5]), atoll(argv[6]));
  if (argc == 6 && strcmp(argv[1], "insert-into") == 0)
    return insert(argv[2], argv[3], NULL, atoll(argv[4]), atoll(argv[5]));
#ifndef BASELINE_INSERT_ONLY
  if (argc == 3 && strcmp(argv[1], "scan") == 0) return scan(argv[2], 1);
  if (argc == 3 && strcmp(argv[1], "scan-data") == 0) return scan(argv[2], 0);
  fprintf(stderr,
          "usage: bench_baseline insert SRC.db DST.db SCHEMA.sql [FROM TO] | insert-into SRC.db DST.db FROM TO | "
          "scan DB | scan-data DB\n");
#else
  fprintf(stderr, "usage: bench_insert insert SRC.db DST.db SCHEMA.sql [FROM TO] | insert-into SRC.db DST.db FROM TO\n");
#endif
  return 2;
}
