#include "cli/runs.h"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <optional>
#include <set>

#include "cli/context.h"

namespace verdeel::cli {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Orders positions by the hashes they point at, and compares a position with a hash either way.
struct Less {
  const std::vector<Hash>& hashes;
  bool operator()(size_t a, const Hash& h) const { return hashes[a] < h; }
  bool operator()(const Hash& h, size_t b) const { return h < hashes[b]; }
};

}  // namespace

decision::RecordedStep to_step(const ledger::Record& r) {
  return decision::RecordedStep{r.seq, r.kind, r.subject, r.body, to_hex(r.hash)};
}

decision::InputRef to_input(const ledger::Record& r) {
  return decision::InputRef{r.kind, r.subject, r.body, to_hex(r.hash)};
}

decision::InputRef to_input(ledger::Record&& r) {
  return decision::InputRef{std::move(r.kind), std::move(r.subject), std::move(r.body), to_hex(r.hash)};
}

std::vector<std::string> recorded_provinces(ledger::Store& store, const std::string& cycle) {
  return store.provinces_with(cycle, "input.set");
}

std::string resolve_province(ledger::Store& store, const std::string& cycle, const std::string& name) {
  auto known = recorded_provinces(store, cycle);
  for (const auto& p : known)
    if (lower(p) == lower(name)) return p;
  std::string list;
  for (const auto& p : known) list += (list.empty() ? "" : ", ") + p;
  if (known.empty()) throw UsageError("no inputs recorded for cycle " + cycle + ": run `verdeel import --cycle " + cycle + " DIR` first");
  throw UsageError("unknown province '" + name + "' in cycle " + cycle + " (recorded: " + list + ")");
}

InputRows match_listed(const ledger::Record& set, ledger::RowBatch rows) {
  const auto& listed = set.body.at("records");
  InputRows out{std::move(rows), std::vector<ListedInput>(listed.size())};
  std::vector<Hash> wanted(listed.size());
  std::vector<size_t> by_hash;  // positions of the well-formed entries, ordered by their hashes
  by_hash.reserve(listed.size());
  for (size_t i = 0; i < listed.size(); ++i) {
    try {
      // A string read in place; anything else refused by get's own words, as before.
      const Json& h = listed[i];
      wanted[i] = hash_from_hex(h.is_string() ? h.get_ref<const std::string&>() : h.get<std::string>());
      by_hash.push_back(i);
    } catch (...) {
      out.listed[i].error = std::current_exception();
    }
  }
  // An input set lists inputs of its own cycle and province: they are picked from that index range
  // by hash; any other is left for resolve_listed.
  std::sort(by_hash.begin(), by_hash.end(), [&](size_t a, size_t b) { return wanted[a] < wanted[b]; });
  for (size_t r = 0; r < out.scope.size(); ++r) {
    const std::string_view stored = out.scope[r].hash;
    if (stored.size() != Hash{}.size()) continue;  // not one that was listed; its own read would refuse it
    Hash h;
    std::memcpy(h.data(), stored.data(), h.size());
    auto [first, last] = std::equal_range(by_hash.begin(), by_hash.end(), h, Less{wanted});
    for (auto it = first; it != last; ++it) out.listed[*it].in_scope = r;
  }
  return out;
}

bool unresolved(const ListedInput& entry) { return !entry.in_scope && !entry.row && !entry.error; }

void resolve_listed(ledger::Store& store, const ledger::Record& set, InputRows& rows, int64_t before) {
  const auto& hashes = set.body.at("records");
  for (size_t i = 0; i < rows.listed.size(); ++i) {
    ListedInput& entry = rows.listed[i];
    if (!unresolved(entry)) continue;
    const Hash wanted = hash_from_hex(hashes.at(i).get<std::string>());  // well-formed: else it holds an error
    if (auto row = store.row_by_hash(wanted); row && row->seq < before)  // hashes are unique: the only one
      entry.row = std::make_unique<ledger::RowCopy>(std::move(*row));
    if (!entry.row)
      entry.error = std::make_exception_ptr(
          std::runtime_error(set.label() + " names a record that is not in the ledger: " + to_hex(wanted)));
  }
}

InputRows read_input_rows(ledger::Store& store, const ledger::Record& set) {
  auto out = match_listed(set, store.rows_in_scope(set.cycle, set.province, "input."));
  resolve_listed(store, set, out);
  return out;
}

std::vector<decision::InputRef> decode_inputs(InputRows rows) {
  std::vector<decision::InputRef> out;
  out.reserve(rows.listed.size());
  for (auto& entry : rows.listed) {
    if (entry.error) std::rethrow_exception(entry.error);
    if (entry.in_scope)  // what a decision keeps of an input is its body, kind, subject and hash
      out.push_back(to_input(ledger::record_from_row(rows.scope[*entry.in_scope], ledger::Bytes::drop)));
    else if (entry.row)
      out.push_back(to_input(ledger::record_from_row(std::move(*entry.row))));
    else
      throw std::logic_error("an entry of an input set was not looked up (resolve_listed)");
  }
  return out;
}

std::vector<decision::InputRef> load_input_set(ledger::Store& store, const ledger::Record& set) {
  return decode_inputs(read_input_rows(store, set));
}

ledger::Record run_input_set(ledger::Store& store, const decision::Run& run) {
  const auto* start = run.start();
  if (!start || !start->body.contains("input_set") || !start->body["input_set"].is_string())
    throw std::runtime_error("run " + std::to_string(run.number) + " does not name its input set");
  auto set = store.by_hash(hash_from_hex(start->body["input_set"].get<std::string>()));
  if (!set) throw std::runtime_error("the input set of run " + std::to_string(run.number) + " is not in the ledger");
  return *set;
}

std::vector<decision::RecordedStep> run_input_steps(ledger::Store& store, const decision::Run& run) {
  ledger::Record set = run_input_set(store, run);
  std::vector<decision::RecordedStep> out{to_step(set)};
  for (const auto& h : set.body.at("records")) {
    auto r = store.by_hash(hash_from_hex(h.get<std::string>()));
    if (!r) throw std::runtime_error(set.label() + " names a record that is not in the ledger: " + h.get<std::string>());
    out.push_back(to_step(*r));
  }
  return out;
}

std::vector<RunSpan> run_spans(ledger::Store& store, const std::string& cycle, const std::string& province) {
  std::vector<RunSpan> out;
  int64_t n = 0;
  for (const auto& r : store.by_scope(cycle, province, "result.decision")) {
    RunSpan s;
    s.number = ++n;
    s.start = r.body.at("start").get<int64_t>();
    s.end = r.seq;
    out.push_back(s);
  }
  return out;
}

std::vector<report::LaterRunFact> later_runs_of(const std::vector<RunSpan>& spans, int64_t number) {
  std::vector<report::LaterRunFact> out;
  for (const RunSpan& s : spans)
    if (s.number > number) out.push_back({s.number, s.start, s.end});
  return out;
}

std::string superseded_note(const std::vector<RunSpan>& spans, int64_t number, const std::string& cycle,
                            const std::string& province) {
  if (number <= 0) return "";  // the latest
  std::string later;
  for (const auto& l : later_runs_of(spans, number))
    later += (later.empty() ? "" : ", ") + ("run " + std::to_string(l.run) + " (records " + std::to_string(l.start) +
                                            ".." + std::to_string(l.end) + ")");
  if (later.empty()) return "";
  return "note: run " + std::to_string(number) + " of " + province + " " + cycle + " is not the latest: " + later +
         " came after it";
}

void say_if_superseded(const std::vector<RunSpan>& spans, int64_t number, const std::string& cycle,
                       const std::string& province) {
  if (const std::string note = superseded_note(spans, number, cycle, province); !note.empty()) std::cerr << note << "\n";
}

std::optional<report::NewerInputsFact> newer_inputs_of(ledger::Store& store, const decision::Run& run) {
  const auto* start = run.start();
  if (!start || !start->body.contains("input_set") || !start->body["input_set"].is_string()) return std::nullopt;
  auto latest = store.latest(run.cycle, run.province, "input.set");
  const std::string decided_on = start->body["input_set"].get<std::string>();
  if (!latest || to_hex(latest->hash) == decided_on) return std::nullopt;
  // A later set whose inputs say what the run's said (a correction undone by the next import: the
  // same rows again, as new records that supersede the corrected ones) leaves the run a decision
  // on the inputs as they stand.
  if (auto decided = store.by_hash(hash_from_hex(decided_on))) {
    auto content = [&](const ledger::Record& set) {
      std::multiset<std::string> rows;
      for (auto& input : load_input_set(store, set)) {
        input.body.erase("supersedes");  // the bookkeeping of a correction, not an input (case_from_inputs.h)
        rows.insert(input.kind + " " + input.subject + " " + canonical(input.body));
      }
      return rows;
    };
    if (content(*decided) == content(*latest)) return std::nullopt;
  }
  return report::NewerInputsFact{latest->seq, to_hex(latest->hash),
                                 latest->body.value("records", Json::array()).empty()};
}

void say_if_inputs_corrected(const std::optional<report::NewerInputsFact>& newer, const decision::Run& run) {
  if (!newer) return;
  if (newer->withdrawn) {
    std::cerr << "note: every input of " << run.province << " " << run.cycle << " was withdrawn after run " << run.number
              << " (input set " << newer->input_set.substr(0, 12) << ", record " << newer->seq
              << "): this run no longer stands for any recorded input\n";
    return;
  }
  std::cerr << "note: the inputs of " << run.province << " " << run.cycle << " were corrected after run " << run.number
            << " (input set " << newer->input_set.substr(0, 12) << ", record " << newer->seq
            << "): this run is not a decision on them; run `verdeel decide --cycle " << run.cycle << " --province "
            << run.province << "`\n";
}

decision::Run load_run(ledger::Store& store, const std::string& cycle, const std::string& province, int64_t number) {
  return load_run(store, run_spans(store, cycle, province), cycle, province, number);
}

decision::Run load_run(ledger::Store& store, const std::vector<RunSpan>& spans, const std::string& cycle,
                       const std::string& province, int64_t number) {
  if (spans.empty())
    throw UsageError("no decision recorded for " + province + " " + cycle + ": run `verdeel decide --cycle " + cycle +
                     " --province " + province + "` first");
  if (number < 0 || number > static_cast<int64_t>(spans.size()))
    throw UsageError("there is no run " + std::to_string(number) + " for " + province + " " + cycle + " (runs 1.." +
                     std::to_string(spans.size()) + ")");
  const RunSpan& s = number == 0 ? spans.back() : spans[static_cast<size_t>(number - 1)];
  decision::Run run;
  run.cycle = cycle;
  run.province = province;
  run.number = s.number;
  for (const auto& r : store.range(s.start, s.end + 1)) run.records.push_back(to_step(r));
  return run;
}

std::string gemeente_among(const std::vector<ledger::Record>& records, const std::string& code_or_name) {
  for (const auto& r : records)
    if (r.kind == "input.gemeente" &&
        (lower(r.subject) == lower(code_or_name) || lower(r.body.value("naam", std::string())) == lower(code_or_name)))
      return r.subject;
  return "";
}

std::string resolve_gemeente(ledger::Store& store, const std::string& code_or_name, const std::string& province) {
  auto by_code = store.by_subject(code_or_name);
  for (const auto& r : by_code)
    if (r.kind == "input.gemeente") return r.subject;
  // By name: two municipalities may share one across provinces (Bergen in Noord-Holland and in
  // Limburg, when not written "Bergen (NH.)" and "Bergen (L.)"): then the province decides, or the
  // name is refused as ambiguous rather than taken for the first.
  std::map<std::string, std::string> named;  // code -> its province
  for (const auto& r : store.by_kind("input.gemeente"))
    if (lower(r.body.at("naam").get<std::string>()) == lower(code_or_name)) named[r.subject] = r.province;
  if (named.size() > 1 && !province.empty()) {
    std::vector<std::string> here;
    for (const auto& [code, p] : named)
      if (p == province) here.push_back(code);
    if (here.size() == 1) return here.front();
  }
  if (named.size() == 1) return named.begin()->first;
  if (named.size() > 1) {
    std::string all;
    for (const auto& [code, p] : named) all += (all.empty() ? "" : ", ") + code + " (" + p + ")";
    throw UsageError("'" + code_or_name + "' names more than one municipality: " + all + "; give the CBS code");
  }
  throw UsageError("unknown municipality '" + code_or_name + "' (give its CBS code, e.g. GM0106, or its name)");
}

}  // namespace verdeel::cli
