// decide and import on several cores (docs/performance.md, "What was made faster"): the records,
// their order, every message and which error is named first are those of one thread.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "ledger/ledger_fixture.h"
#include "ledger/record.h"
#include "ledger/store.h"
#include "util/canonical_json.h"
#include "util/sha256.h"

using verdeel::testing::Cli;

namespace {
// The ledger at cli.db copied to `name` in the same directory (after a command: no WAL left).
std::string copy_ledger(const Cli& cli, const std::string& name) {
  auto to = cli.dir / name;
  std::filesystem::copy_file(cli.db, to, std::filesystem::copy_options::overwrite_existing);
  return to.string();
}
}  // namespace

TEST_CASE("decide --all writes the same records in the same order on one thread and on several", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  // The same ledger three times (the same genesis, so equal records give equal hashes).
  std::vector<std::string> dbs = {copy_ledger(cli, "t0.db"), copy_ledger(cli, "t1.db"), copy_ledger(cli, "t3.db")};
  std::vector<std::string> threads = {"0", "1", "3"};
  std::vector<std::string> said, verified;
  for (size_t i = 0; i < dbs.size(); ++i) {
    auto d = cli.run_raw({"--db", dbs[i], "decide", "--cycle", "2024", "--all", "--threads", threads[i]});
    INFO(d.err);
    REQUIRE(d.status == 0);
    said.push_back(d.out);
    auto v = cli.run_raw({"--db", dbs[i], "verify", "--verbose"});
    REQUIRE(v.status == 0);
    verified.push_back(v.out);  // names the head's hash and the Merkle root: every record's bytes
  }
  CHECK_THAT(said[0], Catch::Matches("Drenthe 2024: run 1, [^\n]*\nZuiderland 2024: run 1, [^\n]*\n"));
  for (size_t i = 1; i < dbs.size(); ++i) {
    CHECK(said[i] == said[0]);
    CHECK(verified[i] == verified[0]);
  }
}

TEST_CASE("decide --all on several threads says 'already decided' in its place and decides the rest", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  auto d = cli.run({"decide", "--cycle", "2024", "--all", "--threads", "2"});
  REQUIRE(d.status == 0);
  CHECK_THAT(d.out, Catch::Matches("Drenthe 2024: already decided on these inputs [^\n]*\nZuiderland 2024: run 1, [^\n]*\n"));
  CHECK(cli.run({"verify"}).status == 0);
  CHECK(cli.run({"decide", "--cycle", "2024", "--all", "--threads", "65"}).status == 2);
}

namespace {
// SQL on the ledger behind verdeel's back, as an insider would (the append-only triggers dropped).
void tamper(const Cli& cli, const std::string& statements) {
  SQLite::Database db(cli.db, SQLite::OPEN_READWRITE);
  db.exec("DROP TRIGGER IF EXISTS record_no_update; DROP TRIGGER IF EXISTS record_no_delete;");
  db.exec(statements);
}

// The seqs of the records an input set lists, in its order.
std::vector<int64_t> listed_seqs(const Cli& cli, const std::string& province) {
  SQLite::Database db(cli.db, SQLite::OPEN_READONLY);
  SQLite::Statement set(db, "SELECT data FROM record WHERE kind = 'input.set' AND province = ? ORDER BY seq DESC LIMIT 1");
  set.bind(1, province);
  REQUIRE(set.executeStep());
  std::vector<int64_t> out;
  const verdeel::Json record = verdeel::Json::parse(set.getColumn(0).getString());
  for (const auto& h : record.at("body").at("records")) {
    SQLite::Statement q(db, "SELECT seq FROM record WHERE hex(hash) = upper(?)");
    q.bind(1, h.get<std::string>());
    REQUIRE(q.executeStep());
    out.push_back(q.getColumn(0).getInt64());
  }
  return out;
}
}  // namespace

TEST_CASE("decide names the first bad input of a set in the set's order, on any number of threads", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  auto seqs = listed_seqs(cli, "Drenthe");
  REQUIRE(seqs.size() > 20);
  // An input early in the list edited in place, one later in the list gone: the edited one is
  // named. (The one gone is not among the last records, which the writer itself reads.)
  tamper(cli, "UPDATE record SET data = data || ' ' WHERE seq = " + std::to_string(seqs[5]) +
                  "; DELETE FROM record WHERE seq = " + std::to_string(seqs[20]) + ";");
  for (const char* threads : {"0", "1", "3"}) {
    auto d = cli.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--threads", threads});
    CHECK(d.status == 2);
    CHECK_THAT(d.err, Catch::Contains("record " + std::to_string(seqs[5]) + " is corrupt"));
  }
}

TEST_CASE("decide --all: a province that cannot be read fails in its turn, after the provinces before it", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  auto drenthe = listed_seqs(cli, "Drenthe");
  auto zuid = listed_seqs(cli, "Zuiderland");
  // Drenthe (decided first) has an input edited in place; Zuiderland (second) has one missing. The
  // one-thread order reads, decides and appends Drenthe before it reads Zuiderland: Drenthe is named.
  tamper(cli, "UPDATE record SET data = data || ' ' WHERE seq = " + std::to_string(drenthe[3]) +
                  "; DELETE FROM record WHERE seq = " + std::to_string(zuid[3]) + ";");
  auto size = [&] {
    SQLite::Database db(cli.db, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT COUNT(*) FROM record").getInt64();
  };
  const auto before = size();
  for (const char* threads : {"0", "1"}) {
    auto d = cli.run({"decide", "--cycle", "2024", "--all", "--threads", threads});
    CHECK(d.status == 2);
    CHECK_THAT(d.err, Catch::Contains("record " + std::to_string(drenthe[3]) + " is corrupt"));
    CHECK(size() == before);
  }
  // With Drenthe sound, Drenthe is decided (and said) before Zuiderland's missing input is named;
  // the transaction then records nothing.
  tamper(cli, "UPDATE record SET data = substr(data, 1, length(data) - 1) WHERE seq = " + std::to_string(drenthe[3]) + ";");
  for (const char* threads : {"0", "1"}) {
    auto d = cli.run({"decide", "--cycle", "2024", "--all", "--threads", threads});
    CHECK(d.status == 2);
    CHECK_THAT(d.out, Catch::Matches("Drenthe 2024: run 1, [^\n]*\n"));
    CHECK_THAT(d.err, Catch::Contains("names a record that is not in the ledger"));
    CHECK(size() == before);
  }
}

TEST_CASE("a refused import leaves even an older ledger untouched: the case is checked before the ledger is opened", "[cli][import]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  {
    SQLite::Database db(cli.db, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE ledger_size; PRAGMA user_version=2;");  // as a format-2 ledger was
  }
  auto before = verdeel::testing::slurp(cli.db);
  auto dir = cli.copy_example("drenthe-2024");
  Cli::write(dir / "verslag.csv", "gemeente;regulier;amv\nGM9999;1;1\n");
  auto o = cli.run({"import", "--cycle", "2024", dir.string()});
  CHECK(o.status == 2);
  CHECK_THAT(o.err, Catch::Contains("nothing was recorded"));
  CHECK(verdeel::testing::slurp(cli.db) == before);
  SQLite::Database db(cli.db, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 2);
}

TEST_CASE("decide looks up an input its set lists outside the set's own province, on any number of threads",
          "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  const std::string normal = copy_ledger(cli, "normal.db");
  // No import writes such a set: a copy of one of Drenthe's inputs recorded under another province,
  // and a new set for Drenthe that lists the copy in its place.
  std::string moved;
  {
    verdeel::ledger::Store store(cli.db, verdeel::ledger::Store::Mode::read_write);
    auto set = store.latest("2024", "Drenthe", "input.set");
    REQUIRE(set);
    verdeel::Json body = set->body;
    auto& records = body.at("records");
    size_t k = 0;
    std::optional<verdeel::ledger::Record> original;
    for (; k < records.size(); ++k) {
      original = store.by_hash(verdeel::hash_from_hex(records[k].get<std::string>()));
      REQUIRE(original);
      if (original->kind == "input.verslag") break;
    }
    REQUIRE(k < records.size());
    verdeel::ledger::Store::Writer w(store);
    auto copy = w.append(verdeel::ledger::Draft{original->kind, "2024", "Elders", original->subject, original->body});
    moved = verdeel::to_hex(copy.hash);
    records[k] = moved;
    w.append(verdeel::ledger::Draft{"input.set", "2024", "Drenthe", "", body});
    w.commit();
  }
  const auto expected = cli.run_raw({"--db", normal, "decide", "--cycle", "2024", "--province", "Drenthe"});
  REQUIRE(expected.status == 0);
  std::vector<std::string> dbs = {copy_ledger(cli, "m0.db"), copy_ledger(cli, "m1.db"), copy_ledger(cli, "m3.db")};
  std::vector<std::string> threads = {"0", "1", "3"};
  for (size_t i = 0; i < dbs.size(); ++i) {
    auto d = cli.run_raw({"--db", dbs[i], "decide", "--cycle", "2024", "--all", "--threads", threads[i]});
    INFO(d.err);
    REQUIRE(d.status == 0);
    // The same places as from the set that lists the original (the records come later: other seqs).
    CHECK(d.out.substr(d.out.find("; remainder")) == expected.out.substr(expected.out.find("; remainder")));
    CHECK(cli.run_raw({"--db", dbs[i], "verify"}).status == 0);
    SQLite::Database db(dbs[i], SQLite::OPEN_READONLY);
    SQLite::Statement cites(db, "SELECT COUNT(*) FROM record WHERE kind LIKE 'step.%' AND instr(data, ?) > 0");
    cites.bind(1, moved);
    REQUIRE(cites.executeStep());
    CHECK(cites.getColumn(0).getInt64() > 0);  // the steps cite the copy it decided on
  }
}

namespace {
int64_t latest_seq(const std::string& db_path, const std::string& kind, const std::string& province) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT MAX(seq) FROM record WHERE kind = ? AND province = ?");
  q.bind(1, kind);
  q.bind(2, province);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getInt64();
}
}  // namespace

TEST_CASE("decide checks the input set of a province it skips as already decided", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--province", "Drenthe"}).status == 0);
  const int64_t set = latest_seq(cli.db, "input.set", "Drenthe");
  tamper(cli, "UPDATE record SET data = data || ' ' WHERE seq = " + std::to_string(set) + ";");
  for (const char* threads : {"0", "1"}) {
    auto d = cli.run({"decide", "--cycle", "2024", "--province", "Drenthe", "--threads", threads});
    CHECK(d.status == 2);
    CHECK_THAT(d.err, Catch::Contains("record " + std::to_string(set) + " is corrupt"));
    CHECK(d.out.find("already decided") == std::string::npos);
  }
}

TEST_CASE("a province never decided is decided on its latest input set, which is checked", "[cli][decide]") {
  // Never decided, a province's input set is taken from its input rows rather than looked up on
  // its own: after a correction there are two sets, and the later one is the one decided on.
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  auto dir = cli.copy_example("drenthe-2024");
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  const int64_t first_set = latest_seq(cli.db, "input.set", "Drenthe");
  std::string verslag = verdeel::testing::slurp(dir / "verslag.csv");
  verslag.replace(verslag.find("Meppel,192,0"), 12, "Meppel,200,0");
  Cli::write(dir / "verslag.csv", verslag);
  REQUIRE(cli.run({"import", "--cycle", "2024", dir.string()}).status == 0);
  const int64_t set = latest_seq(cli.db, "input.set", "Drenthe");
  REQUIRE(set > first_set);
  std::string set_hash;
  {
    SQLite::Database db(cli.db, SQLite::OPEN_READONLY);
    set_hash = db.execAndGet("SELECT lower(hex(hash)) FROM record WHERE seq = " + std::to_string(set)).getString();
  }
  for (const char* threads : {"0", "1"}) {
    const std::string db = copy_ledger(cli, std::string("t") + threads + ".db");
    auto d = cli.run_raw({"--db", db, "decide", "--cycle", "2024", "--all", "--threads", threads});
    INFO(d.err);
    REQUIRE(d.status == 0);
    SQLite::Database after(db, SQLite::OPEN_READONLY);
    const auto start = verdeel::Json::parse(
        after.execAndGet("SELECT data FROM record WHERE kind = 'decision.start'").getString());
    CHECK(start["body"]["input_set"] == set_hash);
  }
  // The latest set edited in place: named, on any number of threads, and nothing recorded.
  tamper(cli, "UPDATE record SET data = data || ' ' WHERE seq = " + std::to_string(set) + ";");
  for (const char* threads : {"0", "1"}) {
    auto d = cli.run({"decide", "--cycle", "2024", "--all", "--threads", threads});
    CHECK(d.status == 2);
    CHECK_THAT(d.err, Catch::Contains("record " + std::to_string(set) + " is corrupt"));
    CHECK(latest_seq(cli.db, "decision.start", "Drenthe") == 0);
  }
}

TEST_CASE("a corrupt input set is named before a corrupt decision record of its province", "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  REQUIRE(cli.run({"decide", "--cycle", "2024", "--all"}).status == 0);  // Drenthe's records are not the head
  const int64_t set = latest_seq(cli.db, "input.set", "Drenthe");
  const int64_t result = latest_seq(cli.db, "result.decision", "Drenthe");
  const int64_t start = latest_seq(cli.db, "decision.start", "Drenthe");
  tamper(cli, "UPDATE record SET data = data || ' ' WHERE seq IN (" + std::to_string(set) + ", " +
                  std::to_string(result) + ", " + std::to_string(start) + ");");
  for (const char* threads : {"0", "1"})
    for (bool again : {false, true}) {
      std::vector<std::string> args = {"decide", "--cycle", "2024", "--all", "--threads", threads};
      if (again) args.push_back("--again");
      auto d = cli.run(args);
      INFO(d.err);
      CHECK(d.status == 2);
      CHECK_THAT(d.err, Catch::Contains("record " + std::to_string(set) + " is corrupt"));
    }
}

TEST_CASE("an input a set lists is looked up in the ledger as it was, not among this run's own records",
          "[cli][decide]") {
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  // The hash this run gives Drenthe's decision.start (the time is fixed): from deciding a copy.
  const std::string probe = copy_ledger(cli, "probe.db");
  REQUIRE(cli.run_raw({"--db", probe, "decide", "--cycle", "2024", "--all"}).status == 0);
  std::string start_hash;
  {
    SQLite::Database db(probe, SQLite::OPEN_READONLY);
    start_hash = db.execAndGet("SELECT lower(hex(hash)) FROM record WHERE kind = 'decision.start'").getString();
  }
  // An insider's input set for a province decided after Drenthe that lists that record: put at
  // seq -1, outside the chain, so that this run's records are those of the copy.
  {
    const auto r = verdeel::ledger::make_record(
        -1, verdeel::kZeroHash,
        verdeel::ledger::Draft{"input.set", "2024", "Zzz", "", verdeel::Json{{"records", {start_hash}}}});
    SQLite::Database db(cli.db, SQLite::OPEN_READWRITE);
    SQLite::Statement ins(db, verdeel::testing::kInsertRecordRow);
    verdeel::testing::insert_record_row(ins, r);
  }
  for (const char* threads : {"0", "1"}) {
    auto d = cli.run({"decide", "--cycle", "2024", "--all", "--threads", threads});
    INFO(d.err);
    CHECK(d.status == 2);
    CHECK_THAT(d.err, Catch::Contains("names a record that is not in the ledger: " + start_hash));
  }
}

TEST_CASE("a ledger not in WAL mode is decided on several threads, with the same records", "[cli][decide]") {
  // Only the writing thread reads the ledger, so its journal mode does not matter to the computing
  // threads. (When each computing thread read through a connection of its own, only WAL let it read
  // beside the writer: in rollback-journal mode its read lock held the writer's commit until the
  // busy timeout, and such a ledger had to be decided on one thread.)
  Cli cli;
  REQUIRE(cli.run({"init"}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("drenthe-2024")}).status == 0);
  REQUIRE(cli.run({"import", "--cycle", "2024", Cli::example_dir("zuid-synthetisch-2024")}).status == 0);
  // Five more provinces, copies of Zuiderland under other names and codes: enough provinces that
  // the computing threads take some.
  for (int k = 1; k <= 5; ++k) {
    const std::string name = "Kopie" + std::to_string(k) + "land", prefix = "GM" + std::to_string(k);
    auto dir = cli.copy_example("zuid-synthetisch-2024", name);
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      if (f.path().extension() != ".csv") continue;
      std::string text = verdeel::testing::slurp(f.path());
      for (auto [from, to] : {std::pair<std::string, std::string>{"Zuiderland", name}, {"GM9", prefix}})
        for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
          text.replace(at, from.size(), to);
      Cli::write(f.path(), text);
    }
    auto imp = cli.run({"import", "--cycle", "2024", dir.string()});
    INFO(imp.err);
    REQUIRE(imp.status == 0);
  }
  const std::string wal = copy_ledger(cli, "wal.db"), rollback = copy_ledger(cli, "rollback.db");
  {
    SQLite::Database db(rollback, SQLite::OPEN_READWRITE);
    REQUIRE(db.execAndGet("PRAGMA journal_mode=DELETE").getString() == "delete");
  }
  std::vector<std::string> said, verified;
  for (const auto& [db, threads] : {std::pair{wal, "0"}, std::pair{rollback, "3"}}) {
    auto d = cli.run_raw({"--db", db, "decide", "--cycle", "2024", "--all", "--threads", threads});
    INFO(d.err);
    REQUIRE(d.status == 0);
    said.push_back(d.out);
    auto v = cli.run_raw({"--db", db, "verify", "--verbose"});
    REQUIRE(v.status == 0);
    verified.push_back(v.out);
  }
  CHECK(said[1] == said[0]);
  CHECK(verified[1] == verified[0]);
  CHECK_THAT(said[0], Catch::Contains("Kopie5land 2024: run 1"));
  SQLite::Database after(rollback, SQLite::OPEN_READONLY);
  CHECK(after.execAndGet("PRAGMA journal_mode").getString() == "delete");
}
