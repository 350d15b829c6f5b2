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

CLI::Validator at_least_one() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || value.find_first_not_of('0') == std::string::npos || value.size() > 18)
          return "'" + value + "' is not a whole number of 1 or more";
        return {};
      },
      "N>=1");
}

CLI::Option* add_cycle_option(CLI::App& sub, std::string& cycle, const std::string& help) {
  return sub.add_option("--cycle", cycle, help)
      ->required()
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            const bool year = value.size() == 4 && value.find_first_not_of("0123456789") == std::string::npos;
            if (!year || value < "2024")
              return "'" + value + "' is not a cycle: give the year of its capacity estimate, four digits from 2024 "
                     "(the first cycle of the Spreidingswet), such as 2024 or 2026";
            return {};
          },
          "YEAR"));
}

void add_db_option(CLI::App& sub, Globals& g) {
  sub.add_option("--db", g.db, "Ledger file (default $VERDEEL_DB, else verdeel.db)");
}

}  // namespace verdeel::cli
