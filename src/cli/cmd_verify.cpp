// verdeel verify: re-hashes every record, checks every link; silent when all is
// well (exit 0), else names the first bad record (exit 1).
#include <iostream>

#include "cli/context.h"
#include "ledger/verify.h"

namespace verdeel::cli {

namespace {
struct VerifyOptions {
  bool verbose = false;
};
}  // namespace

void register_verify(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<VerifyOptions>();
  auto* sub = app.add_subcommand("verify", "Check the whole chain; names the first bad record");
  add_db_option(*sub, g);
  sub->add_flag("-v,--verbose", opt->verbose, "Say what was checked when all is well");
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    auto res = ledger::verify_chain(*store);
    if (!res.ok) throw CheckFailed("verify: " + res.problem);
    if (opt->verbose)
      std::cout << "ok: " << res.records << " records, head " << to_hex(res.head) << ", ledger " << res.ledger_id
                << "\n";
  });
}

VERDEEL_COMMAND(80, register_verify);

}  // namespace verdeel::cli
