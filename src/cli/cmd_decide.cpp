// verdeel decide --cycle C (--province P | --all): runs the method on the
// recorded inputs and records every step and the result, one transaction.
#include <iostream>

#include "cli/clock.h"
#include "cli/context.h"
#include "cli/runs.h"
#include "decision/case_from_inputs.h"
#include "decision/records.h"
#include "decision/replay.h"
#include "method/decision.h"
#include "report/render.h"
#include "version.h"

namespace verdeel::cli {

namespace {
struct DecideOptions {
  std::string cycle;
  std::string province;
  bool all = false;
  bool again = false;
};

void decide_one(ledger::Store& store, ledger::Store::Writer& w, const std::string& cycle,
                const std::string& province, bool again) {
  auto set = store.latest(cycle, province, "input.set");
  if (!set) throw UsageError("no inputs recorded for " + province + " " + cycle);
  std::string set_hash = to_hex(set->hash);
  auto spans = run_spans(store, cycle, province);
  if (!spans.empty() && !again) {
    auto last = store.get(spans.back().end);
    if (last && last->body.value("input_set", "") == set_hash) {
      std::cout << province << " " << cycle << ": already decided on these inputs (run " << spans.back().number
                << ", record " << last->seq << "); use --again to record a new run\n";
      return;
    }
  }
  auto inputs = load_input_set(store, *set);
  method::Decision d = method::decide(decision::case_from_inputs(cycle, province, decision::method_inputs(inputs)));
  auto steps = decision::decision_records(d, inputs, set_hash);

  int64_t run_number = static_cast<int64_t>(spans.size()) + 1;
  auto start = w.append(ledger::Draft{"decision.start", cycle, province, "",
                                      Json{{"engine", "verdeel " VERDEEL_VERSION},
                                           {"run", run_number},
                                           {"input_set", set_hash},
                                           {"time", now_utc()}}});
  for (auto& s : steps) {
    if (s.kind == "result.decision") s.body["start"] = start.seq;
    w.append(ledger::Draft{s.kind, cycle, province, s.subject, std::move(s.body)});
  }
  const auto& r = d.restopgave;
  std::cout << province << " " << cycle << ": run " << run_number << ", records " << start.seq << ".."
            << start.seq + static_cast<int64_t>(steps.size()) << "; remainder " << r.rest.regulier << " regulier + "
            << r.rest.amv << " amv; decided " << d.besluit_som.regulier << " + " << d.besluit_som.amv << " = "
            << d.besluit_som.total() << " places";
  int64_t short_reg = 0, short_amv = 0;
  if (const auto* v = d.verdeling(method::Category::regulier)) short_reg = v->shortfall;
  if (const auto* v = d.verdeling(method::Category::amv)) short_amv = v->shortfall;
  if (short_reg > 0 || short_amv > 0)
    std::cout << "; SHORTFALL " << short_reg << " regulier + " << short_amv
              << " amv could not be placed within the caps (see `verdeel show`)";
  std::cout << "\n";
}
}  // namespace

void register_decide(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<DecideOptions>();
  auto* sub = app.add_subcommand("decide", "Run the method on recorded inputs and record every step");
  add_db_option(*sub, g);
  sub->add_option("--cycle", opt->cycle, "Cycle (2024)")->required();
  auto* p = sub->add_option("--province", opt->province, "Province name");
  auto* a = sub->add_flag("--all", opt->all, "Every province with recorded inputs");
  p->excludes(a);
  sub->add_flag("--again", opt->again, "Record a new run even when the inputs did not change");
  sub->callback([&g, opt] {
    if (opt->province.empty() && !opt->all) throw UsageError("decide needs --province NAME or --all");
    auto store = g.open(ledger::Store::Mode::read_write);
    ledger::Store::Writer w(*store);
    std::vector<std::string> provinces = opt->all ? recorded_provinces(*store, opt->cycle)
                                                  : std::vector<std::string>{resolve_province(*store, opt->cycle, opt->province)};
    if (provinces.empty()) throw UsageError("no inputs recorded for cycle " + opt->cycle);
    for (const auto& prov : provinces) decide_one(*store, w, opt->cycle, prov, opt->again);
    w.commit();
  });
}

VERDEEL_COMMAND(30, register_decide);

}  // namespace verdeel::cli
