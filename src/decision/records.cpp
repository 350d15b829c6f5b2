#include "decision/records.h"

#include <algorithm>
#include <map>
#include <set>

#include "decision/policy_json.h"
#include "util/json_object.h"

namespace verdeel::decision {
namespace {

using method::Category;

// Looks up the hashes of the input records a step used.
class InputIndex {
 public:
  explicit InputIndex(const std::vector<InputRef>& inputs) {
    for (const auto& in : inputs) {
      by_kind_subject_[{in.kind, in.subject}].push_back(in.hash);
      if (in.kind == "input.uitruil" && in.body.contains("voor"))
        exchanges_for_[in.body["voor"].get<std::string>()].push_back(in.hash);
      if (in.kind == "input.uitruilgroep" && in.body.contains("groep"))
        groups_[in.body["groep"].get<std::string>()].push_back(in.hash);
      if (!in.subject.empty()) all_about_[in.subject].push_back(in.hash);
    }
  }
  std::vector<std::string> of(const std::string& kind, const std::string& subject) const {
    auto it = by_kind_subject_.find({kind, subject});
    return it == by_kind_subject_.end() ? std::vector<std::string>{} : it->second;
  }
  std::vector<std::string> about(const std::string& code) const {
    std::vector<std::string> out;
    if (auto it = all_about_.find(code); it != all_about_.end()) out = it->second;
    if (auto it = exchanges_for_.find(code); it != exchanges_for_.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
  }
  std::vector<std::string> exchanges(const std::string& code) const {
    std::vector<std::string> out = of("input.uitruil", code);
    if (auto it = exchanges_for_.find(code); it != exchanges_for_.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
  }
  std::vector<std::string> group_of(const std::string& code) const {
    for (const auto& [name, hashes] : groups_)
      for (const auto& h : of("input.uitruilgroep", code))
        if (std::find(hashes.begin(), hashes.end(), h) != hashes.end()) return hashes;
    return {};
  }

 private:
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_kind_subject_;
  std::map<std::string, std::vector<std::string>> exchanges_for_;
  std::map<std::string, std::vector<std::string>> groups_;
  std::map<std::string, std::vector<std::string>> all_about_;
};

Json hashes(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return Json(v);
}

template <typename... Vs>
std::vector<std::string> concat(Vs... vs) {
  std::vector<std::string> out;
  (out.insert(out.end(), vs.begin(), vs.end()), ...);
  return out;
}

Json percentage_json(const method::Verdeling* v) { return v ? decision::percentage_json(v->p) : Json(nullptr); }

// Which input records an exclusion rule compared (METHOD.md step 4a table).
std::vector<std::string> exclusion_inputs(const method::Exclusion& e, const InputIndex& idx) {
  const std::string& g = e.gemeente;
  if (e.rule == "history") return concat(idx.of("input.historie", g), idx.of("input.indicatief", g));
  if (e.rule == "ukraine") return idx.of("input.oekraine", g);
  if (e.rule == "exchange_full") return concat(idx.exchanges(g), idx.of("input.indicatief", g));
  if (e.rule == "exchange_group") return idx.group_of(g);
  // meets_indicative and below_minimum follow from the attributed places.
  return concat(idx.of("input.indicatief", g), idx.of("input.verslag", g), idx.of("input.kansrijk", g),
                idx.exchanges(g));
}

}  // namespace

Json to_json(const method::PerCategory& p) { return Obj()("regulier", p.regulier)("amv", p.amv); }

Json percentage_json(const std::optional<Rational>& p) {
  if (!p) return nullptr;
  return Obj()("num", p->num())("den", p->den())("percent", (*p * 100).to_decimal(2));
}

std::vector<StepRecord> decision_records(const method::Decision& d, const std::vector<InputRef>& inputs,
                                         const std::string& input_set) {
  InputIndex idx(inputs);
  std::vector<StepRecord> out;
  auto add = [&](const char* kind, const std::string& subject, Json body) {
    out.push_back(StepRecord{kind, subject, std::move(body)});
  };

  // The policy the decision applied (METHOD.md "Policy record").
  Json policy = policy_to_json(d.policy);
  add("policy", "", Obj()("policy", policy)("inputs", hashes(idx.of("input.beleid", ""))));

  // Toelichting, stap 2: promising initiatives.
  for (const auto& io : d.initiatieven) {
    const auto& in = io.initiatief;
    add("step.kansrijk", in.gemeente,
        Obj()("gemeente", in.gemeente)
             ("plaatsen", to_json(in.plaatsen))
             ("criteria", in.criteria)
             ("kansrijk", io.kansrijk)
             ("inputs", hashes(idx.of("input.kansrijk", in.gemeente))));
  }

  // Toelichting, stap 1 en 2: the report plus promising initiatives.
  for (const auto& b : d.basis) {
    add("step.basis", b.gemeente,
        Obj()("gemeente", b.gemeente)
             ("verslag", to_json(b.verslag))
             ("initiatieven", to_json(b.initiatieven))
             ("basis", to_json(b.basis))
             ("inputs", hashes(concat(idx.of("input.verslag", b.gemeente), idx.of("input.kansrijk", b.gemeente)))));
  }

  // Toelichting, stap 3: the remainder.
  const auto& r = d.restopgave;
  add("step.restopgave", "",
      Obj()("opgave", to_json(r.opgave))
           ("basis_som", to_json(r.basis_som))
           ("rest", to_json(r.rest))
           ("one_to_one", r.one_to_one)
           ("inputs", hashes(idx.of("input.opgave", ""))));

  // Toelichting, stap 4a: attributed places and exclusions.
  for (const auto& t : d.toerekening) {
    add("step.toerekening", t.gemeente,
        Obj()("gemeente", t.gemeente)
             ("basis", to_json(t.basis))
             ("voor_anderen", to_json(t.voor_anderen))
             ("door_anderen", to_json(t.door_anderen))
             ("attr", to_json(t.attr))
             ("inputs", hashes(idx.exchanges(t.gemeente))));
  }
  for (const auto& e : d.exclusions) {
    Json figures = Json::object();
    for (const auto& f : e.figures) figures[f.name] = to_json(f.value);
    Obj body;
    body("gemeente", e.gemeente)("categorie", std::string(method::name(e.categorie)))("rule", e.rule)(
        "figures", std::move(figures))("inputs", hashes(exclusion_inputs(e, idx)));
    if (e.rule == "below_minimum") body("round", e.round);
    add("step.exclusion", e.gemeente, std::move(body));
  }

  // Toelichting, stap 4b: the equal percentage, minimum, shortfall, rounding.
  for (const auto& v : d.verdelingen) {
    add("step.percentage", "",
        Obj()("categorie", std::string(method::name(v.categorie)))
             ("rest", v.rest)
             ("eligible", v.eligible)
             ("participants", v.participants)
             ("rounds", v.rounds)
             ("p", v.p ? to_json(*v.p) : Json(nullptr))
             ("placed", v.placed)
             ("shortfall", v.shortfall));
    for (const auto& a : v.aandelen) {
      add("step.aandeel", a.gemeente,
          Obj()("gemeente", a.gemeente)
               ("categorie", std::string(method::name(v.categorie)))
               ("indicatief", to_json(a.ind))
               ("attr", to_json(a.attr))
               ("head", a.head)
               ("exact", to_json(a.exact))
               ("capped", a.capped)
               ("floor", a.floor)
               ("rounded", a.rounded)
               ("extra_unit", a.extra_unit));
    }
  }

  // The decision per municipality (Artikel I, Tabel 1).
  for (const auto& u : d.uitkomsten) {
    Json excluded = Json::object();
    for (Category c : method::kCategories) {
      auto it = u.excluded.find(c);
      excluded[std::string(method::name(c))] = it == u.excluded.end() ? Json::array() : Json(it->second);
    }
    add("result.gemeente", u.code,
        Obj()("gemeente", u.code)
             ("naam", u.naam)
             ("indicatief", to_json(u.indicatief))
             ("basis", to_json(u.basis))
             ("extra", to_json(u.extra))
             ("besluit", to_json(u.besluit))
             ("excluded", excluded)
             ("inputs", hashes(idx.about(u.code))));
  }

  std::vector<std::string> all_inputs;
  for (const auto& in : inputs) all_inputs.push_back(in.hash);
  Json remainder = Json::object(), percentage = Json::object(), shortfall = Json::object();
  for (Category c : method::kCategories) {
    std::string k(method::name(c));
    const auto* v = d.verdeling(c);
    remainder[k] = r.rest[c];
    percentage[k] = percentage_json(v);
    shortfall[k] = v ? v->shortfall : 0;
  }
  add("result.decision", "",
      Obj()("cycle", d.cycle)
           ("province", d.provincie)
           ("policy", d.policy.name)
           ("task", to_json(r.opgave))
           ("report", to_json(d.verslag_som))
           ("basis", to_json(r.basis_som))
           ("remainder", remainder)
           ("percentage", percentage)
           ("shortfall", shortfall)
           ("besluit", to_json(d.besluit_som))
           ("gemeenten", static_cast<int64_t>(d.uitkomsten.size()))
           ("input_set", input_set)
           ("inputs", hashes(all_inputs)));
  return out;
}

}  // namespace verdeel::decision
