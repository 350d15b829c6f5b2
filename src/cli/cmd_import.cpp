// verdeel import --cycle C DIR: validates a case directory and records every
// input row as a record, in one transaction. Bad input is refused whole.
#include <chrono>
#include <iostream>
#include <map>

#include "casefile/casefile.h"
#include "cli/clock.h"
#include "cli/context.h"
#include "cli/runs.h"
#include "decision/input_set.h"

namespace verdeel::cli {

namespace {
struct ImportOptions {
  std::string cycle;
  std::string dir;
};

void run_import(const Globals& g, const ImportOptions& opt) {
  auto loaded = casefile::load_case(opt.dir);
  if (!loaded.problems.empty()) {
    std::string msg;
    for (const auto& p : loaded.problems) msg += (msg.empty() ? "" : "\n") + p.str();
    msg += "\nimport refused: " + std::to_string(loaded.problems.size()) + " problem" +
           (loaded.problems.size() == 1 ? "" : "s") + "; nothing was recorded";
    throw InputError(msg);
  }
  casefile::CaseData& data = *loaded.data;
  auto store = g.open(ledger::Store::Mode::read_write);
  ledger::Store::Writer w(*store);

  std::map<std::string, std::vector<decision::NewInput>> rows;
  for (auto& r : data.rows)
    rows[r.province].push_back(decision::NewInput{std::move(r.kind), std::move(r.subject), std::move(r.body), r.file, r.line});

  Json files = Json::object();
  for (const auto& [name, sha] : data.file_sha256) files[name] = sha;
  const std::string time = now_utc();
  for (const auto& province : data.provinces) {
    auto previous = store->latest(opt.cycle, province, "input.set");
    std::vector<decision::InputRef> in_force;
    if (previous) in_force = load_input_set(*store, *previous);
    auto plan = decision::plan_inputs(in_force, std::move(rows[province]));
    if (previous && !plan.changed()) {
      std::cout << province << " " << opt.cycle << ": unchanged (" << plan.rows.size() << " inputs in force)\n";
      continue;
    }
    Json listed = Json::array();
    size_t corrections = 0;
    for (auto& pr : plan.rows) {
      if (!pr.reuse.empty()) {
        listed.push_back(pr.reuse);
        continue;
      }
      ledger::Draft d{pr.row.kind, opt.cycle, province, pr.row.subject, std::move(pr.row.body)};
      if (!pr.supersedes.empty()) {
        d.body["supersedes"] = pr.supersedes;
        ++corrections;
      }
      listed.push_back(to_hex(w.append(std::move(d)).hash));
    }
    Json body{{"records", listed},
              {"files", files},
              {"source", opt.dir},
              {"time", time},
              {"previous", previous ? Json(to_hex(previous->hash)) : Json(nullptr)},
              {"withdrawn", plan.withdrawn}};
    auto set = w.append(ledger::Draft{"input.set", opt.cycle, province, "", std::move(body)});
    auto plural = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::cout << province << " " << opt.cycle << ": "
              << plural(plan.new_records(), "new input record", "new input records");
    if (corrections) std::cout << " (" << plural(corrections, "correction", "corrections") << ")";
    if (!plan.withdrawn.empty()) std::cout << ", " << plural(plan.withdrawn.size(), "withdrawn", "withdrawn");
    std::cout << "; input set " << set.short_hash() << " (record " << set.seq << ")\n";
    // Name what this import withdrew, so nothing disappears unannounced.
    for (const auto& h : plan.withdrawn)
      if (auto old = store->by_hash(hash_from_hex(h)))
        std::cout << "  withdrawn: " << old->label() << " " << old->body.dump() << "\n";
  }
  w.commit();
}
}  // namespace

void register_import(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ImportOptions>();
  auto* sub = app.add_subcommand("import", "Validate a case directory and record every input");
  add_db_option(*sub, g);
  sub->add_option("--cycle", opt->cycle, "Cycle, named by the year of the capacity estimate (2024)")->required();
  sub->add_option("dir", opt->dir, "Case directory (gemeenten.csv, opgave.csv, ...)")->required();
  sub->callback([&g, opt] { run_import(g, *opt); });
}

VERDEEL_COMMAND(20, register_import);

}  // namespace verdeel::cli
