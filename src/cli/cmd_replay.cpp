// verdeel replay --cycle C --province P [--run N] [--format text|json]:
// recomputes a decision run from its recorded inputs and policy only (never
// the case files) and compares, record by record, the canonical bytes of every
// step and result with what was recorded (LEDGER.md "Replay").
// Exit 0 "identical: N records"; exit 1 naming the first differing record with
// both values side by side (for JSON bodies, the keys that differ).
#include <iostream>

#include "cli/context.h"
#include "cli/runs.h"
#include "decision/replay.h"
#include "version.h"

namespace verdeel::cli {

namespace {
struct ReplayOptions {
  std::string cycle;
  std::string province;
  std::string format = "text";
  int64_t run = 0;
};

Json difference_json(const decision::KeyDifference& d) {
  Json j{{"path", d.path}};
  j["recorded"] = d.in_recorded ? d.recorded : Json("(absent)");
  j["recomputed"] = d.in_recomputed ? d.recomputed : Json("(absent)");
  return j;
}

std::string shown(const Json& v, bool present) { return present ? v.dump() : "(absent)"; }

void print_text(const decision::Run& run, const decision::ReplayResult& res, const std::string& engine) {
  std::cout << "replay of " << run.province << " " << run.cycle << ", run " << run.number << " (records "
            << run.records.front().seq << ".." << run.records.back().seq << ")\n";
  if (res.recorded_engine != engine)
    std::cout << "note: recorded by " << (res.recorded_engine.empty() ? "an unknown engine" : res.recorded_engine)
              << ", replayed by " << engine << "\n";
  if (res.identical) {
    std::cout << "identical: " << res.compared << " records, every one of the run after its decision.start (which "
              << "holds the run's time and engine, not computed)\n";
    return;
  }
  const auto& d = *res.first_difference;
  std::cout << "DIFFERENT: the first differing record is ";
  if (d.seq >= 0)
    std::cout << "record " << d.seq << " (" << d.kind << (d.subject.empty() ? "" : " " + d.subject) << ", hash "
              << run.records[d.index].hash.substr(0, 12) << ")";
  else
    std::cout << "a missing record at position " << d.index << " of the run (" << d.kind << " " << d.subject << ")";
  std::cout << "; " << (res.compared - 1) << " records before it are identical\n";
  if (d.seq >= 0 && !d.recomputed_kind.empty() &&
      (d.recomputed_kind != d.kind || d.recomputed_subject != d.subject))
    std::cout << "  kind/subject: recorded " << d.kind << " " << d.subject << ", recomputed " << d.recomputed_kind
              << " " << d.recomputed_subject << "\n";
  if (d.recorded_body.is_object() && d.recomputed_body.is_object()) {
    auto keys = decision::json_differences(d.recorded_body, d.recomputed_body);
    std::cout << "  differing keys (recorded -> recomputed):\n";
    for (const auto& k : keys)
      std::cout << "    " << k.path << ": " << shown(k.recorded, k.in_recorded) << " -> "
                << shown(k.recomputed, k.in_recomputed) << "\n";
  }
  std::cout << "  recorded:   " << (d.recorded.empty() ? "(no record)" : d.recorded) << "\n";
  std::cout << "  recomputed: " << (d.recomputed.empty() ? "(no record)" : d.recomputed) << "\n";
}

Json result_json(const decision::Run& run, const decision::ReplayResult& res, const std::string& engine) {
  Json j{{"cycle", run.cycle},
         {"province", run.province},
         {"run", run.number},
         {"records", {{"from", run.records.front().seq}, {"to", run.records.back().seq}}},
         {"recorded_engine", res.recorded_engine},
         {"replay_engine", engine},
         {"same_engine", res.recorded_engine == engine},
         {"identical", res.identical},
         {"compared", res.compared}};
  if (res.first_difference) {
    const auto& d = *res.first_difference;
    Json diff{{"seq", d.seq >= 0 ? Json(d.seq) : Json(nullptr)},
              {"kind", d.kind},
              {"subject", d.subject},
              {"hash", d.seq >= 0 ? Json(run.records[d.index].hash) : Json(nullptr)},
              {"recorded", d.recorded_body},
              {"recomputed", d.recomputed_body},
              {"recomputed_kind", d.recomputed_kind},
              {"recomputed_subject", d.recomputed_subject}};
    Json keys = Json::array();
    if (d.recorded_body.is_object() && d.recomputed_body.is_object())
      for (const auto& k : decision::json_differences(d.recorded_body, d.recomputed_body)) keys.push_back(difference_json(k));
    diff["differences"] = keys;
    j["first_difference"] = diff;
  } else {
    j["first_difference"] = nullptr;
  }
  return j;
}
}  // namespace

void register_replay(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<ReplayOptions>();
  auto* sub = app.add_subcommand(
      "replay", "Recompute a decision from its recorded inputs and compare every record (exit 1 when different)");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle);
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("--run", opt->run, "Replay an earlier run (1 = the first); default the latest")->check(at_least_one());
  sub->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->callback([&g, opt] {
    auto store = g.open(ledger::Store::Mode::read_only);
    std::string province = resolve_province(*store, opt->cycle, opt->province);
    decision::Run run = load_run(*store, opt->cycle, province, opt->run);
    const auto* start = run.start();
    if (!start || start->kind != "decision.start" || !start->body.contains("input_set") ||
        !start->body["input_set"].is_string())
      throw CheckFailed("replay: run " + std::to_string(run.number) + " has no decision.start record naming its input set");
    std::string set_hash = start->body["input_set"].get<std::string>();
    auto set = store->by_hash(hash_from_hex(set_hash));
    if (!set || set->kind != "input.set")
      throw CheckFailed("replay: the input set " + set_hash + " named by record " + std::to_string(start->seq) +
                        " is not in the ledger");
    std::vector<decision::InputRef> inputs;
    try {
      inputs = load_input_set(*store, *set);
    } catch (const std::runtime_error& e) {
      throw CheckFailed(std::string("replay: ") + e.what());
    }
    const std::string engine = "verdeel " VERDEEL_VERSION;
    auto res = decision::replay(run, inputs);
    if (!res.error.empty()) throw CheckFailed("replay of run " + std::to_string(run.number) + ": " + res.error);
    if (opt->format == "json")
      std::cout << result_json(run, res, engine).dump(2) << "\n";
    else
      print_text(run, res, engine);
    if (!res.identical) throw CheckFailed("replay: run " + std::to_string(run.number) + " of " + province + " " +
                                          opt->cycle + " does not follow from its recorded inputs");
  });
}

VERDEEL_COMMAND(55, "replay", register_replay);

}  // namespace verdeel::cli
