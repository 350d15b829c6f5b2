#include <catch2/catch.hpp>

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
