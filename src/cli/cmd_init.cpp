// verdeel init: creates an empty ledger with its genesis record.
#include <iostream>

#include "cli/context.h"

namespace verdeel::cli {

void register_init(CLI::App& app, Globals& g) {
  auto* sub = app.add_subcommand("init", "Create an empty ledger (refuses to overwrite an existing file)");
  add_db_option(*sub, g);
  sub->callback([&g] {
    ledger::Store::create(g.db_path());
    ledger::Store store(g.db_path());
    auto genesis = store.get(0);
    std::cout << "created ledger " << g.db_path() << " (id " << genesis->body["ledger"].get<std::string>() << ")\n";
  });
}

VERDEEL_COMMAND(10, "init", register_init);

}  // namespace verdeel::cli
