#pragma once
// A fresh ledger in a temporary directory, removed afterwards.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/store.h"
#include "ledger/store_merkle.h"

namespace verdeel::testing {

inline std::filesystem::path temp_dir(const std::string& tag) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("verdeel-" + tag + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir;
}

// Writes a record row behind the store's back, as an insider with SQL would (tamper tests). `q`
// is prepared from kInsertRecordRow.
inline constexpr const char* kInsertRecordRow =
    "INSERT INTO record (seq, kind, cycle, province, subject, hash, data) VALUES (?,?,?,?,?,?,?)";
inline void insert_record_row(SQLite::Statement& q, const ledger::Record& r) {
  q.reset();
  q.bind(1, r.seq);
  q.bind(2, r.kind);
  q.bind(3, r.cycle);
  q.bind(4, r.province);
  q.bind(5, r.subject);
  q.bind(6, r.hash.data(), static_cast<int>(r.hash.size()));
  q.bind(7, r.data.data(), static_cast<int>(r.data.size()));
  q.exec();
}

struct TempLedger {
  std::filesystem::path dir = temp_dir("ledger");
  std::string path = (dir / "ledger.db").string();
  TempLedger() { ledger::Store::create(path); }
  ~TempLedger() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  // Appends n input rows, one transaction.
  void add_rows(int n, const std::string& kind = "input.verslag") {
    ledger::Store store(path, ledger::Store::Mode::read_write);
    ledger::Store::Writer w(store);
    for (int i = 0; i < n; ++i) {
      std::string code = "GM" + std::to_string(1000 + i);
      w.append(ledger::Draft{kind, "2024", "Drenthe", code,
                             Json{{"gemeente", code}, {"regulier", 100 + i}, {"amv", i}}});
    }
    w.commit();
  }
  // Raw SQL as an insider would run it (triggers dropped first when asked).
  void sql(const std::string& statement, bool drop_triggers = true) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    if (drop_triggers) {
      db.exec("DROP TRIGGER IF EXISTS record_no_update");
      db.exec("DROP TRIGGER IF EXISTS record_no_delete");
    }
    db.exec(statement);
  }
  // Turns the ledger back into what format 2 (migration 002) stored: a Merkle node for every
  // complete subtree of level 1 and up, and no ledger_size. Returns the record hashes.
  std::vector<Hash> to_format2() {
    std::vector<Hash> leaves;
    {
      ledger::Store s(path);
      for (const auto& r : s.range(0, s.size())) leaves.push_back(r.hash);
    }
    std::string statements = "DROP TABLE ledger_size; PRAGMA user_version=2;";
    ledger::MerkleFrontier f;
    for (const Hash& h : leaves)
      for (const ledger::Subtree& st : f.append(h))
        if (st.level < ledger::kLowestStoredLevel)
          statements += "INSERT INTO merkle_node (level, idx, hash) VALUES (" + std::to_string(st.level) + "," +
                        std::to_string(st.index) + ",X'" + to_hex(st.hash) + "');";
    sql(statements, false);
    return leaves;
  }
  std::string read_file() const {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void write_file(const std::string& bytes) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
};

}  // namespace verdeel::testing
