// verdeel show --cycle C --province P [--format ...]: the decision table.
#include <iostream>

#include "cli/context.h"
#include "cli/runs.h"
#include "report/render.h"

namespace verdeel::cli {

namespace {
struct ShowOptions {
  std::string cycle;
  std::string province;
  std::string format = "table";
  int64_t run = 0;
};
}  // namespace

void register_show(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", "Show a decision");
  add_db_option(*sub, g);
  sub->add_option("--cycle", opt->cycle, "Cycle (2024)")->required();
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("--format", opt->format, "table, json")->check(CLI::IsMember({"table", "json"}));
  sub->add_option("--run", opt->run, "Show an earlier run (1 = the first); default the latest");
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    std::string province = resolve_province(*store, opt->cycle, opt->province);
    auto view = report::view_of(load_run(*store, opt->cycle, province, opt->run));
    if (opt->format == "json")
      std::cout << report::decision_json(view).dump(2) << "\n";
    else
      std::cout << report::decision_table(view);
  });
}

VERDEEL_COMMAND(40, register_show);

}  // namespace verdeel::cli
