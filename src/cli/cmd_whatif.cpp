// verdeel whatif --cycle C --province P --set KEY=VALUE ... [--format table|json]:
// the decision recomputed with changed inputs or policy values, side by side
// with the recorded one. Opens the ledger read-only and records nothing.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "casefile/numbers.h"
#include "cli/context.h"
#include "cli/runs.h"
#include "decision/replay.h"
#include "decision/whatif.h"
#include "report/exact_text.h"

namespace verdeel::cli {

namespace {
struct WhatIfOptions {
  std::string cycle;
  std::string province;
  std::vector<std::string> sets;
  std::string format = "table";
  int64_t run = 0;
};

using report::Lang;

decision::NumberParsers case_file_numbers() {
  decision::NumberParsers p;
  p.whole = [](const std::string& text, std::string& why) -> std::optional<int64_t> {
    auto r = casefile::parse_whole(text);
    why = r.error;
    return r.value;
  };
  p.decimal = [](const std::string& text, std::string& why) -> std::optional<Rational> {
    auto r = casefile::parse_decimal(text);
    why = r.error;
    return r.value;
  };
  return p;
}

std::string value_text(const Json& v) {
  if (v.is_null()) return "(none)";
  if (v.is_number_integer() || (v.is_object() && v.contains("num") && v.size() == 2)) {
    try {
      return report::exact_text(rational_from_json(v), Lang::nl);
    } catch (const std::exception&) {
    }
  }
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string p_text(const std::optional<Rational>& p) {
  return p ? p->to_string() + " (" + report::percent_text(*p, Lang::en) + ")" : "none";
}

std::string signed_diff(int64_t a, int64_t b) {
  if (a == b) return "";
  return (b > a ? "+" : "") + std::to_string(b - a);
}

std::string rules(const std::map<std::string, std::vector<std::string>>& ex) {
  std::string out;
  for (const char* c : {"regulier", "amv"}) {
    auto it = ex.find(c);
    if (it == ex.end() || it->second.empty()) continue;
    std::string list;
    for (const auto& r : it->second) list += (list.empty() ? "" : ",") + r;
    out += (out.empty() ? "" : "; ") + std::string(c) + ": " + list;
  }
  return out;
}


void print_table(const decision::Run& run, const decision::Alternative& alt, const decision::Comparison& cmp,
                 bool baseline_ok) {
  std::cout << "what-if for " << run.province << " " << run.cycle << ", against run " << run.number
            << " (nothing is recorded)\n";
  if (!baseline_ok)
    std::cout << "warning: recomputing run " << run.number
              << " from its unchanged inputs does not give the recorded records (see `verdeel replay`)\n";
  std::cout << "changes:\n";
  for (const auto& c : alt.changes) {
    std::cout << "  " << c.key << ": " << value_text(c.before) << " -> " << value_text(c.after);
    if (!c.gemeente.empty()) std::cout << "  (" << c.gemeente << " " << c.naam << ")";
    if (c.target == "uitruilgroep" && c.field == "alone")
      std::cout << "  the only member left: a group of one is no group";
    std::cout << "\n";
  }
  for (const auto& c : cmp.categories) {
    std::cout << c.categorie << ": remainder " << c.recorded_rest;
    if (c.alternative_rest != c.recorded_rest) std::cout << " -> " << c.alternative_rest;
    std::cout << "; p " << p_text(c.recorded_p);
    if (c.alternative_p != c.recorded_p) std::cout << " -> " << p_text(c.alternative_p);
    if (c.recorded_shortfall || c.alternative_shortfall)
      std::cout << "; shortfall " << c.recorded_shortfall << " -> " << c.alternative_shortfall;
    std::cout << (c.differs() ? "" : " (unchanged)") << "\n";
  }
  size_t name_w = 4;
  for (const auto& r : cmp.rows) name_w = std::max(name_w, r.naam.size());
  std::ostringstream t;
  t << "\n  " << std::left << std::setw(8) << "code" << std::setw(static_cast<int>(name_w) + 2) << "gemeente"
    << std::right << std::setw(9) << "regulier" << std::setw(9) << "what-if" << std::setw(7) << "diff" << std::setw(7)
    << "amv" << std::setw(9) << "what-if" << std::setw(7) << "diff" << "  excluded (recorded -> what-if)\n";
  for (const auto& r : cmp.rows) {
    t << (r.differs() ? "* " : "  ") << std::left << std::setw(8) << r.code
      << std::setw(static_cast<int>(name_w) + 2) << r.naam << std::right << std::setw(9) << r.recorded.regulier
      << std::setw(9) << r.alternative.regulier << std::setw(7) << signed_diff(r.recorded.regulier, r.alternative.regulier)
      << std::setw(7) << r.recorded.amv << std::setw(9) << r.alternative.amv << std::setw(7)
      << signed_diff(r.recorded.amv, r.alternative.amv);
    if (r.recorded_excluded != r.alternative_excluded) {
      std::string a = rules(r.recorded_excluded), b = rules(r.alternative_excluded);
      t << "  " << (a.empty() ? "-" : a) << " -> " << (b.empty() ? "-" : b);
    }
    t << "\n";
  }
  std::cout << t.str() << "\n";
  if (cmp.any_difference())
    std::cout << cmp.differing_rows() << " of " << cmp.rows.size() << " municipalities differ (marked *)\n";
  else
    std::cout << "no differences: the outcome is the same as recorded\n";
}

Json result_json(const decision::Run& run, const decision::Alternative& alt, const decision::Comparison& cmp,
                 bool baseline_ok) {
  Json changes = Json::array();
  for (const auto& c : alt.changes)
    changes.push_back(Json{{"key", c.key},
                           {"target", c.target},
                           {"gemeente", c.gemeente},
                           {"naam", c.naam},
                           {"field", c.field},
                           {"before", c.before},
                           {"after", c.after}});
  Json cats = Json::object();
  for (const auto& c : cmp.categories)
    cats[c.categorie] = Json{{"remainder", {{"recorded", c.recorded_rest}, {"whatif", c.alternative_rest}}},
                             {"percentage",
                              {{"recorded", decision::percentage_json(c.recorded_p)},
                               {"whatif", decision::percentage_json(c.alternative_p)}}},
                             {"shortfall", {{"recorded", c.recorded_shortfall}, {"whatif", c.alternative_shortfall}}},
                             {"differs", c.differs()}};
  Json rows = Json::array();
  for (const auto& r : cmp.rows)
    rows.push_back(Json{{"code", r.code},
                        {"name", r.naam},
                        {"recorded", {{"besluit", decision::to_json(r.recorded)},
                                      {"extra", decision::to_json(r.recorded_extra)},
                                      {"excluded", r.recorded_excluded}}},
                        {"whatif", {{"besluit", decision::to_json(r.alternative)},
                                    {"extra", decision::to_json(r.alternative_extra)},
                                    {"excluded", r.alternative_excluded}}},
                        {"difference", decision::to_json({r.alternative.regulier - r.recorded.regulier,
                                                    r.alternative.amv - r.recorded.amv})},
                        {"differs", r.differs()}});
  return Json{{"cycle", run.cycle},
              {"province", run.province},
              {"run", run.number},
              {"recorded_reproduces", baseline_ok},
              {"changes", changes},
              {"categories", cats},
              {"municipalities", rows},
              {"differing", cmp.differing_rows()},
              {"any_difference", cmp.any_difference()}};
}
}  // namespace

void register_whatif(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<WhatIfOptions>();
  auto* sub = app.add_subcommand(
      "whatif", "Recompute a decision with changed inputs or policy, side by side with the recorded one (records nothing)");
  add_db_option(*sub, g);
  sub->footer(decision::whatif_keys_help());
  add_cycle_option(*sub, opt->cycle);
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("--set", opt->sets, "KEY=VALUE (repeatable; keys below)")->required()->allow_extra_args(false);
  sub->add_option("--run", opt->run, "Compare with an earlier run (1 = the first); default the latest")->check(at_least_one());
  sub->add_option("--format", opt->format, "table or json")->check(CLI::IsMember({"table", "json"}));
  sub->callback([&g, opt] {
    std::vector<decision::Setting> settings;
    try {
      for (const auto& s : opt->sets) settings.push_back(decision::parse_setting(s));
    } catch (const decision::WhatIfError& e) {
      throw UsageError(e.what());
    }
    auto store = g.open(ledger::Store::Mode::read_only);
    std::string province = resolve_province(*store, opt->cycle, opt->province);
    decision::Run run = load_run(*store, opt->cycle, province, opt->run);
    auto inputs = load_input_set(*store, run_input_set(*store, run));

    decision::Alternative alt;
    try {
      alt = decision::apply_settings(decision::method_inputs(inputs), settings, case_file_numbers());
    } catch (const decision::WhatIfError& e) {
      throw UsageError(e.what());
    }
    method::Decision d;
    try {
      d = method::decide(decision::case_from_inputs(opt->cycle, province, alt.inputs));
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("the changed inputs cannot be decided on: ") + e.what());
    }
    bool baseline_ok = decision::replay(run, inputs).identical;
    auto cmp = decision::compare_outcomes(run, d);
    if (opt->format == "json")
      std::cout << result_json(run, alt, cmp, baseline_ok).dump(2) << "\n";
    else
      print_table(run, alt, cmp, baseline_ok);
  });
}

VERDEEL_COMMAND(65, "whatif", register_whatif);

}  // namespace verdeel::cli
