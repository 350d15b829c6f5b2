// verdeel init: creates an empty ledger with its genesis record.
#include <iostream>

#include "cli/context.h"
#include "ledger/file_in_place.h"

namespace verdeel::cli {

void register_init(CLI::App& app, Globals& g) {
  auto* sub = app.add_subcommand("init", "Create an empty ledger (refuses to overwrite an existing file)");
  add_db_option(*sub, g);
  sub->callback([&g] {
    ledger::Store::create(g.db_path());
    ledger::Store store(g.db_path());
    auto genesis = store.get(0);
    std::cout << "created ledger " << g.db_path() << " (id " << genesis->body["ledger"].get<std::string>() << ")\n";
    // What an init that was interrupted left beside it (ledger/file_in_place.h): never a ledger in use.
    const auto leftovers = ledger::scratch_leftovers(ledger::followed(g.db_path()));
    if (!leftovers.empty()) {
      std::cerr << "note: an earlier init was interrupted and left " << leftovers.size()
                << (leftovers.size() == 1 ? " file" : " files") << " beside the ledger, safe to delete:";
      for (const auto& f : leftovers) std::cerr << " " << f.string();
      std::cerr << "\n";
    }
  });
}

VERDEEL_COMMAND(10, "init", register_init);

}  // namespace verdeel::cli
