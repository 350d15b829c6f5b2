#include "decision/records.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <set>
#include <unordered_map>

#include "decision/policy_json.h"

namespace verdeel::decision {
namespace {

using method::Category;

// The hashes of input records, as views of the InputRefs' own strings (which outlive the index).
using Hashes = std::vector<std::string_view>;

template <typename... Vs>
Hashes concat(const Vs&... vs) {
  Hashes out;
  out.reserve((vs.size() + ...));
  (out.insert(out.end(), vs.begin(), vs.end()), ...);
  return out;
}

// Looks up the hashes of the input records a step used.
class InputIndex {
 public:
  // Keys are views of the InputRefs' own strings too: building the index copies no string.
  explicit InputIndex(const std::vector<InputRef>& inputs) {
    by_kind_subject_.reserve(inputs.size());
    all_about_.reserve(inputs.size());
    for (const auto& in : inputs) {
      by_kind_subject_[KindSubject{in.kind, in.subject}].push_back(in.hash);
      if (in.kind == "input.uitruil")
        if (auto v = in.body.find("voor"); v != in.body.end()) exchanges_for_[v->get_ref<const std::string&>()].push_back(in.hash);
      if (in.kind == "input.uitruilgroep")
        if (auto g = in.body.find("groep"); g != in.body.end()) groups_[g->get_ref<const std::string&>()].push_back(in.hash);
      if (!in.subject.empty()) all_about_[in.subject].push_back(in.hash);
    }
  }
  const Hashes& of(std::string_view kind, std::string_view subject) const {
    auto it = by_kind_subject_.find(KindSubject{kind, subject});
    return it == by_kind_subject_.end() ? kNone : it->second;
  }
  Hashes about(std::string_view code) const { return concat(found(all_about_, code), found(exchanges_for_, code)); }
  Hashes exchanges(std::string_view code) const { return concat(of("input.uitruil", code), found(exchanges_for_, code)); }
  Hashes group_of(std::string_view code) const {
    for (const auto& [name, hashes] : groups_)
      for (const auto& h : of("input.uitruilgroep", code))
        if (std::find(hashes.begin(), hashes.end(), h) != hashes.end()) return hashes;
    return {};
  }

 private:
  using ByName = std::unordered_map<std::string_view, Hashes>;
  static const Hashes& found(const ByName& m, std::string_view key) {
    auto it = m.find(key);
    return it == m.end() ? kNone : it->second;
  }
  static inline const Hashes kNone;
  // Hashed: every step looks up its inputs here, and nothing is listed in this map's order.
  using KindSubject = std::pair<std::string_view, std::string_view>;
  struct HashKindSubject {
    size_t operator()(const KindSubject& k) const {
      const size_t a = std::hash<std::string_view>()(k.first), b = std::hash<std::string_view>()(k.second);
      return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    }
  };
  std::unordered_map<KindSubject, Hashes, HashKindSubject> by_kind_subject_;
  ByName exchanges_for_;
  std::map<std::string_view, Hashes> groups_;  // by name: group_of takes the first that has the member
  ByName all_about_;
};

// Sorted, each once: the "inputs" member of a step record.
Hashes hashes(Hashes v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Which input records an exclusion rule compared (METHOD.md step 4a table).
Hashes exclusion_inputs(const method::Exclusion& e, const InputIndex& idx) {
  const std::string& g = e.gemeente;
  if (e.rule == "history") return concat(idx.of("input.historie", g), idx.of("input.indicatief", g));
  if (e.rule == "ukraine") return idx.of("input.oekraine", g);
  if (e.rule == "exchange_full") return concat(idx.exchanges(g), idx.of("input.indicatief", g));
  if (e.rule == "exchange_group") return idx.group_of(g);
  // meets_indicative and below_minimum follow from the attributed places.
  return concat(idx.of("input.indicatief", g), idx.of("input.verslag", g), idx.of("input.kansrijk", g),
                idx.exchanges(g));
}

// Every body below gives its members in canonical order (by key: canonical_json.h), so that its
// bytes are written once, as given, and never reordered (CanonicalObject). Another order would
// give the same bytes, only more slowly.
using Body = CanonicalObject;

// The categories in the order of their names: as keys of a body, in canonical order.
const std::array<Category, 2>& categories_by_name() {
  static const std::array<Category, 2> order = [] {
    std::array<Category, 2> a = method::kCategories;
    std::sort(a.begin(), a.end(), [](Category x, Category y) { return method::name(x) < method::name(y); });
    return a;
  }();
  return order;
}

// The bodies' forms of to_json and percentage_json below: the same JSON, written at once.
Body::Ints<2> places(const method::PerCategory& p) { return {{{"amv", p.amv}, {"regulier", p.regulier}}}; }

void put_percentage(Body& b, std::string_view key, const std::optional<Rational>& p) {
  if (!p) {
    b(key, nullptr);
    return;
  }
  b(key, Body()("den", p->den())("num", p->num())("percent", (*p * 100).to_decimal(2)));
}

}  // namespace

// The Json forms, for other outputs (whatif), read back from the bodies' bytes: one definition of
// each shape.
Json to_json(const method::PerCategory& p) { return Json::parse(Body()("p", places(p)).str())["p"]; }

Json percentage_json(const std::optional<Rational>& p) {
  Body b;
  put_percentage(b, "p", p);
  return Json::parse(b.str())["p"];
}

std::vector<StepRecord> decision_records(const method::Decision& d, const std::vector<InputRef>& inputs,
                                         const std::string& input_set) {
  InputIndex idx(inputs);
  std::vector<StepRecord> out;
  // Exactly as many as are added below: growing the list would move every record written so far.
  size_t count = 1 + d.initiatieven.size() + d.basis.size() + 1 + d.toerekening.size() + d.exclusions.size() +
                 d.uitkomsten.size() + 1;
  for (const auto& v : d.verdelingen) count += 1 + v.aandelen.size();
  out.reserve(count);
  // Takes the body over: a body written in place, Body()(...)(...), is an lvalue of a temporary,
  // which a by-value parameter would copy (buffer and members) for every record.
  auto add = [&](const char* kind, const std::string& subject, Body& body) {
    out.push_back(StepRecord{kind, subject, std::move(body)});
  };

  // The policy the decision applied (METHOD.md "Policy record").
  add("policy", "", Body()("inputs", hashes(idx.of("input.beleid", "")))("policy", policy_to_json(d.policy)));

  // Toelichting, stap 2: promising initiatives.
  for (const auto& io : d.initiatieven) {
    const auto& in = io.initiatief;
    add("step.kansrijk", in.gemeente,
        Body()("criteria", in.criteria)
              ("gemeente", in.gemeente)
              ("inputs", hashes(idx.of("input.kansrijk", in.gemeente)))
              ("kansrijk", io.kansrijk)
              ("plaatsen", places(in.plaatsen)));
  }

  // Toelichting, stap 1 en 2: the report plus promising initiatives.
  for (const auto& b : d.basis) {
    add("step.basis", b.gemeente,
        Body()("basis", places(b.basis))
              ("gemeente", b.gemeente)
              ("initiatieven", places(b.initiatieven))
              ("inputs", hashes(concat(idx.of("input.verslag", b.gemeente), idx.of("input.kansrijk", b.gemeente))))
              ("verslag", places(b.verslag)));
  }

  // Toelichting, stap 3: the remainder.
  const auto& r = d.restopgave;
  add("step.restopgave", "",
      Body()("basis_som", places(r.basis_som))
            ("inputs", hashes(idx.of("input.opgave", "")))
            ("one_to_one", r.one_to_one)
            ("opgave", places(r.opgave))
            ("rest", places(r.rest)));

  // Toelichting, stap 4a: attributed places and exclusions.
  for (const auto& t : d.toerekening) {
    add("step.toerekening", t.gemeente,
        Body()("attr", places(t.attr))
              ("basis", places(t.basis))
              ("door_anderen", places(t.door_anderen))
              ("gemeente", t.gemeente)
              ("inputs", hashes(idx.exchanges(t.gemeente)))
              ("voor_anderen", places(t.voor_anderen)));
  }
  for (const auto& e : d.exclusions) {
    Body figures;
    for (const auto& f : e.figures) figures(f.name, f.value);
    Body body;
    body("categorie", method::name(e.categorie))("figures", figures)("gemeente", e.gemeente)(
        "inputs", hashes(exclusion_inputs(e, idx)));
    if (e.rule == "below_minimum") body("round", e.round);
    body("rule", e.rule);
    add("step.exclusion", e.gemeente, body);
  }

  // Toelichting, stap 4b: the equal percentage, minimum, shortfall, rounding.
  for (const auto& v : d.verdelingen) {
    Body percentage;
    percentage("categorie", method::name(v.categorie))("eligible", v.eligible);
    if (v.p)
      percentage("p", *v.p);
    else
      percentage("p", nullptr);
    percentage("participants", v.participants)
              ("placed", v.placed)
              ("rest", v.rest)
              ("rounds", v.rounds)
              ("shortfall", v.shortfall);
    add("step.percentage", "", percentage);
    for (const auto& a : v.aandelen) {
      add("step.aandeel", a.gemeente,
          Body()("attr", a.attr)
                ("capped", a.capped)
                ("categorie", method::name(v.categorie))
                ("exact", a.exact)
                ("extra_unit", a.extra_unit)
                ("floor", a.floor)
                ("gemeente", a.gemeente)
                ("head", a.head)
                ("indicatief", places(a.ind))
                ("rounded", a.rounded));
    }
  }

  // The decision per municipality (Artikel I, Tabel 1).
  static const std::vector<std::string> kNone;
  for (const auto& u : d.uitkomsten) {
    Body excluded;
    for (Category c : categories_by_name()) {
      auto it = u.excluded.find(c);
      excluded(method::name(c), it == u.excluded.end() ? kNone : it->second);
    }
    add("result.gemeente", u.code,
        Body()("basis", places(u.basis))
              ("besluit", places(u.besluit))
              ("excluded", excluded)
              ("extra", places(u.extra))
              ("gemeente", u.code)
              ("indicatief", places(u.indicatief))
              ("inputs", hashes(idx.about(u.code)))
              ("naam", u.naam));
  }

  Hashes all_inputs;
  all_inputs.reserve(inputs.size());
  for (const auto& in : inputs) all_inputs.push_back(in.hash);
  Body remainder, percentage, shortfall;
  for (Category c : categories_by_name()) {
    const std::string_view k = method::name(c);
    const auto* v = d.verdeling(c);
    remainder(k, r.rest[c]);
    if (v)
      put_percentage(percentage, k, v->p);
    else
      percentage(k, nullptr);
    shortfall(k, v ? v->shortfall : 0);
  }
  add("result.decision", "",
      Body()("basis", places(r.basis_som))
            ("besluit", places(d.besluit_som))
            ("cycle", d.cycle)
            ("gemeenten", static_cast<int64_t>(d.uitkomsten.size()))
            ("input_set", input_set)
            ("inputs", hashes(std::move(all_inputs)))
            ("percentage", percentage)
            ("policy", d.policy.name)
            ("province", d.provincie)
            ("remainder", remainder)
            ("report", places(d.verslag_som))
            ("shortfall", shortfall)
            ("task", places(r.opgave)));
  assert(out.size() == count);
  return out;
}

}  // namespace verdeel::decision
