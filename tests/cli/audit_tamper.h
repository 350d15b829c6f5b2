#pragma once
// What an insider with write access to the ledger file can do: drop the
// append-only triggers, edit a record's body by SQL, and re-hash the whole
// chain after it (data, prev and hash of every later record, with
// ledger::make_record), and rebuild the Merkle node cache when there is one,
// so that `verdeel verify` passes. Only `replay` (or a checkpoint held
// elsewhere) can then tell.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "ledger/record.h"
#include "ledger/store_merkle.h"

namespace verdeel::testing {

inline bool table_exists(SQLite::Database& db, const std::string& name) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  return q.executeStep();
}

// Rebuilds merkle_node (every perfect subtree of level >= kLowestStoredLevel) from the record hashes.
inline void rebuild_merkle_cache(SQLite::Database& db) {
  if (!table_exists(db, "merkle_node")) return;
  db.exec("DROP TRIGGER IF EXISTS merkle_node_no_update");
  db.exec("DROP TRIGGER IF EXISTS merkle_node_no_delete");
  db.exec("DELETE FROM merkle_node");
  std::vector<Hash> level;
  SQLite::Statement q(db, "SELECT hash FROM record ORDER BY seq");
  while (q.executeStep()) {
    Hash h{};
    const void* blob = q.getColumn(0).getBlob();
    std::memcpy(h.data(), blob, h.size());
    level.push_back(h);
  }
  SQLite::Statement ins(db, "INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)");
  for (int l = 1; level.size() >= 2; ++l) {
    std::vector<Hash> up;
    for (size_t i = 0; i + 1 < level.size(); i += 2) {
      up.push_back(sha256_node(level[i], level[i + 1]));
      if (l < static_cast<int>(ledger::kLowestStoredLevel)) continue;
      ins.bind(1, l);
      ins.bind(2, static_cast<int64_t>(up.size() - 1));
      ins.bind(3, up.back().data(), static_cast<int>(up.back().size()));
      ins.exec();
      ins.reset();
    }
    level = std::move(up);
  }
}

// Replaces the body of record `seq` by edit(body) and re-hashes every record
// from `seq` on, as an insider would.
inline void rewrite_and_rehash(const std::string& db_path, int64_t seq, const std::function<void(Json&)>& edit) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  db.exec("DROP TRIGGER IF EXISTS record_no_update");
  db.exec("DROP TRIGGER IF EXISTS record_no_delete");
  SQLite::Transaction tx(db);
  Hash prev{};
  {
    SQLite::Statement q(db, "SELECT hash FROM record WHERE seq = ?");
    q.bind(1, seq - 1);
    if (!q.executeStep()) throw std::runtime_error("no record before the one to edit");
    std::memcpy(prev.data(), q.getColumn(0).getBlob(), prev.size());
  }
  std::vector<std::pair<int64_t, std::string>> rows;
  {
    SQLite::Statement q(db, "SELECT seq, data FROM record WHERE seq >= ? ORDER BY seq");
    q.bind(1, seq);
    while (q.executeStep()) rows.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  }
  SQLite::Statement up(db, "UPDATE record SET data = ?, hash = ? WHERE seq = ?");
  for (const auto& [s, data] : rows) {
    std::string why;
    auto r = ledger::decode_record(data, &why);
    if (!r) throw std::runtime_error("cannot decode record " + std::to_string(s) + ": " + why);
    Json body = r->body;
    if (s == seq) edit(body);
    auto now = ledger::make_record(s, prev, ledger::Draft{r->kind, r->cycle, r->province, r->subject, body});
    up.bind(1, now.data.data(), static_cast<int>(now.data.size()));
    up.bind(2, now.hash.data(), static_cast<int>(now.hash.size()));
    up.bind(3, s);
    up.exec();
    up.reset();
    prev = now.hash;
  }
  tx.commit();
  rebuild_merkle_cache(db);
}

}  // namespace verdeel::testing
