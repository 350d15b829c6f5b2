#include "report/view.h"

#include <algorithm>
#include <stdexcept>

namespace verdeel::report {

PerCategory per_category(const Json& j) {
  PerCategory p;
  p.regulier = j.at("regulier").get<int64_t>();
  p.amv = j.at("amv").get<int64_t>();
  return p;
}

DecisionView view_of(const decision::Run& run) {
  const auto* res = run.result();
  if (!res || res->kind != "result.decision") throw std::invalid_argument("the run has no result.decision record");
  const Json& b = res->body;
  DecisionView v;
  v.cycle = b.at("cycle").get<std::string>();
  v.province = b.at("province").get<std::string>();
  v.policy = b.at("policy").get<std::string>();
  v.run = run.number;
  v.engine = run.engine();
  if (const auto* s = run.start(); s && s->body.contains("time")) v.time = s->body["time"].get<std::string>();
  v.task = per_category(b.at("task"));
  v.report = per_category(b.at("report"));
  v.basis = per_category(b.at("basis"));
  v.remainder = per_category(b.at("remainder"));
  v.shortfall = per_category(b.at("shortfall"));
  v.besluit = per_category(b.at("besluit"));
  for (const char* c : {"regulier", "amv"}) {
    const Json& p = b.at("percentage").at(c);
    v.percentage[c] = p.is_null() ? std::nullopt
                                  : std::optional<Rational>(Rational::of(p.at("num").get<int64_t>(), p.at("den").get<int64_t>()));
  }
  v.record_seq = res->seq;
  v.record_hash = res->hash;
  for (const auto& r : run.records) {
    if (r.kind != "result.gemeente") continue;
    GemeenteRow g;
    g.code = r.body.at("gemeente").get<std::string>();
    g.naam = r.body.at("naam").get<std::string>();
    g.indicatief = per_category(r.body.at("indicatief"));
    g.basis = per_category(r.body.at("basis"));
    g.extra = per_category(r.body.at("extra"));
    g.besluit = per_category(r.body.at("besluit"));
    for (const char* c : {"regulier", "amv"})
      g.excluded[c] = r.body.at("excluded").at(c).get<std::vector<std::string>>();
    g.seq = r.seq;
    g.hash = r.hash;
    v.gemeenten.push_back(std::move(g));
  }
  std::stable_sort(v.gemeenten.begin(), v.gemeenten.end(), [](const GemeenteRow& a, const GemeenteRow& b2) {
    return a.naam != b2.naam ? a.naam < b2.naam : a.code < b2.code;
  });
  return v;
}

}  // namespace verdeel::report
