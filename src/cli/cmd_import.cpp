// verdeel import --cycle C DIR: validates a case directory and records every
// input row as a record, in one transaction. Bad input is refused whole.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "casefile/casefile.h"
#include "casefile/folder.h"
#include "cli/clock.h"
#include "cli/context.h"
#include "cli/runs.h"
#include "decision/input_set.h"
#include "report/field_text.h"
#include "util/json_object.h"
#include "util/ordered_jobs.h"
#include "util/workers.h"

namespace verdeel::cli {

namespace {
struct ImportOptions {
  std::string cycle;
  std::string dir;
  std::vector<std::string> replaces;  // provinces of the cycle this case replaces (a name spelled wrong)
};

// What importing one province needs from the ledger, read by the writing thread.
struct ProvinceWork {
  std::string province;
  std::optional<ledger::Record> previous;  // its input set so far
  InputRows in_force;                      // what that set lists, read but not decoded
  std::vector<decision::NewInput> rows;    // from the case
  std::exception_ptr unreadable;           // raised at this province's turn
};

// One province planned and its new records written, all but their envelopes (seq and prev):
// done on any core (docs/performance.md). `drafts` holds one entry per new row of the plan.
struct Planned {
  decision::InputPlan plan;
  std::vector<ledger::PreparedDraft> drafts;
  size_t corrections = 0;
};

// Pure, for any thread: decodes the inputs in force, plans the new rows against them and writes
// the bodies of the new records.
Planned plan_province(const std::string& cycle, ProvinceWork& w) {
  Planned p{decision::plan_inputs(decode_inputs(std::move(w.in_force)), std::move(w.rows)), {}, 0};
  p.drafts.reserve(p.plan.rows.size());
  for (auto& pr : p.plan.rows) {
    if (!pr.reuse.empty()) continue;
    ledger::Draft d{pr.row.kind, cycle, w.province, pr.row.subject, std::move(pr.row.body)};
    if (!pr.supersedes.empty()) {
      d.body["supersedes"] = pr.supersedes;
      ++p.corrections;
    }
    p.drafts.push_back(ledger::prepare(std::move(d)));
  }
  return p;
}

// A row's body without the bookkeeping of a correction.
Json without_supersedes(Json body) {
  body.erase("supersedes");
  return body;
}

// "regulier 480 → 1" (as history writes it): the fields of a corrected row that changed (not the bookkeeping).
std::string changes(const Json& before, const Json& after) {
  std::string out;
  for (auto it = after.begin(); it != after.end(); ++it) {
    if (it.key() == "supersedes" || (before.contains(it.key()) && before[it.key()] == it.value())) continue;
    out += (out.empty() ? "" : ", ") + it.key() + " " +
           (before.contains(it.key()) ? report::field_text(before[it.key()]) : std::string("-")) + " → " +
           report::field_text(it.value());
  }
  for (auto it = before.begin(); it != before.end(); ++it)
    if (it.key() != "supersedes" && !after.contains(it.key()))
      out += (out.empty() ? "" : ", ") + it.key() + " " + report::field_text(it.value()) + " → -";
  return out.empty() ? "no field changed" : out;
}

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Appends one province's new records and its input set; says what changed.
void append_province(ledger::Store& store, ledger::Store::Writer& w, const ImportOptions& opt, const ProvinceWork& work,
                     Planned& p, const Json& files, const std::string& time) {
  const auto& plan = p.plan;
  if (work.previous && !plan.changed()) {
    std::cout << work.province << " " << opt.cycle << ": unchanged (" << plan.rows.size() << " inputs in force)\n";
    return;
  }
  Json listed = Json::array();
  auto next = p.drafts.begin();
  std::vector<std::pair<int64_t, std::string>> corrected;  // seq of the new row, hash of the one it supersedes
  for (const auto& pr : plan.rows) {
    if (!pr.reuse.empty()) {
      listed.push_back(pr.reuse);
      continue;
    }
    const auto added = w.append(*next++);
    listed.push_back(to_hex(added.hash));
    if (!pr.supersedes.empty()) corrected.emplace_back(added.seq, pr.supersedes);
  }
  auto set = w.append(ledger::Draft{"input.set", opt.cycle, work.province, "",
                                    Obj()("records", std::move(listed))("files", files)("source", opt.dir)(
                                        "time", time)("previous", work.previous ? Json(to_hex(work.previous->hash))
                                                                                : Json(nullptr))(
                                        "withdrawn", plan.withdrawn)});
  std::cout << work.province << " " << opt.cycle << ": "
            << plural(plan.new_records(), "new input record", "new input records");
  if (p.corrections) std::cout << " (" << plural(p.corrections, "correction", "corrections") << ")";
  if (!plan.withdrawn.empty()) std::cout << ", " << plural(plan.withdrawn.size(), "withdrawn", "withdrawn");
  std::cout << "; input set " << set.short_hash() << " (record " << set.seq << ")\n";
  // Name what this import corrected and withdrew, so nothing changes or disappears unannounced.
  for (const auto& [seq, supersedes] : corrected) {
    auto now = store.get(seq);
    auto old = store.by_hash(hash_from_hex(supersedes));
    if (now && old)
      std::cout << "  corrected: " << now->label() << ", was " << old->label() << ": " << changes(old->body, now->body)
                << "\n";
  }
  for (const auto& h : plan.withdrawn)
    if (auto old = store.by_hash(hash_from_hex(h)))
      std::cout << "  withdrawn: " << old->label() << ": " << report::fields_text(without_supersedes(old->body))
                << "\n";
}

// --replaces: an input set for the province that lists nothing and withdraws every input in force,
// in the same transaction as the case that replaces it; decide then has nothing to decide there.
void withdraw_province(ledger::Store& store, ledger::Store::Writer& w, const ImportOptions& opt,
                       const std::string& province, const Json& files, const std::string& time) {
  auto previous = store.latest(opt.cycle, province, "input.set");
  Json withdrawn = previous ? previous->body.value("records", Json::array()) : Json::array();
  if (previous && withdrawn.empty()) {
    std::cout << province << " " << opt.cycle << ": no inputs in force, nothing to withdraw\n";
    return;
  }
  const size_t n = withdrawn.size();
  auto set = w.append(ledger::Draft{"input.set", opt.cycle, province, "",
                                    Obj()("records", Json::array())("files", files)("source", opt.dir)("time", time)(
                                        "previous", previous ? Json(to_hex(previous->hash)) : Json(nullptr))(
                                        "withdrawn", std::move(withdrawn))});
  std::cout << province << " " << opt.cycle << ": replaced by this case (--replaces): all " << plural(n, "input", "inputs")
            << " withdrawn; input set " << set.short_hash() << " (record " << set.seq << ")\n";
}

// A municipality belongs to one province: refused when the case puts one in a province while another
// province of the cycle, not in this case, lists it in its inputs as they stand (a province name
// spelled two ways would otherwise give it two decisions).
void refuse_municipalities_elsewhere(ledger::Store& store, const ImportOptions& opt, const casefile::CaseData& data) {
  const std::string& cycle = opt.cycle;
  std::map<std::string, const casefile::Row*> ours;  // code -> its row in gemeenten.csv
  for (const auto& r : data.rows)
    if (r.kind == "input.gemeente") ours.emplace(r.subject, &r);
  std::string problems;
  for (const auto& other : recorded_provinces(store, cycle)) {
    if (std::binary_search(data.provinces.begin(), data.provinces.end(), other)) continue;  // replaced by this case
    if (std::find(opt.replaces.begin(), opt.replaces.end(), other) != opt.replaces.end()) continue;  // --replaces
    auto set = store.latest(cycle, other, "input.set");
    if (!set) continue;
    for (const auto& input : load_input_set(store, *set)) {
      auto it = input.kind == "input.gemeente" ? ours.find(input.subject) : ours.end();
      if (it == ours.end()) continue;
      const casefile::Row& row = *it->second;
      problems += (problems.empty() ? "" : "\n") + (std::filesystem::path(opt.dir) / row.file).string() + ":" +
                  std::to_string(row.line) + ": " + it->first + " (" + input.body.value("naam", "") +
                  ") is recorded in province '" + other + "' for cycle " + cycle + ", not in '" + row.province +
                  "': a municipality belongs to one province (if '" + other + "' is a name spelled wrong, import "
                  "this case with --replaces '" + other + "', which withdraws its inputs)";
    }
  }
  if (!problems.empty()) throw InputError(problems + "\nimport refused; nothing was recorded");
}

// The case is read and checked first: bad input is refused before the ledger is touched. Then, as
// decide does, the writing thread reads what each province needs, a worker plans the provinces and
// writes their records' bodies (OrderedJobs), and the writing thread appends them in order.
void run_import(const Globals& g, const ImportOptions& opt) {
  auto loaded = casefile::load_case(opt.dir);
  if (!loaded.problems.empty()) {
    std::string msg;
    for (const auto& p : loaded.problems) msg += (msg.empty() ? "" : "\n") + p.str();
    if (loaded.more_problems > 0) msg += "\n... and " + std::to_string(loaded.more_problems) + " more problems";
    const size_t all = loaded.problems.size() + loaded.more_problems;
    msg += "\nimport refused: " + std::to_string(all) + " problem" + (all == 1 ? "" : "s") + "; nothing was recorded";
    throw InputError(msg);
  }
  casefile::CaseData& data = *loaded.data;
  auto store = g.open(ledger::Store::Mode::read_write);
  ledger::Store::Writer w(*store);
  const auto recorded = recorded_provinces(*store, opt.cycle);
  for (const auto& r : opt.replaces) {
    if (std::find(recorded.begin(), recorded.end(), r) == recorded.end())
      throw UsageError("--replaces '" + r + "': no province of that name has inputs in cycle " + opt.cycle);
    if (std::binary_search(data.provinces.begin(), data.provinces.end(), r))
      throw UsageError("--replaces '" + r + "': this case holds that province itself");
  }
  refuse_municipalities_elsewhere(*store, opt, data);

  std::map<std::string, std::vector<decision::NewInput>> rows;
  for (auto& r : data.rows)
    rows[r.province].push_back(
        decision::NewInput{std::move(r.kind), std::move(r.subject), std::move(r.body), r.file, r.line});
  // Which inputs were read, and which files of the folder were not: an absent optional file means
  // "none", and a file under another name is not read (casefile/folder.h), so say both.
  auto listed = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::vector<std::string> read, absent;
  bool policy = true;  // beleid.json present: policy values of its own
  for (const auto& f : casefile::known_files()) {
    if (data.file_sha256.count(f)) read.push_back(f);
    else if (f == "beleid.json") policy = false;
    else absent.push_back(f);
  }
  std::cout << "read " << listed(read);
  if (!absent.empty()) std::cout << "; absent, so none: " << listed(absent);
  if (!policy) std::cout << "; no beleid.json, so the Beleidsregel's own values";
  std::cout << "\n";
  if (!data.ignored.empty())
    std::cerr << "note: not read, as no input file has its name: " << listed(data.ignored) << "\n";
  // A province without any report row is valid (absent rows mean 0, INTERFACE.md), but is more
  // likely an empty export than a province that reported nothing: say so.
  for (const auto& province : data.provinces) {
    const auto& list = rows[province];
    if (std::none_of(list.begin(), list.end(), [](const decision::NewInput& r) { return r.kind == "input.verslag"; }))
      std::cerr << "note: verslag.csv holds no row for " << province << ": the report of every municipality there "
                << "counts as 0 places\n";
  }
  Json files = Json::object();
  for (const auto& [name, sha] : data.file_sha256) files[name] = sha;
  const std::string time = now_utc();

  std::vector<ProvinceWork> work(data.provinces.size());
  OrderedJobs<Planned> jobs(work.size() > 1 ? default_workers(1) : 0);
  for (size_t i = 0; i < work.size(); ++i) {
    ProvinceWork& pw = work[i];
    pw.province = data.provinces[i];
    pw.rows = std::move(rows[pw.province]);
    try {
      pw.previous = store->latest(opt.cycle, pw.province, "input.set");
      if (pw.previous) pw.in_force = read_input_rows(*store, *pw.previous);
    } catch (...) {
      pw.unreadable = std::current_exception();
    }
    jobs.add([&cycle = opt.cycle, &pw] { return pw.unreadable ? Planned{} : plan_province(cycle, pw); });
  }
  for (size_t i = 0; i < work.size(); ++i) {
    if (work[i].unreadable) std::rethrow_exception(work[i].unreadable);
    Planned p = jobs.take(i);
    append_province(*store, w, opt, work[i], p, files, time);
  }
  for (const auto& r : opt.replaces) withdraw_province(*store, w, opt, r, files, time);
  w.commit();
}
}  // namespace

void register_import(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ImportOptions>();
  auto* sub = app.add_subcommand("import", "Validate a case directory and record every input");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle, "Cycle, named by the year of the capacity estimate (2024)");
  sub->add_option("dir", opt->dir, "Case directory (gemeenten.csv, opgave.csv, ...)")->required();
  sub->add_option("--replaces", opt->replaces,
                  "A province of the cycle this case replaces (its name was spelled wrong): all its inputs are "
                  "withdrawn in the same transaction, and decide leaves it be");
  sub->callback([&g, opt] { run_import(g, *opt); });
}

VERDEEL_COMMAND(20, "import", register_import);

}  // namespace verdeel::cli
