#include "cli/context.h"

#include <cstdlib>

namespace verdeel::cli {

std::string Globals::db_path() const {
  if (!db.empty()) return db;
  if (const char* env = std::getenv("VERDEEL_DB"); env && *env) return env;
  return "verdeel.db";
}

std::unique_ptr<ledger::Store> Globals::open(ledger::Store::Mode mode) const {
  return std::make_unique<ledger::Store>(db_path(), mode);
}

std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}

void add_db_option(CLI::App& sub, Globals& g) {
  sub.add_option("--db", g.db, "Ledger file (default $VERDEEL_DB, else verdeel.db)");
}

}  // namespace verdeel::cli
