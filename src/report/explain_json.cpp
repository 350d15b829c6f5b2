// The explanation as data: the same lines as the text, with their figures in
// record form, the records they come from and the rule.
#include "report/explain.h"

namespace verdeel::report {

Json explain_json(const Explanation& e) {
  auto places = [](const method::PerCategory& p) { return Json{{"regulier", p.regulier}, {"amv", p.amv}}; };
  Json lines = Json::array();
  for (const auto& l : e.lines) {
    Json records = Json::array();
    for (const auto& c : l.records)
      records.push_back(Json{{"seq", c.seq}, {"hash", c.hash}, {"kind", c.kind}, {"subject", c.subject}});
    Json j{{"step", l.step}, {"what", l.what}, {"figures", l.figures}, {"rule", l.rule}, {"records", records}};
    if (!l.categorie.empty()) j["categorie"] = l.categorie;
    if (l.holds) j["holds"] = *l.holds;
    lines.push_back(std::move(j));
  }
  return Json{{"cycle", e.cycle},
              {"province", e.province},
              {"code", e.code},
              {"name", e.naam},
              {"run", e.run},
              {"engine", e.engine},
              {"records", {{"from", e.first_seq}, {"to", e.last_seq}}},
              {"indicatief", places(e.indicatief)},
              {"basis", places(e.basis)},
              {"extra", places(e.extra)},
              {"final", {{"regulier", e.besluit.regulier}, {"amv", e.besluit.amv}, {"totaal", e.besluit.total()}}},
              {"excluded", e.excluded},
              {"lines", lines},
              {"warnings", e.warnings}};
}

}  // namespace verdeel::report
