#include "report/render.h"

namespace verdeel::report {
namespace {

using OJson = nlohmann::ordered_json;

OJson pc(const PerCategory& p) { return OJson{{"regulier", p.regulier}, {"amv", p.amv}}; }

}  // namespace

nlohmann::ordered_json decision_json(const DecisionView& v) {
  OJson percentage = OJson::object();
  for (const char* c : {"regulier", "amv"}) {
    const auto& p = v.percentage.at(c);
    percentage[c] = p ? OJson{{"num", p->num()}, {"den", p->den()}, {"percent", (*p * 100).to_decimal(2)}}
                      : OJson(nullptr);
  }
  OJson gemeenten = OJson::array();
  for (const auto& g : v.gemeenten) {
    gemeenten.push_back(OJson{{"code", g.code},
                             {"name", g.naam},
                             {"regulier", g.besluit.regulier},
                             {"amv", g.besluit.amv},
                             {"totaal", g.besluit.total()},
                             {"extra", pc(g.extra)},
                             {"excluded", OJson{{"regulier", g.excluded.at("regulier")}, {"amv", g.excluded.at("amv")}}}});
  }
  // Beyond INTERFACE.md's keys: the run, and the runs that superseded it (empty for the latest).
  OJson later = OJson::array();
  for (const auto& l : v.later_runs) later.push_back(OJson{{"run", l.run}, {"start", l.start}, {"end", l.end}});
  // And the input set recorded after the one it decided on (inputs corrected since), or null.
  OJson newer = v.newer_inputs ? OJson{{"record", v.newer_inputs->seq},
                                      {"input_set", v.newer_inputs->input_set},
                                      {"withdrawn", v.newer_inputs->withdrawn}}
                               : OJson(nullptr);
  return OJson{{"cycle", v.cycle},
              {"province", v.province},
              {"policy", v.policy},
              {"task", pc(v.task)},
              {"report", pc(v.report)},
              {"remainder", pc(v.remainder)},
              {"percentage", percentage},
              {"shortfall", pc(v.shortfall)},
              {"municipalities", gemeenten},
              {"record", v.record_hash},
              {"run", v.run},
              {"later_runs", later},
              {"newer_inputs", newer}};
}

}  // namespace verdeel::report
