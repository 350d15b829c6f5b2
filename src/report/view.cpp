#include "report/view.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "decision/policy_json.h"
#include "method/policy.h"

namespace verdeel::report {

PerCategory per_category(const Json& j) {
  PerCategory p;
  p.regulier = j.at("regulier").get<int64_t>();
  p.amv = j.at("amv").get<int64_t>();
  return p;
}

Rational rational_of(const Json& j) {
  if (j.is_object()) return Rational::of(j.at("num").get<int64_t>(), j.at("den").get<int64_t>());
  return Rational(j.get<int64_t>());
}

const GemeenteRow* DecisionView::gemeente(const std::string& code) const {
  for (const auto& g : gemeenten)
    if (g.code == code) return &g;
  return nullptr;
}

std::string DecisionView::naam(const std::string& code) const {
  const auto* g = gemeente(code);
  return g ? g->naam : code;
}

namespace {

std::string str(const Json& b, const char* key) {
  return b.contains(key) && b[key].is_string() ? b[key].get<std::string>() : std::string();
}

std::vector<std::string> strings(const Json& b, const char* key) {
  return b.contains(key) && b[key].is_array() ? b[key].get<std::vector<std::string>>() : std::vector<std::string>{};
}

// The step records of the run (schema/FORMAT.md "A decision run") folded into
// the view. Records a run lacks leave their fields at their defaults.
void add_steps(const decision::Run& run, DecisionView& v) {
  std::map<std::string, GemeenteRow*> by_code;
  for (auto& g : v.gemeenten) by_code[g.code] = &g;
  auto row = [&](const Json& b) -> GemeenteRow* {
    auto it = by_code.find(str(b, "gemeente"));
    return it == by_code.end() ? nullptr : it->second;
  };
  for (const auto& r : run.records) {
    const Json& b = r.body;
    if (r.kind == "decision.start") {
      v.start_seq = r.seq;
      v.input_set = str(b, "input_set");
    } else if (r.kind == "policy" && b.contains("policy")) {
      const Json& p = b["policy"];
      if (p.contains("minimum_places")) v.minimum_places = p["minimum_places"].get<int64_t>();
      if (p.contains("category_order")) v.category_order = strings(p, "category_order");
      const Json defaults = decision::policy_to_json(method::Policy{});
      auto shown = [](const Json& x) {
        if (x.is_string()) return x.get<std::string>();
        if (x.is_array()) {
          std::string out;
          for (const auto& e : x) out += (out.empty() ? "" : ",") + (e.is_string() ? e.get<std::string>() : e.dump());
          return out;
        }
        if (x.is_object() && x.contains("num") && x.contains("den")) return x["num"].dump() + "/" + x["den"].dump();
        return x.dump();
      };
      for (const auto& key : decision::departures_from_beleidsregel(p))
        v.policy_deviations.push_back(key + " " + shown(p[key]) + " (Beleidsregel: " + shown(defaults[key]) + ")");
    } else if (r.kind == "step.kansrijk") {
      v.initiatives.push_back(InitiativeFact{str(b, "gemeente"), per_category(b.at("plaatsen")),
                                             strings(b, "criteria"), b.value("kansrijk", false)});
    } else if (r.kind == "step.basis") {
      if (auto* g = row(b)) {
        g->verslag = per_category(b.at("verslag"));
        g->initiatieven = per_category(b.at("initiatieven"));
      }
    } else if (r.kind == "step.toerekening") {
      if (auto* g = row(b)) {
        g->voor_anderen = per_category(b.at("voor_anderen"));
        g->door_anderen = per_category(b.at("door_anderen"));
        g->attr = per_category(b.at("attr"));
      }
    } else if (r.kind == "step.exclusion") {
      if (auto* g = row(b)) {
        ExclusionFact e;
        e.categorie = str(b, "categorie");
        e.rule = str(b, "rule");
        if (b.contains("figures"))
          for (const auto& [name, value] : b["figures"].items()) e.figures.emplace(name, rational_of(value));
        e.round = b.value("round", int64_t{0});
        e.seq = r.seq;
        e.hash = r.hash;
        g->exclusions.push_back(std::move(e));
      }
    } else if (r.kind == "step.percentage") {
      CategoryFacts f;
      f.present = true;
      f.rest = b.value("rest", int64_t{0});
      f.eligible = strings(b, "eligible");
      f.participants = strings(b, "participants");
      f.rounds = b.value("rounds", int64_t{0});
      if (b.contains("p") && !b["p"].is_null()) f.p = rational_of(b["p"]);
      f.placed = b.value("placed", int64_t{0});
      f.shortfall = b.value("shortfall", int64_t{0});
      v.distribution[str(b, "categorie")] = std::move(f);
    } else if (r.kind == "step.aandeel") {
      if (auto* g = row(b)) {
        ShareFact s;
        s.attr = b.value("attr", int64_t{0});
        s.head = b.value("head", int64_t{0});
        s.exact = rational_of(b.at("exact"));
        s.capped = b.value("capped", false);
        s.floor = b.value("floor", int64_t{0});
        s.rounded = b.value("rounded", int64_t{0});
        s.extra_unit = b.value("extra_unit", false);
        g->shares[str(b, "categorie")] = s;
      }
    }
  }
}

}  // namespace

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
  add_steps(run, v);
  return v;
}

}  // namespace verdeel::report
