// verdeel history GEMEENTE [QUERY...] [--format text|json]: every record about
// one municipality across cycles, provinces and decisions, oldest first,
// grouped by import and decision run, with corrections shown old -> new
// (report/history.h). QUERY terms: cycle:2024 kind:result province:NAME.
#include <algorithm>
#include <iostream>
#include <set>

#include "cli/context.h"
#include "cli/runs.h"
#include "report/history.h"

namespace verdeel::cli {

namespace {
struct HistoryOptions {
  std::string gemeente;
  std::vector<std::string> query;
  std::string format = "text";
};

report::HistoryRecord to_history(const ledger::Record& r) {
  return report::HistoryRecord{r.seq, r.kind, r.cycle, r.province, r.subject, to_hex(r.hash), r.body};
}

void run_history(const Globals& g, const HistoryOptions& opt) {
  report::HistoryQuery query;
  try {
    query = report::parse_history_query(opt.query);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  auto store = g.open(ledger::Store::Mode::read_only);
  std::string code = resolve_gemeente(*store, opt.gemeente);

  // Records whose subject is the municipality (index on subject), and
  // exchanges realised for it by others (index on kind; their subject is `van`).
  std::vector<ledger::Record> about = store->by_subject(code);
  for (auto& r : store->by_kind("input.uitruil"))
    if (r.subject != code && r.body.value("voor", "") == code) about.push_back(std::move(r));
  std::sort(about.begin(), about.end(), [](const ledger::Record& a, const ledger::Record& b) { return a.seq < b.seq; });

  std::string naam = code;
  std::vector<report::HistoryRecord> records;
  std::set<std::pair<std::string, std::string>> scopes;
  std::vector<report::HistoryRecord> superseded;
  for (const auto& r : about) {
    if (r.kind == "input.gemeente" && r.subject == code) naam = r.body.value("naam", code);
    auto h = to_history(r);
    if (!query.matches(h)) continue;
    scopes.insert({r.cycle, r.province});
    if (r.body.contains("supersedes") && r.body["supersedes"].is_string()) {
      if (auto old = store->by_hash(hash_from_hex(r.body["supersedes"].get<std::string>()))) superseded.push_back(to_history(*old));
    }
    records.push_back(std::move(h));
  }

  std::vector<report::InputSetInfo> sets;
  std::vector<report::RunInfo> runs;
  for (const auto& [cycle, province] : scopes) {
    for (const auto& s : store->by_scope(cycle, province, "input.set")) {
      report::InputSetInfo info{cycle, province, s.seq, to_hex(s.hash), {}, s.body.value("time", ""), s.body.value("source", "")};
      for (const auto& h : s.body.at("records")) info.records.push_back(h.get<std::string>());
      if (s.body.contains("withdrawn"))
        for (const auto& h : s.body.at("withdrawn")) info.withdrawn.push_back(h.get<std::string>());
      sets.push_back(std::move(info));
    }
    for (const auto& span : run_spans(*store, cycle, province)) {
      auto start = store->get(span.start);
      if (!start) continue;
      runs.push_back(report::RunInfo{cycle, province, span.number, span.start, span.end, to_hex(start->hash),
                                     start->body.value("input_set", ""), start->body.value("engine", ""),
                                     start->body.value("time", "")});
    }
  }
  auto history = report::build_history(code, naam, records, sets, runs, superseded);
  for (const auto& term : opt.query) history.filter += (history.filter.empty() ? "" : " ") + term;
  if (opt.format == "json")
    std::cout << report::history_json(history).dump(2) << "\n";
  else
    std::cout << report::history_text(history);
}
}  // namespace

void register_history(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<HistoryOptions>();
  auto* sub = app.add_subcommand("history", "Every record about one municipality across cycles and decisions, oldest first");
  add_db_option(*sub, g);
  sub->add_option("gemeente", opt->gemeente, "Municipality: CBS code (GM0106) or name")->required();
  sub->add_option("query", opt->query, "Filters: cycle:2024 kind:result province:NAME (kind matches by prefix)");
  sub->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->callback([&g, opt] { run_history(g, *opt); });
}

VERDEEL_COMMAND(85, "history", register_history);

}  // namespace verdeel::cli
