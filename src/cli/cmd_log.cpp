// verdeel log: the records, newest first, one line each (like `git log --oneline`).
#include <iostream>

#include "cli/context.h"

namespace verdeel::cli {

namespace {
struct LogOptions {
  int64_t limit = 0;
  std::string format = "text";
};
}  // namespace

void register_log(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<LogOptions>();
  auto* sub = app.add_subcommand("log", "List the records, newest first");
  add_db_option(*sub, g);
  sub->add_option("-n,--limit", opt->limit, "Show at most this many records")->check(at_least_one());
  sub->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    // JSON is one array, written as it streams, so memory stays flat.
    bool json = opt->format == "json", first = true;
    if (json) std::cout << "[";
    store->newest_first(opt->limit, [&](const ledger::Record& r) {
      if (json) {
        Json j{{"seq", r.seq},         {"kind", r.kind}, {"cycle", r.cycle},          {"province", r.province},
               {"subject", r.subject}, {"hash", to_hex(r.hash)}, {"body", r.body}};
        std::cout << (first ? "\n" : ",\n") << j.dump();
        first = false;
        return true;
      }
      std::cout << r.short_hash() << " " << r.seq << " " << r.kind;
      if (!r.cycle.empty()) std::cout << " " << r.cycle;
      if (!r.province.empty()) std::cout << " " << r.province;
      if (!r.subject.empty()) std::cout << " " << r.subject;
      std::cout << "\n";
      return true;
    });
    if (json) std::cout << (first ? "]\n" : "\n]\n");
  });
}

VERDEEL_COMMAND(90, "log", register_log);

}  // namespace verdeel::cli
