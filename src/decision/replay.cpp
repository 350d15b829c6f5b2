#include "decision/replay.h"

#include <map>
#include <stdexcept>

#include "decision/case_from_inputs.h"

namespace verdeel::decision {

std::vector<InputRecord> method_inputs(const std::vector<InputRef>& inputs) {
  std::vector<InputRecord> out;
  out.reserve(inputs.size());
  for (const auto& in : inputs) {
    InputRecord r{in.kind, in.subject, in.body};
    if (r.body.is_object()) r.body.erase("supersedes");
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<InputView> method_views(const std::vector<InputRef>& inputs) {
  std::vector<InputView> out;
  out.reserve(inputs.size());
  for (const auto& in : inputs) out.push_back(InputView{in.kind, in.subject, in.body});
  return out;
}

namespace {

void differences(const std::string& path, const Json& a, const Json& b, std::vector<KeyDifference>& out) {
  if (a.is_object() && b.is_object()) {
    std::map<std::string, int> keys;  // sorted union
    for (auto it = a.begin(); it != a.end(); ++it) keys[it.key()] |= 1;
    for (auto it = b.begin(); it != b.end(); ++it) keys[it.key()] |= 2;
    for (const auto& [k, where] : keys) {
      std::string p = path.empty() ? k : path + "." + k;
      if (where == 3) {
        differences(p, a.at(k), b.at(k), out);
      } else {
        KeyDifference d{p, where & 1 ? a.at(k) : Json(nullptr), where & 2 ? b.at(k) : Json(nullptr), (where & 1) != 0,
                        (where & 2) != 0};
        out.push_back(std::move(d));
      }
    }
    return;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) differences(path + "[" + std::to_string(i) + "]", a[i], b[i], out);
    return;
  }
  if (canonical(a) != canonical(b)) out.push_back(KeyDifference{path, a, b, true, true});
}

}  // namespace

std::vector<KeyDifference> json_differences(const Json& recorded, const Json& recomputed) {
  std::vector<KeyDifference> out;
  differences("", recorded, recomputed, out);
  return out;
}

ReplayResult replay(const Run& run, const std::vector<InputRef>& inputs) {
  ReplayResult res;
  res.recorded_engine = run.engine();
  const RecordedStep* start = run.start();
  if (!start || start->kind != "decision.start") {
    res.error = "the run does not begin with a decision.start record";
    return res;
  }
  std::vector<StepRecord> steps;
  try {
    method::Decision d = method::decide(case_from_inputs(run.cycle, run.province, method_views(inputs)));
    steps = decision_records(d, inputs, start->body.at("input_set").get<std::string>());
    res.decision = std::move(d);
  } catch (const std::exception& e) {
    res.error = std::string("the recorded inputs cannot be decided on: ") + e.what();
    return res;
  }
  // The result record names where its run starts; that is the one field a
  // recomputation takes from the recorded run rather than from the method.
  if (!steps.empty() && steps.back().kind == "result.decision") steps.back().body("start", start->seq);

  size_t recorded_n = run.records.size() - 1;
  size_t n = std::max(recorded_n, steps.size());
  for (size_t i = 0; i < n; ++i) {
    const RecordedStep* rec = i < recorded_n ? &run.records[i + 1] : nullptr;
    const StepRecord* now = i < steps.size() ? &steps[i] : nullptr;
    std::string a = rec ? canonical(rec->body) : "";
    std::string b = now ? now->body.str() : "";
    bool same = rec && now && rec->kind == now->kind && rec->subject == now->subject && a == b;
    if (!same) {
      ReplayDiff diff;
      diff.index = i + 1;
      diff.seq = rec ? rec->seq : -1;
      diff.kind = rec ? rec->kind : now->kind;
      diff.subject = rec ? rec->subject : now->subject;
      diff.recorded = a;
      diff.recomputed = b;
      diff.recorded_body = rec ? rec->body : Json(nullptr);
      diff.recomputed_body = now ? Json::parse(b) : Json(nullptr);
      diff.recomputed_kind = now ? now->kind : "";
      diff.recomputed_subject = now ? now->subject : "";
      res.first_difference = diff;
      res.compared = i + 1;
      return res;
    }
  }
  res.compared = n;
  res.identical = true;
  return res;
}

}  // namespace verdeel::decision
