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
  sub->add_option("-n,--limit", opt->limit, "Show at most this many records");
  sub->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    int64_t size = store->size();
    int64_t from = opt->limit > 0 ? std::max<int64_t>(0, size - opt->limit) : 0;
    auto records = store->range(from, size);
    Json out = Json::array();
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
      if (opt->format == "json") {
        out.push_back(Json{{"seq", it->seq},
                           {"kind", it->kind},
                           {"cycle", it->cycle},
                           {"province", it->province},
                           {"subject", it->subject},
                           {"hash", to_hex(it->hash)},
                           {"body", it->body}});
        continue;
      }
      std::cout << it->short_hash() << " " << it->seq << " " << it->kind;
      if (!it->cycle.empty()) std::cout << " " << it->cycle;
      if (!it->province.empty()) std::cout << " " << it->province;
      if (!it->subject.empty()) std::cout << " " << it->subject;
      std::cout << "\n";
    }
    if (opt->format == "json") std::cout << out.dump(2) << "\n";
  });
}

VERDEEL_COMMAND(90, register_log);

}  // namespace verdeel::cli
