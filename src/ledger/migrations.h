#pragma once
// The schema migrations of schema/NNN_*.sql, embedded at build time.
// user_version of a ledger is the number of the last migration applied.
#include <string>
#include <vector>

namespace verdeel::ledger {

struct Migration {
  int number;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& migrations();

}  // namespace verdeel::ledger
