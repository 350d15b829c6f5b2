#include "report/history.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "report/field_text.h"

namespace verdeel::report {
namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// The body without bookkeeping (input hashes, the subject repeated, supersedes).
Json shown_body(const HistoryRecord& r) {
  Json b = r.body;
  if (!b.is_object()) return b;
  for (const char* k : {"inputs", "supersedes", "gemeente", "records", "files"}) b.erase(k);
  if (r.kind == "input.gemeente") b.erase("code");
  return b;
}

std::string summary(const HistoryEntry& e) {
  const HistoryRecord& r = e.record;
  if (r.kind == "result.gemeente" && r.body.is_object() && r.body.contains("besluit")) {
    const Json& b = r.body;
    std::ostringstream o;
    o << "besluit regulier " << field_text(b["besluit"]["regulier"]) << ", amv " << field_text(b["besluit"]["amv"])
      << " (extra " << field_text(b["extra"]["regulier"]) << " + " << field_text(b["extra"]["amv"]) << ")";
    std::string ex;
    for (const char* c : {"regulier", "amv"})
      if (b.contains("excluded") && !b["excluded"][c].empty())
        ex += (ex.empty() ? "" : "; ") + std::string(c) + ": " + field_text(b["excluded"][c]);
    if (!ex.empty()) o << "; excluded " << ex;
    if (e.previous_result)
      o << "; run " << e.previous_run << " had regulier " << field_text((*e.previous_result)["regulier"]) << ", amv "
        << field_text((*e.previous_result)["amv"]);
    return o.str();
  }
  Json now = shown_body(r);
  if (e.superseded && now.is_object()) {
    Json old = shown_body(*e.superseded);
    std::string out;
    for (auto it = now.begin(); it != now.end(); ++it) {
      std::string k = it.key();
      bool changed = !old.contains(k) || canonical(old[k]) != canonical(it.value());
      out += (out.empty() ? "" : ", ") + k + " " + (changed ? (old.contains(k) ? field_text(old[k]) : "-") + " → " : "") +
             field_text(it.value());
    }
    return out + " (supersedes " + std::to_string(e.superseded->seq) + " " + e.superseded->hash.substr(0, 12) + ")";
  }
  return now.is_object() ? fields_text(now) : field_text(now);
}

std::string runs_text(const std::vector<int64_t>& runs) {
  if (runs.empty()) return "used by no run";
  std::string out = runs.size() == 1 ? "used by run " : "used by runs ";
  for (size_t i = 0; i < runs.size(); ++i) out += (i ? ", " : "") + std::to_string(runs[i]);
  return out;
}

}  // namespace

size_t History::records() const {
  size_t n = 0;
  for (const auto& g : groups) n += g.entries.size();
  return n;
}

bool HistoryQuery::matches(const HistoryRecord& r) const {
  auto any = [](const std::vector<std::string>& want, auto pred) {
    return want.empty() || std::any_of(want.begin(), want.end(), pred);
  };
  return any(cycles, [&](const std::string& c) { return r.cycle == c; }) &&
         any(kinds, [&](const std::string& k) { return starts_with(r.kind, k); }) &&
         any(provinces, [&](const std::string& p) {
           std::string a = r.province, b = p;
           for (auto& ch : a) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
           for (auto& ch : b) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
           return a == b;
         });
}

HistoryQuery parse_history_query(const std::vector<std::string>& terms) {
  HistoryQuery q;
  for (const auto& t : terms) {
    size_t colon = t.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == t.size())
      throw std::invalid_argument("query term '" + t + "' is not FIELD:VALUE (fields: cycle, kind, province)");
    std::string field = t.substr(0, colon), v = t.substr(colon + 1);
    if (field == "cycle") q.cycles.push_back(v);
    else if (field == "kind") q.kinds.push_back(v);
    else if (field == "province") q.provinces.push_back(v);
    else throw std::invalid_argument("unknown query field '" + field + "' in '" + t + "' (fields: cycle, kind, province)");
  }
  return q;
}

History build_history(const std::string& code, const std::string& naam, const std::vector<HistoryRecord>& records,
                      const std::vector<InputSetInfo>& sets, const std::vector<RunInfo>& runs,
                      const std::vector<HistoryRecord>& superseded) {
  History h;
  h.code = code;
  h.naam = naam;
  std::map<std::string, const HistoryRecord*> old_by_hash;
  for (const auto& r : superseded) old_by_hash[r.hash] = &r;
  std::map<std::string, std::set<std::string>> set_members;  // set hash -> input hashes
  for (const auto& s : sets) set_members[s.hash] = std::set<std::string>(s.records.begin(), s.records.end());

  std::map<std::pair<int, int64_t>, HistoryGroup> groups;  // (0 import / 1 run, anchor seq)
  std::map<std::pair<std::string, std::string>, std::map<int64_t, Json>> results;  // (cycle, province) -> run -> besluit
  for (const auto& r : records) {
    HistoryEntry e;
    e.record = r;
    const RunInfo* in_run = nullptr;
    for (const auto& run : runs)
      if (run.cycle == r.cycle && run.province == r.province && run.start <= r.seq && r.seq <= run.end) in_run = &run;
    HistoryGroup* g = nullptr;
    if (in_run) {
      auto& grp = groups[{1, in_run->start}];
      if (grp.type.empty()) {
        grp.type = "run";
        grp.cycle = in_run->cycle;
        grp.province = in_run->province;
        grp.run = in_run->number;
        grp.first = in_run->start;
        grp.last = in_run->end;
        grp.hash = in_run->hash;
        grp.input_set = in_run->input_set;
        grp.engine = in_run->engine;
        grp.time = in_run->time;
      }
      g = &grp;
      if (r.kind == "result.gemeente" && r.body.contains("besluit")) {
        auto& prior = results[{r.cycle, r.province}];
        if (!prior.empty() && canonical(prior.rbegin()->second) != canonical(r.body["besluit"])) {
          e.previous_result = prior.rbegin()->second;
          e.previous_run = prior.rbegin()->first;
        }
        prior[in_run->number] = r.body["besluit"];
      }
    } else {
      // An input belongs to the import whose input.set follows it (same cycle and province).
      const InputSetInfo* set = nullptr;
      for (const auto& s : sets)
        if (s.cycle == r.cycle && s.province == r.province && s.seq > r.seq && (!set || s.seq < set->seq)) set = &s;
      int64_t anchor = set ? set->seq : r.seq;
      auto& grp = groups[{0, anchor}];
      if (grp.type.empty()) {
        grp.type = "import";
        grp.cycle = r.cycle;
        grp.province = r.province;
        grp.first = grp.last = anchor;
        if (set) {
          grp.hash = set->hash;
          grp.input_set = set->hash;
          grp.time = set->time;
          grp.source = set->source;
        }
      }
      g = &grp;
      for (const auto& run : runs)
        if (run.cycle == r.cycle && run.province == r.province && set_members[run.input_set].count(r.hash))
          e.used_by_runs.push_back(run.number);
      if (r.body.is_object() && r.body.contains("supersedes") && r.body["supersedes"].is_string()) {
        auto it = old_by_hash.find(r.body["supersedes"].get<std::string>());
        if (it != old_by_hash.end()) e.superseded = *it->second;
        grp.corrections = true;
      }
    }
    g->entries.push_back(std::move(e));
  }
  // An import that withdrew one of the municipality's inputs shows it as
  // withdrawn, so a row that disappeared from the case files stays visible.
  std::map<std::string, const HistoryRecord*> by_hash;
  for (const auto& r : records) by_hash[r.hash] = &r;
  for (const auto& s : sets) {
    for (const auto& w : s.withdrawn) {
      auto it = by_hash.find(w);
      if (it == by_hash.end()) continue;
      auto& grp = groups[{0, s.seq}];
      if (grp.type.empty()) {
        grp.type = "import";
        grp.cycle = s.cycle;
        grp.province = s.province;
        grp.first = grp.last = s.seq;
        grp.hash = grp.input_set = s.hash;
        grp.time = s.time;
        grp.source = s.source;
      }
      HistoryEntry e;
      e.record = *it->second;
      e.withdrawn = true;
      grp.entries.push_back(std::move(e));
    }
  }
  for (auto& [key, g] : groups) h.groups.push_back(std::move(g));
  // Imports are anchored at their input.set, runs at their decision.start.
  std::stable_sort(h.groups.begin(), h.groups.end(),
                   [](const HistoryGroup& a, const HistoryGroup& b) { return a.first < b.first; });
  return h;
}

std::string history_text(const History& h) {
  std::set<std::string> cycles, provinces;
  for (const auto& g : h.groups) {
    cycles.insert(g.cycle);
    provinces.insert(g.province);
  }
  std::ostringstream o;
  size_t imports = 0, runs = 0;
  for (const auto& g : h.groups) (g.type == "run" ? runs : imports) += 1;
  auto count = [](size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  o << "History of " << h.naam << " (" << h.code << "): " << count(h.records(), "record", "records")
    << (h.filter.empty() ? "" : " matching " + h.filter) << " in "
    << count(imports, "import", "imports") << " and " << count(runs, "decision run", "decision runs") << "; cycles";
  for (const auto& c : cycles) o << " " << c;
  o << "; provinces";
  for (const auto& p : provinces) o << " " << p;
  o << "\n";
  for (const auto& g : h.groups) {
    o << "\n" << g.cycle << " " << g.province << " · ";
    if (g.type == "run")
      o << "decision run " << g.run << " (records " << g.first << ".." << g.last << ", " << g.engine << ", " << g.time
        << ") on input set " << g.input_set.substr(0, 12) << "\n";
    else
      o << (g.corrections ? "import with corrections" : "import") << ", input set " << g.first << " "
        << g.hash.substr(0, 12) << " (" << g.time << ", " << g.source << ")\n";
    for (const auto& e : g.entries) {
      if (e.withdrawn) {
        o << "  withdrawn: " << e.record.seq << " " << e.record.hash.substr(0, 12) << " " << e.record.kind << ": "
          << summary(e) << " → none (not in the case files of this import)\n";
        continue;
      }
      o << "  " << e.record.seq << " " << e.record.hash.substr(0, 12) << " " << e.record.kind << ": " << summary(e);
      if (g.type == "import") o << "  [" << runs_text(e.used_by_runs) << "]";
      o << "\n";
    }
  }
  if (h.groups.empty()) o << "(no records match)\n";
  return o.str();
}

Json history_json(const History& h) {
  auto rec = [](const HistoryRecord& r) {
    return Json{{"seq", r.seq},   {"kind", r.kind},         {"cycle", r.cycle}, {"province", r.province},
                {"subject", r.subject}, {"hash", r.hash}, {"body", r.body}};
  };
  Json groups = Json::array();
  for (const auto& g : h.groups) {
    Json entries = Json::array();
    for (const auto& e : g.entries) {
      Json j = rec(e.record);
      if (e.superseded) j["supersedes"] = rec(*e.superseded);
      if (e.withdrawn) j["withdrawn"] = true;
      if (g.type == "import") j["used_by_runs"] = e.used_by_runs;
      if (e.previous_result) j["previous_run"] = Json{{"run", e.previous_run}, {"besluit", *e.previous_result}};
      entries.push_back(std::move(j));
    }
    Json j{{"type", g.type}, {"cycle", g.cycle},         {"province", g.province}, {"input_set", g.input_set},
           {"time", g.time}, {"records", entries}};
    if (g.type == "run") {
      j["run"] = g.run;
      j["from"] = g.first;
      j["to"] = g.last;
      j["engine"] = g.engine;
    } else {
      j["set_seq"] = g.first;
      j["source"] = g.source;
      j["corrections"] = g.corrections;
    }
    groups.push_back(std::move(j));
  }
  return Json{{"code", h.code}, {"name", h.naam}, {"count", h.records()}, {"groups", groups}};
}

}  // namespace verdeel::report
