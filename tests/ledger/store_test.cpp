#include <catch2/catch.hpp>

#include <cctype>

#include "ledger/verify.h"
#include "ledger_fixture.h"

using namespace verdeel;
using namespace verdeel::ledger;
using verdeel::testing::TempLedger;

TEST_CASE("a new ledger holds one genesis record with a ledger id", "[ledger][store]") {
  TempLedger t;
  Store s(t.path);
  CHECK(s.size() == 1);
  auto g = s.get(0);
  REQUIRE(g);
  CHECK(g->kind == "genesis");
  CHECK(g->prev == kZeroHash);
  CHECK(g->body["ledger"].get<std::string>().size() == 32);
  CHECK(g->body["format"] == kFormatVersion);
}

TEST_CASE("init refuses to overwrite an existing file", "[ledger][store]") {
  TempLedger t;
  CHECK_THROWS_WITH(Store::create(t.path), Catch::Contains("refusing to overwrite"));
}

TEST_CASE("opening a file that is not a ledger is refused with a clear message", "[ledger][store]") {
  TempLedger t;
  auto other = (t.dir / "notes.txt").string();
  {
    std::ofstream o(other);
    o << "hello, this is not SQLite at all, but it is long enough to look like a file\n";
  }
  CHECK_THROWS_WITH(Store(other), Catch::Contains("is not a verdeel ledger"));
  auto plain = (t.dir / "plain.db").string();
  {
    SQLite::Database db(plain, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_WITH(Store(plain), Catch::Contains("is not a verdeel ledger"));
  CHECK_THROWS_WITH(Store((t.dir / "missing.db").string()), Catch::Contains("verdeel init"));
}

TEST_CASE("a ledger of a newer format is refused", "[ledger][store]") {
  TempLedger t;
  t.sql("PRAGMA user_version=999", false);
  CHECK_THROWS_WITH(Store(t.path), Catch::Contains("newer than this program knows"));
}

TEST_CASE("the ledger is in WAL mode with synchronous FULL when writing", "[ledger][store]") {
  TempLedger t;
  Store s(t.path, Store::Mode::read_write);
  CHECK(s.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(s.db().execAndGet("PRAGMA synchronous").getInt() == 2);
}

TEST_CASE("triggers refuse UPDATE and DELETE of records", "[ledger][store]") {
  TempLedger t;
  t.add_rows(3);
  CHECK_THROWS_WITH(t.sql("UPDATE record SET subject='x' WHERE seq=1", false), Catch::Contains("append-only"));
  CHECK_THROWS_WITH(t.sql("DELETE FROM record WHERE seq=1", false), Catch::Contains("append-only"));
  Store s(t.path);
  CHECK(s.size() == 4);
}

TEST_CASE("appends chain each record to the one before", "[ledger][store]") {
  TempLedger t;
  t.add_rows(5);
  Store s(t.path);
  auto all = s.range(0, s.size());
  REQUIRE(all.size() == 6);
  for (size_t i = 1; i < all.size(); ++i) {
    CHECK(all[i].seq == static_cast<int64_t>(i));
    CHECK(all[i].prev == all[i - 1].hash);
  }
  CHECK(s.by_hash(all[3].hash)->seq == 3);
  CHECK(s.by_subject("GM1002").size() == 1);
  CHECK(s.by_scope("2024", "Drenthe", "input.verslag").size() == 5);
  CHECK(s.latest("2024", "Drenthe", "input.verslag")->seq == 5);
}

TEST_CASE("a prepared draft is appended as the draft itself would be", "[ledger][store]") {
  TempLedger a, b;
  // Two ledgers that differ only in how the second record was handed over.
  Draft d{"input.verslag", "2024", "Drenthe", "GM0106", Json{{"regulier", 7}, {"naam", "Assen"}}};
  Hash via_draft, via_prepared;
  {
    Store s(a.path, Store::Mode::read_write);
    Store::Writer w(s);
    via_draft = w.append(Draft{d}).hash;
    w.commit();
  }
  {
    Store s(b.path, Store::Mode::read_write);
    Store::Writer w(s);
    Appended got = w.append(prepare(Draft{d}));
    CHECK(got.seq == 1);
    via_prepared = got.hash;
    CHECK(w.size() == 2);
    w.commit();
  }
  Store sa(a.path), sb(b.path);
  auto ra = sa.get(1), rb = sb.get(1);
  REQUIRE(ra);
  REQUIRE(rb);
  CHECK(rb->hash == via_prepared);
  CHECK(ra->hash == via_draft);
  CHECK(rb->body == ra->body);
  CHECK(rb->prev == sb.get(0)->hash);
  CHECK(rb->data == make_record(1, sb.get(0)->hash, Draft{d}).data);
  CHECK(verify_chain(sb).ok);
}

TEST_CASE("a row read by hash decodes away from the store, with the checks every read makes", "[ledger][store]") {
  TempLedger t;
  t.add_rows(3);
  Store s(t.path);
  auto all = s.range(0, s.size());
  auto row = s.row_by_hash(all[2].hash);
  REQUIRE(row);
  CHECK(row->seq == 2);
  Record r = record_from_row(*row);
  CHECK(r.hash == all[2].hash);
  CHECK(r.data == all[2].data);
  // The fast path (the envelope proved from the columns) gives what decoding the bytes gives.
  auto decoded = decode_record(row->data, nullptr);
  REQUIRE(decoded);
  CHECK(r.seq == decoded->seq);
  CHECK(r.kind == decoded->kind);
  CHECK(r.cycle == decoded->cycle);
  CHECK(r.province == decoded->province);
  CHECK(r.subject == decoded->subject);
  CHECK(r.prev == decoded->prev);
  CHECK(r.prev == all[1].hash);
  CHECK(r.body == decoded->body);
  CHECK(r.hash == decoded->hash);
  RowCopy upper = *row;  // prev in upper-case hex: not canonical, though it names the same hash
  const size_t at = upper.data.find("\"prev\":\"") + 8;
  for (size_t i = at; i < at + 64; ++i) upper.data[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper.data[i])));
  REQUIRE(upper.data != row->data);
  upper.hash = std::string(reinterpret_cast<const char*>(leaf_hash(upper.data).data()), 32);
  CHECK_THROWS_WITH(record_from_row(upper), Catch::Contains("record 2 is corrupt: stored bytes are not in canonical form"));
  CHECK_FALSE(s.row_by_hash(Hash{}));
  RowCopy wrong_hash = *row;
  wrong_hash.hash[0] = static_cast<char>(wrong_hash.hash[0] ^ 1);
  CHECK_THROWS_WITH(record_from_row(wrong_hash), Catch::Contains("record 2 is corrupt: its bytes do not match its hash"));
  RowCopy wrong_column = *row;
  wrong_column.subject = "GM9999";
  CHECK_THROWS_WITH(record_from_row(wrong_column), Catch::Contains("disagree with its indexed columns"));
  RowCopy edited = *row;
  edited.data.insert(1, " ");
  CHECK_THROWS_WITH(record_from_row(edited), Catch::Contains("record 2 is corrupt"));
  CHECK(s.provinces_with("2024", "input.verslag") == std::vector<std::string>{"Drenthe"});
  CHECK(s.provinces_with("2026", "input.verslag").empty());
}

TEST_CASE("a row batch gives back every value it was given, and its rows decode as copied rows do", "[ledger][store]") {
  RowBatch b;
  CHECK(b.empty());
  const std::string nul("a\0b", 3);
  b.add(StoredRow{7, "input.verslag", "2024", "Drenthe", "GM0106", nul, "{}"});
  b.add(StoredRow{8, "", "", "", "", "", ""});
  b.add(StoredRow{9, "k", "c", "p", "s", std::string(32, 'h'), std::string(100000, 'd')});
  REQUIRE(b.size() == 3);
  CHECK(b[0].seq == 7);
  CHECK(b[0].kind == "input.verslag");
  CHECK(b[0].cycle == "2024");
  CHECK(b[0].province == "Drenthe");
  CHECK(b[0].subject == "GM0106");
  CHECK(b[0].hash == nul);
  CHECK(b[0].data == "{}");
  CHECK(b[1].seq == 8);
  CHECK((b[1].kind.empty() && b[1].subject.empty() && b[1].hash.empty() && b[1].data.empty()));
  CHECK(b[2].hash == std::string(32, 'h'));
  CHECK(b[2].data == std::string(100000, 'd'));
  CHECK(b[2].subject == "s");
  std::vector<int64_t> seqs;
  for (const auto& row : b) seqs.push_back(row.seq);
  CHECK(seqs == std::vector<int64_t>{7, 8, 9});

  TempLedger t;
  t.add_rows(3);
  Store s(t.path);
  auto row = s.row_by_hash(s.get(2)->hash);
  REQUIRE(row);
  const StoredRow view = row->view();
  const Record whole = record_from_row(*row);
  for (Bytes bytes : {Bytes::keep, Bytes::drop}) {
    const Record r = record_from_row(view, bytes);
    CHECK(r.seq == whole.seq);
    CHECK(r.kind == whole.kind);
    CHECK(r.cycle == whole.cycle);
    CHECK(r.province == whole.province);
    CHECK(r.subject == whole.subject);
    CHECK(r.prev == whole.prev);
    CHECK(r.body == whole.body);
    CHECK(r.hash == whole.hash);
    CHECK(r.data == (bytes == Bytes::keep ? whole.data : std::string()));
  }
  // A row that is not sound: the same words as the copied row's read.
  RowCopy wrong_hash = *row;
  wrong_hash.hash[0] = static_cast<char>(wrong_hash.hash[0] ^ 1);
  RowCopy wrong_column = *row;
  wrong_column.subject = "GM9999";
  for (const RowCopy& bad : {wrong_hash, wrong_column}) {
    std::string expected;
    try {
      record_from_row(bad);
    } catch (const StoreError& e) {
      expected = e.what();
    }
    REQUIRE_FALSE(expected.empty());
    CHECK_THROWS_WITH(record_from_row(bad.view(), Bytes::drop), expected);
  }
}

TEST_CASE("a row batch keeps every row whole across its buffers, and a move keeps its views valid", "[ledger][store]") {
  // Rows of many sizes, more than one buffer's worth (64 KiB), some larger than a buffer: each row
  // lies in one buffer, and the views taken before the batch moved still read the same bytes.
  RowBatch b;
  std::vector<std::string> data;
  for (int i = 0; i < 400; ++i) {
    data.push_back(std::string(static_cast<size_t>(i % 7 == 0 ? 70000 + i : 300 + 37 * i), static_cast<char>('a' + i % 26)));
    b.add(StoredRow{i, "input.verslag", "2024", "Drenthe", "GM" + std::to_string(i), std::string(32, 'h'), data.back()});
  }
  const StoredRow before = b[399];
  const RowBatch moved = std::move(b);
  REQUIRE(moved.size() == 400);
  for (size_t i = 0; i < moved.size(); ++i) {
    INFO("row " << i);
    CHECK(moved[i].seq == static_cast<int64_t>(i));
    CHECK(moved[i].subject == "GM" + std::to_string(i));
    CHECK(moved[i].data == data[i]);
    CHECK(moved[i].hash == std::string(32, 'h'));
  }
  CHECK(before.data == data[399]);
  CHECK(before.data.data() == moved[399].data.data());
}

TEST_CASE("rows_in_scope: every row of the cycle, province and kind prefix, by kind then seq", "[ledger][store]") {
  TempLedger t;
  {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    w.append(Draft{"input.verslag", "2024", "Drenthe", "GM0001", Json::object()});         // 1
    w.append(Draft{"input.indicatief", "2024", "Drenthe", "GM0001", Json::object()});      // 2
    w.append(Draft{"input.verslag", "2024", "Groningen", "GM0014", Json::object()});       // 3
    w.append(Draft{"input.verslag", "2026", "Drenthe", "GM0001", Json::object()});         // 4
    w.append(Draft{"decision.start", "2024", "Drenthe", "", Json::object()});              // 5
    w.append(Draft{"input.verslag", "2024", "Drenthe", "GM0002", Json{{"regulier", 1}}}); // 6
    w.append(Draft{"input.set", "2024", "Drenthe", "", Json::object()});                   // 7
    w.append(Draft{"inputs", "2024", "Drenthe", "", Json::object()});                      // 8: no dot
    w.commit();
  }
  Store s(t.path);
  std::vector<int64_t> seqs;
  for (const auto& row : s.rows_in_scope("2024", "Drenthe", "input.")) {
    CHECK(row.cycle == "2024");
    CHECK(row.province == "Drenthe");
    seqs.push_back(row.seq);
  }
  CHECK(seqs == std::vector<int64_t>{2, 7, 1, 6});  // input.indicatief, input.set, input.verslag x2
  CHECK(s.rows_in_scope("2024", "Groningen", "input.").size() == 1);
  // Read again by the kept statement: the same rows, their values as stored.
  const RowBatch again = s.rows_in_scope("2024", "Drenthe", "input.");
  REQUIRE(again.size() == 4);
  const auto r6 = s.row_by_hash(s.get(6)->hash);
  REQUIRE(r6);
  CHECK(again[3].data == r6->data);
  CHECK(again[3].hash == r6->hash);
  CHECK(again[3].subject == "GM0002");
  CHECK(again[3].kind == "input.verslag");
  CHECK(s.rows_in_scope("2025", "Drenthe", "input.").empty());
  CHECK_THROWS_AS(s.rows_in_scope("2024", "Drenthe", ""), std::invalid_argument);
}

TEST_CASE("a transaction that is not committed leaves no trace", "[ledger][store]") {
  TempLedger t;
  {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    w.append(Draft{"input.verslag", "2024", "Drenthe", "GM0001", Json::object()});
    w.append(Draft{"input.verslag", "2024", "Drenthe", "GM0002", Json::object()});
    // no commit: destroyed, rolled back
  }
  Store s(t.path);
  CHECK(s.size() == 1);
  CHECK(verify_chain(s).ok);
}

TEST_CASE("a second writer waits, then fails cleanly instead of forking the chain", "[ledger][store]") {
  TempLedger t;
  Store a(t.path, Store::Mode::read_write);
  Store::Writer wa(a);
  wa.append(Draft{"input.verslag", "2024", "Drenthe", "GM0001", Json::object()});
  Store b(t.path, Store::Mode::read_write);
  b.db().setBusyTimeout(50);
  CHECK_THROWS_WITH(Store::Writer(b), Catch::Contains("busy"));
  wa.commit();
  Store::Writer wb(b);
  auto r = wb.append(Draft{"input.verslag", "2024", "Drenthe", "GM0002", Json::object()});
  wb.commit();
  CHECK(r.seq == 2);
  CHECK(verify_chain(b).ok);
}

TEST_CASE("sound rows are read the fast way, and only rows it does not prove go the slow way", "[ledger][store]") {
  TempLedger t;
  t.add_rows(40);
  {
    Store s(t.path, Store::Mode::read_write);
    Store::Writer w(s);
    // Columns that need escaping or are not ASCII, a body of every kind of value, an empty subject.
    for (const char* subject : {"", "a \"quoted\" name", "tab\there", "Súdwest-Fryslân", "東京 𝔸"})
      w.append(Draft{"step.toerekening", "2024", "Fryslân", subject,
                     Json{{"gemeente", subject}, {"n", -7}, {"big", UINT64_MAX}, {"ok", true}, {"none", nullptr},
                          {"r", {{"num", 1}, {"den", 3}}}, {"list", {"x", 1, {{"y", "\x7f"}}}}}});
    w.commit();
  }
  Store s(t.path);
  const uint64_t before = rows_read_the_slow_way();
  const auto all = s.range(0, s.size());  // the genesis record included
  REQUIRE(all.size() == 46);
  for (const auto& r : all) REQUIRE(s.get(r.seq));
  CHECK(rows_read_the_slow_way() == before);
  auto row = s.row_by_hash(all[3].hash);
  REQUIRE(row);
  RowCopy edited = *row;
  edited.data.insert(1, " ");
  CHECK_THROWS_AS(record_from_row(edited), StoreError);
  CHECK(rows_read_the_slow_way() == before + 1);
}

TEST_CASE("a read-only Store leaves no -wal or -shm file beside a ledger that had none, and writes nothing",
          "[ledger][store][tidy]") {
  TempLedger t;
  t.add_rows(20);
  namespace fs = std::filesystem;
  const fs::path wal = t.path + "-wal", shm = t.path + "-shm";
  REQUIRE_FALSE(fs::exists(wal));  // the writer, closing last, removed them
  const std::string bytes = t.read_file();
  const auto time = fs::last_write_time(t.path);
  {
    Store s(t.path);
    CHECK(s.size() == 21);
    CHECK(fs::exists(wal));  // SQLite's, for the reading connection
  }
  CHECK_FALSE(fs::exists(wal));
  CHECK_FALSE(fs::exists(shm));
  CHECK(t.read_file() == bytes);
  CHECK(fs::last_write_time(t.path) == time);

  SECTION("another connection open: it is not the last, and the files stay for it") {
    SQLite::Database other(t.path, SQLite::OPEN_READONLY);
    CHECK(other.execAndGet("SELECT COUNT(*) FROM record").getInt() == 21);
    { Store s(t.path); }
    CHECK(fs::exists(wal));
    CHECK(other.execAndGet("SELECT COUNT(*) FROM record").getInt() == 21);
  }
  SECTION("a ledger that had a -wal file is left with it (it may be another's, or hold records)") {
    { std::ofstream(wal.string()); }  // an empty log, as a reader of another program leaves one
    { Store s(t.path); }
    CHECK(fs::exists(wal));
    CHECK(t.read_file() == bytes);
  }
}
