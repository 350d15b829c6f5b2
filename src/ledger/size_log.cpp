#include "ledger/size_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "ledger/store.h"

namespace verdeel::ledger {

std::optional<int64_t> remembered_size(Store& store) {
  if (store.format() < 4) return std::nullopt;
  SQLite::Statement q(store.db(), "SELECT MAX(size) FROM ledger_size");
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void remember_size(Store& store, int64_t size) {
  if (store.format() < 4) return;
  SQLite::Statement q(store.db(), "INSERT OR IGNORE INTO ledger_size (size) VALUES (?)");
  q.bind(1, size);
  q.exec();
}

}  // namespace verdeel::ledger
