// verdeel decide --cycle C (--province P | --all): runs the method on the
// recorded inputs and records every step and the result, one transaction.
#include <algorithm>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/clock.h"
#include "cli/context.h"
#include "cli/runs.h"
#include "decision/case_from_inputs.h"
#include "decision/records.h"
#include "decision/replay.h"
#include "method/decision.h"
#include "report/render.h"
#include "util/ordered_jobs.h"
#include "util/workers.h"
#include "version.h"

namespace verdeel::cli {

namespace {
struct DecideOptions {
  std::string cycle;
  std::string province;
  bool all = false;
  bool again = false;
  // The writing thread computes too when it would wait.
  unsigned threads = default_workers(3);
};

// What deciding one province needs from the ledger: its rows, copied but not decoded, then checked
// and decoded with the computing.
struct ProvinceWork {
  std::string province;
  std::string set_hash;  // the stored hash of the input set; decoding `set` proves it
  int64_t run_number = 0;
  ledger::RowCopy set;     // the latest input.set
  ledger::RowBatch scope;  // every input row of the cycle and province, which it lists
};

// An input set that lists records outside its own cycle and province (no import writes one): the
// writing thread looks them up, and computes the province itself.
struct Unresolved {
  ledger::Record set;
  InputRows inputs;
};

// One province decided, all but the envelopes of its records (seq and prev): the costly part,
// done on any core (docs/performance.md, "What was made faster"). A step record is written at once,
// except result.decision, which names its run's start record and so waits for its seq.
struct Prepared {
  method::Decision decision;
  std::vector<ledger::PreparedDraft> steps;
  decision::StepRecord result;  // result.decision, without "start"
  bool no_verslag = false;  // its input set holds no input.verslag record: every report counts as 0
  bool withdrawn = false;   // its input set lists nothing (import --replaces): nothing to decide
  std::optional<Unresolved> unresolved;  // set instead of the above when the writing thread must finish
};

// The latest input.set among a province's input rows (rows_in_scope: by kind, then seq), copied.
std::optional<ledger::RowCopy> latest_set(const ledger::RowBatch& scope) {
  for (size_t i = scope.size(); i-- > 0;)
    if (const ledger::StoredRow r = scope[i]; r.kind == "input.set") return ledger::RowCopy::of(r);
  return std::nullopt;
}

// Reads what province `province` needs; nullopt, after saying so, when it is already decided on
// these inputs and `again` was not given.
std::optional<ProvinceWork> read_province(ledger::Store& store, const std::string& cycle, const std::string& province,
                                          bool again, std::string& skipped) {
  std::vector<RunSpan> spans;
  try {
    spans = run_spans(store, cycle, province);
  } catch (...) {
    // The set is the first thing a province's reading checks: a corrupt set is named before what
    // went wrong after it (a corrupt decision record, say), as when the set was decoded first.
    if (auto set = store.latest_row(cycle, province, "input.set")) ledger::record_from_row(*set);
    throw;
  }
  // Never decided: its input set is among its input rows, read in the same range (one query fewer
  // per province, on the thread that reads and appends for every province).
  std::optional<ledger::RowBatch> scope;
  std::optional<ledger::RowCopy> set;
  if (spans.empty()) {
    scope = store.rows_in_scope(cycle, province, "input.");
    set = latest_set(*scope);
  } else {
    set = store.latest_row(cycle, province, "input.set");
  }
  if (!set) throw UsageError("no inputs recorded for " + province + " " + cycle);
  std::string set_hash = to_hex(set->hash);
  try {
    if (!spans.empty() && !again) {
      auto last = store.get(spans.back().end);
      if (last && last->body.value("input_set", "") == set_hash) {
        ledger::record_from_row(*set);  // the set is read, and so checked, as when it is decided on
        skipped = province + " " + cycle + ": already decided on these inputs (run " +
                  std::to_string(spans.back().number) + ", record " + std::to_string(last->seq) +
                  "); use --again to record a new run";
        return std::nullopt;
      }
    }
    if (!scope) scope = store.rows_in_scope(cycle, province, "input.");
    return ProvinceWork{province, std::move(set_hash), static_cast<int64_t>(spans.size()) + 1, std::move(*set),
                        std::move(*scope)};
  } catch (...) {
    ledger::record_from_row(*set);  // named first, as above
    throw;
  }
}

// The method on one province's inputs, and its records written: pure, for any thread.
Prepared decide_inputs(const std::string& cycle, const ProvinceWork& w, InputRows listed) {
  std::vector<decision::InputRef> inputs = decode_inputs(std::move(listed));
  Prepared p{method::decide(decision::case_from_inputs(cycle, w.province, decision::method_views(inputs))), {}, {}, false, false, {}};
  p.no_verslag = std::none_of(inputs.begin(), inputs.end(), [](const auto& i) { return i.kind == "input.verslag"; });
  auto steps = decision::decision_records(p.decision, inputs, w.set_hash);
  if (steps.empty() || steps.back().kind != "result.decision")
    throw std::logic_error("a decision's records end with result.decision");
  p.result = std::move(steps.back());
  steps.pop_back();
  p.steps.reserve(steps.size());
  for (auto& s : steps) p.steps.push_back(ledger::prepare(std::move(s.kind), cycle, w.province, std::move(s.subject), std::move(s.body)));
  return p;
}

// The input set checked and its inputs picked from the rows read, then decide_inputs: pure, for any
// thread, but for an input set that lists records elsewhere (Prepared::unresolved).
Prepared prepare_province(const std::string& cycle, ProvinceWork& w) {
  ledger::Record set = ledger::record_from_row(std::move(w.set));
  if (const auto records = set.body.find("records"); records == set.body.end() || records->empty()) {
    Prepared p;
    p.withdrawn = true;
    return p;
  }
  InputRows listed = match_listed(set, std::move(w.scope));
  if (std::any_of(listed.listed.begin(), listed.listed.end(), [](const ListedInput& e) { return unresolved(e); })) {
    Prepared p;
    p.unresolved = Unresolved{std::move(set), std::move(listed)};
    return p;
  }
  return decide_inputs(cycle, w, std::move(listed));
}

// Appends one province's run: its start record, then its steps; says what was decided.
void append_province(ledger::Store::Writer& w, const std::string& cycle, const ProvinceWork& work, Prepared& p) {
  auto start = w.append(ledger::Draft{"decision.start", cycle, work.province, "",
                                      Json{{"engine", "verdeel " VERDEEL_VERSION},
                                           {"run", work.run_number},
                                           {"input_set", work.set_hash},
                                           {"time", now_utc()}}});
  for (const auto& step : p.steps) w.append(step);
  p.result.body("start", start.seq);
  w.append(ledger::prepare(p.result.kind, cycle, work.province, p.result.subject, std::move(p.result.body)));
  const auto& d = p.decision;
  const auto& r = d.restopgave;
  std::cout << work.province << " " << cycle << ": run " << work.run_number << ", records " << start.seq << ".."
            << start.seq + static_cast<int64_t>(p.steps.size()) + 1 << "; remainder " << r.rest.regulier
            << " regulier + " << r.rest.amv << " amv; decided " << d.besluit_som.regulier << " + "
            << d.besluit_som.amv << " = " << d.besluit_som.total() << " places";
  int64_t short_reg = 0, short_amv = 0;
  if (const auto* v = d.verdeling(method::Category::regulier)) short_reg = v->shortfall;
  if (const auto* v = d.verdeling(method::Category::amv)) short_amv = v->shortfall;
  if (short_reg > 0 || short_amv > 0)
    std::cout << "; SHORTFALL " << short_reg << " regulier + " << short_amv
              << " amv could not be placed within the caps (see `verdeel show`)";
  std::cout << "\n";
  // As import said when the inputs came in: valid (absent rows mean 0, INTERFACE.md), but more
  // likely an empty export than a province that reported nothing.
  if (p.no_verslag)
    std::cerr << "note: " << work.province << " " << cycle << " was decided without any verslag row: the report "
              << "of every municipality there counted as 0 places\n";
}

// A province read and computed, ready to append (or skipped).
struct Province {
  ProvinceWork work;    // its set and rows are taken by prepare_province
  std::string skipped;  // non-empty: already decided on these inputs; nothing to append
  Prepared prepared;
};

// Every province in one transaction. The writing thread reads each province (its input set and
// rows, copied but not decoded) through its own connection, before it appends anything, so every
// province reads the ledger exactly as it stood before this command; each province read becomes a
// job at once, checked, decoded and computed on any thread (OrderedJobs), while the writing thread
// reads the next. It then appends the provinces in order, and computes one itself whenever it
// would otherwise wait. So the records, and every message, are the same whatever the number of
// threads, and an error in reading or computing a province is raised when that province's turn
// comes, after the provinces before it. Only the writing thread touches the ledger: the computing
// threads need no connection of their own (opening one, and filling its page cache, cost more than
// reading every province on the writing thread: docs/performance.md).
void decide(ledger::Store& store, ledger::Store::Writer& w, const DecideOptions& opt,
            const std::vector<std::string>& provinces) {
  const int64_t start = w.size();  // the ledger's size before this command appends anything
  auto workers =
      provinces.size() > 1 ? static_cast<unsigned>(std::min<size_t>(opt.threads, provinces.size() - 1)) : 0u;
  OrderedJobs<Province> jobs(workers);
  std::vector<size_t> order;
  order.reserve(provinces.size());
  for (const auto& name : provinces) {
    auto read = std::make_shared<Province>();  // shared with its job, which takes it over
    std::exception_ptr error;
    try {
      if (auto work = read_province(store, opt.cycle, name, opt.again, read->skipped)) read->work = std::move(*work);
    } catch (...) {
      error = std::current_exception();
    }
    order.push_back(jobs.add([read, error, &opt]() -> Province {
      if (error) std::rethrow_exception(error);  // in this province's turn
      Province out = std::move(*read);
      if (out.skipped.empty()) out.prepared = prepare_province(opt.cycle, out.work);
      return out;
    }));
    if (error) break;  // the provinces after it are never reached
  }
  for (size_t job : order) {
    Province d = jobs.take(job);
    if (!d.skipped.empty()) {
      std::cout << d.skipped << "\n";
      continue;
    }
    Prepared& p = d.prepared;
    if (p.withdrawn) {
      std::cout << d.work.province << " " << opt.cycle << ": no inputs in force (all withdrawn, input set "
                << d.work.set_hash.substr(0, 12) << "); nothing to decide\n";
      continue;
    }
    if (p.unresolved) {
      // Only what the ledger held before this command: records of earlier provinces of this run are not inputs.
      resolve_listed(store, p.unresolved->set, p.unresolved->inputs, start);
      p = decide_inputs(opt.cycle, d.work, std::move(p.unresolved->inputs));
    }
    append_province(w, opt.cycle, d.work, p);
  }
  w.commit();
}
}  // namespace

void register_decide(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<DecideOptions>();
  auto* sub = app.add_subcommand("decide", "Run the method on recorded inputs and record every step");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle);
  auto* p = sub->add_option("--province", opt->province, "Province name");
  auto* a = sub->add_flag("--all", opt->all, "Every province with recorded inputs");
  p->excludes(a);
  sub->add_flag("--again", opt->again, "Record a new run even when the inputs did not change");
  sub->add_option("--threads", opt->threads,
                  "Threads that compute provinces beside the one writing the ledger (which computes too when "
                  "it would wait); 0 computes in that one only (default: one per core beyond the first, at most 3)")
      ->check(CLI::Range(0u, 64u));
  sub->callback([&g, opt] {
    if (opt->province.empty() && !opt->all) throw UsageError("decide needs --province NAME or --all");
    auto store = g.open(ledger::Store::Mode::read_write);
    ledger::Store::Writer w(*store);  // first: a busy or damaged ledger is said before anything else
    std::vector<std::string> provinces = opt->all ? recorded_provinces(*store, opt->cycle)
                                                  : std::vector<std::string>{resolve_province(*store, opt->cycle, opt->province)};
    if (provinces.empty()) throw UsageError("no inputs recorded for cycle " + opt->cycle);
    decide(*store, w, *opt, provinces);
  });
}

VERDEEL_COMMAND(30, "decide", register_decide);

}  // namespace verdeel::cli
