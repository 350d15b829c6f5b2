#include "report/explain.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace verdeel::report {
namespace {

using method::PerCategory;
using Step = decision::RecordedStep;

PerCategory places(const Json& j) { return PerCategory{j.at("regulier").get<int64_t>(), j.at("amv").get<int64_t>()}; }
Json places_json(const PerCategory& p) { return Json{{"regulier", p.regulier}, {"amv", p.amv}}; }
Rational rat(const Json& j) { return rational_from_json(j); }

Cite cite(const Step& s) { return Cite{s.seq, s.hash, s.kind, s.subject}; }

// Rule names in METHOD.md's words, for the `rule` field.
std::string method_rule(const std::string& step, const std::string& detail = "") {
  return "Toelichting, " + step + "; METHOD.md step " + step.substr(5) + (detail.empty() ? "" : " (" + detail + ")");
}

class Builder {
 public:
  Builder(const decision::Run& run, const std::vector<Step>& inputs, const std::string& code)
      : run_(run), inputs_(inputs), code_(code) {}

  Explanation build() {
    const Step* result = one(run_.records, "result.gemeente", code_);
    if (!result) throw std::invalid_argument("run " + std::to_string(run_.number) + " holds no result for " + code_);
    e_.cycle = run_.cycle;
    e_.province = run_.province;
    e_.code = code_;
    e_.naam = result->body.at("naam").get<std::string>();
    e_.run = run_.number;
    e_.engine = run_.engine();
    e_.first_seq = run_.records.front().seq;
    e_.last_seq = run_.records.back().seq;
    e_.indicatief = places(result->body.at("indicatief"));
    e_.basis = places(result->body.at("basis"));
    e_.extra = places(result->body.at("extra"));
    e_.besluit = places(result->body.at("besluit"));
    for (const char* c : {"regulier", "amv"}) e_.excluded[c] = result->body.at("excluded").at(c).get<std::vector<std::string>>();

    set_ = one(inputs_, "input.set", "");
    policy_ = one(run_.records, "policy", "");
    if (!policy_) throw std::invalid_argument("run " + std::to_string(run_.number) + " has no policy record");
    inputs();
    basis();
    bool one_to_one = restopgave();
    if (!one_to_one) {
      toerekening();
      for (const auto& c : category_order()) uitsluiting(c);
      for (const auto& c : category_order()) aandeel(c);
    }
    add("besluit", "besluit", "",
        Json{{"basis", places_json(e_.basis)},
             {"extra", places_json(e_.extra)},
             {"besluit", places_json(e_.besluit)},
             {"totaal", e_.besluit.total()},
             {"excluded", e_.excluded}},
        std::nullopt, "Toelichting, stap 4b en Artikel I (Tabel 1); METHOD.md \"The decision\"", {cite(*result)});
    return std::move(e_);
  }

 private:
  static const Step* one(const std::vector<Step>& v, const std::string& kind, const std::string& subject) {
    for (const auto& s : v)
      if (s.kind == kind && s.subject == subject) return &s;
    return nullptr;
  }
  static std::vector<const Step*> all(const std::vector<Step>& v, const std::string& kind) {
    std::vector<const Step*> out;
    for (const auto& s : v)
      if (s.kind == kind) out.push_back(&s);
    return out;
  }
  const Step* run_step(const std::string& kind, const std::string& subject, const std::string& categorie) const {
    for (const auto& s : run_.records)
      if (s.kind == kind && s.subject == subject && s.body.value("categorie", "") == categorie) return &s;
    return nullptr;
  }

  void add(std::string step, std::string what, std::string categorie, Json figures, std::optional<bool> holds,
           std::string rule, std::vector<Cite> records) {
    if (records.empty() && set_) records.push_back(cite(*set_));
    e_.lines.push_back(ExplainLine{std::move(step), std::move(what), std::move(categorie), std::move(figures), holds,
                                   std::move(rule), std::move(records)});
  }

  std::vector<std::string> category_order() const {
    std::vector<std::string> out;
    for (const auto& c : policy_->body.at("policy").at("category_order")) out.push_back(c.get<std::string>());
    return out;
  }

  std::string naam_of(const std::string& code) const {
    const Step* g = one(inputs_, "input.gemeente", code);
    return g ? g->body.value("naam", code) : code;
  }

  PerCategory ind_of(const std::string& code) const {
    const Step* s = one(inputs_, "input.indicatief", code);
    if (!s) throw std::invalid_argument("no input.indicatief record for " + code);
    return places(s->body);
  }

  // --- invoer -------------------------------------------------------------
  void inputs() {
    const Step* g = one(inputs_, "input.gemeente", code_);
    add("invoer", "gemeente", "", Json{{"code", code_}, {"naam", e_.naam}, {"provincie", run_.province}}, std::nullopt,
        "Wet (Spreidingswet) art. 5; METHOD.md Terms", g ? std::vector<Cite>{cite(*g)} : std::vector<Cite>{});
    const Step* ind = one(inputs_, "input.indicatief", code_);
    if (!ind) throw std::invalid_argument("no input.indicatief record for " + code_);
    PerCategory i = places(ind->body);
    add("invoer", "indicatief", "", Json{{"regulier", i.regulier}, {"amv", i.amv}, {"totaal", i.total()}}, std::nullopt,
        "Toelichting, indicatieve verdeling; METHOD.md Terms (ind, indTot)", {cite(*ind)});
    const Step* rep = one(inputs_, "input.verslag", code_);
    add("invoer", "verslag", "",
        rep ? Json{{"regulier", rep->body.at("regulier")}, {"amv", rep->body.at("amv")}, {"present", true}}
            : Json{{"regulier", 0}, {"amv", 0}, {"present", false}},
        std::nullopt, method_rule("stap 1"), rep ? std::vector<Cite>{cite(*rep)} : std::vector<Cite>{});

    auto kansrijk = all(run_.records, "step.kansrijk");
    auto kin = all(inputs_, "input.kansrijk");
    bool any = false;
    for (const Step* k : kansrijk) {
      if (k->subject != code_) continue;
      any = true;
      std::vector<Cite> c;
      for (const Step* in : kin)
        if (in->subject == code_ && in->body.at("regulier") == k->body.at("plaatsen").at("regulier") &&
            in->body.at("amv") == k->body.at("plaatsen").at("amv"))
          c.push_back(cite(*in));
      c.push_back(cite(*k));
      add("invoer", "kansrijk", "",
          Json{{"regulier", k->body.at("plaatsen").at("regulier")},
               {"amv", k->body.at("plaatsen").at("amv")},
               {"criteria", k->body.at("criteria")},
               {"kansrijk", k->body.at("kansrijk")}},
          std::nullopt, method_rule("stap 2", "a criterion makes an initiative promising"), c);
    }
    if (!any) add("invoer", "kansrijk_none", "", Json::object(), std::nullopt, method_rule("stap 2"), {});

    const Step* hist = one(inputs_, "input.historie", code_);
    add("invoer", "historie", "", hist ? Json{{"gemiddeld", hist->body.at("gemiddeld")}} : Json{{"gemiddeld", nullptr}},
        std::nullopt, method_rule("stap 4a", "history"), hist ? std::vector<Cite>{cite(*hist)} : std::vector<Cite>{});
    const Step* ukr = one(inputs_, "input.oekraine", code_);
    add("invoer", "oekraine", "",
        ukr ? Json{{"plaatsen", ukr->body.at("plaatsen")}, {"evenredig", ukr->body.at("evenredig")}}
            : Json{{"plaatsen", nullptr}, {"evenredig", nullptr}},
        std::nullopt, method_rule("stap 4a", "ukraine"), ukr ? std::vector<Cite>{cite(*ukr)} : std::vector<Cite>{});

    any = false;
    for (const Step* u : all(inputs_, "input.uitruil")) {
      std::string van = u->body.value("van", ""), voor = u->body.value("voor", "");
      if (van != code_ && voor != code_) continue;
      any = true;
      add("invoer", van == code_ ? "uitruil_van" : "uitruil_voor", u->body.value("categorie", ""),
          Json{{"van", van},
               {"van_naam", naam_of(van)},
               {"voor", voor},
               {"voor_naam", naam_of(voor)},
               {"categorie", u->body.at("categorie")},
               {"plaatsen", u->body.at("plaatsen")}},
          std::nullopt, method_rule("stap 4a", "attributed places, exchanges"), {cite(*u)});
    }
    if (!any) add("invoer", "uitruil_none", "", Json::object(), std::nullopt, method_rule("stap 4a", "exchanges"), {});

    any = false;
    for (const auto& [groep, members] : groups()) {
      if (std::find(members.begin(), members.end(), code_) == members.end()) continue;
      any = true;
      Json leden = Json::array();
      std::vector<Cite> c;
      for (const auto& m : members) {
        leden.push_back(Json{{"code", m}, {"naam", naam_of(m)}});
        for (const Step* s : all(inputs_, "input.uitruilgroep"))
          if (s->subject == m && s->body.value("groep", "") == groep) c.push_back(cite(*s));
      }
      add("invoer", "uitruilgroep", "", Json{{"groep", groep}, {"leden", leden}}, std::nullopt,
          method_rule("stap 4a", "exchange_group"), c);
    }
    if (!any) add("invoer", "uitruilgroep_none", "", Json::object(), std::nullopt, method_rule("stap 4a", "exchange_group"), {});

    const Json& p = policy_->body.at("policy");
    add("invoer", "beleid", "",
        Json{{"name", p.at("name")},
             {"meets_indicative_basis", p.at("meets_indicative_basis")},
             {"ukraine_factor", p.at("ukraine_factor")},
             {"minimum_places", p.at("minimum_places")},
             {"minimum_exclusion", p.at("minimum_exclusion")},
             {"category_order", p.at("category_order")},
             {"rounding", p.value("rounding", Json())},
             {"tie_break", p.value("tie_break", Json())}},
        std::nullopt, "Beleidsregel verdeelbesluiten art. 2-3; METHOD.md \"Policy record\"", {cite(*policy_)});
  }

  // Groups by name, members sorted by code.
  std::map<std::string, std::vector<std::string>> groups() const {
    std::map<std::string, std::vector<std::string>> out;
    for (const Step* s : all(inputs_, "input.uitruilgroep")) out[s->body.value("groep", "")].push_back(s->subject);
    for (auto& [g, m] : out) {
      std::sort(m.begin(), m.end());
      m.erase(std::unique(m.begin(), m.end()), m.end());
    }
    return out;
  }

  // --- stap 1-2, 3 ----------------------------------------------------------
  void basis() {
    const Step* b = one(run_.records, "step.basis", code_);
    if (!b) throw std::invalid_argument("run holds no step.basis record for " + code_);
    add("stap 1-2", "basis", "",
        Json{{"verslag", b->body.at("verslag")}, {"initiatieven", b->body.at("initiatieven")}, {"basis", b->body.at("basis")}},
        std::nullopt, method_rule("stap 1-2", "base = report + promising initiatives"), {cite(*b)});
  }

  bool restopgave() {
    const Step* r = one(run_.records, "step.restopgave", "");
    if (!r) throw std::invalid_argument("run holds no step.restopgave record");
    rest_ = places(r->body.at("rest"));
    bool one_to_one = r->body.at("one_to_one").get<bool>();
    add("stap 3", "restopgave", "",
        Json{{"opgave", r->body.at("opgave")},
             {"basis_som", r->body.at("basis_som")},
             {"rest", r->body.at("rest")},
             {"one_to_one", one_to_one}},
        std::nullopt, method_rule("stap 3", "rest = max(0, task - sum of bases)"), {cite(*r)});
    restopgave_ = r;
    return one_to_one;
  }

  // --- stap 4a ----------------------------------------------------------------
  void toerekening() {
    const Step* t = one(run_.records, "step.toerekening", code_);
    if (!t) throw std::invalid_argument("run holds no step.toerekening record for " + code_);
    toerekening_ = t;
    attr_ = places(t->body.at("attr"));
    add("stap 4a", "toerekening", "",
        Json{{"basis", t->body.at("basis")},
             {"voor_anderen", t->body.at("voor_anderen")},
             {"door_anderen", t->body.at("door_anderen")},
             {"attr", t->body.at("attr")},
             {"attrTot", attr_.total()}},
        std::nullopt, method_rule("stap 4a", "attr = base - for others + by others"), {cite(*t)});
  }

  const Step* exclusion(const std::string& c, const std::string& rule) const {
    for (const auto& s : run_.records)
      if (s.kind == "step.exclusion" && s.subject == code_ && s.body.value("categorie", "") == c &&
          s.body.value("rule", "") == rule)
        return &s;
    return nullptr;
  }

  // One rule line: recorded when it held, computed otherwise; a disagreement is a warning.
  void rule_line(const std::string& c, const std::string& rule, bool computed, Json figures, std::vector<Cite> from) {
    const Step* rec = exclusion(c, rule);
    if (rec) {
      for (auto it = rec->body.at("figures").begin(); it != rec->body.at("figures").end(); ++it) figures[it.key()] = it.value();
      from.insert(from.begin(), cite(*rec));
    }
    if (computed != (rec != nullptr))
      e_.warnings.push_back("stap 4a " + c + " " + rule + ": the recorded figures say the rule " +
                            (computed ? "holds" : "does not hold") + ", but " +
                            (rec ? "an exclusion was recorded (record " + std::to_string(rec->seq) + ")"
                                 : "no exclusion was recorded"));
    figures["rule"] = rule;
    add("stap 4a", "rule", c, figures, rec != nullptr, method_rule("stap 4a", rule), from);
  }

  void uitsluiting(const std::string& c) {
    method::Category cat = *method::parse_category(c);
    if (rest_[cat] == 0) {
      add("stap 4a", "no_rest", c, Json{{"rest", 0}}, std::nullopt, method_rule("stap 4a", "only a category with rest > 0 has exclusions"),
          {cite(*restopgave_)});
      return;
    }
    const Json& policy = policy_->body.at("policy");
    PerCategory ind = ind_of(code_);
    const Step* ind_rec = one(inputs_, "input.indicatief", code_);
    std::vector<Cite> base{cite(*toerekening_), cite(*ind_rec)};

    if (policy.at("meets_indicative_basis") == "per_category")
      rule_line(c, "meets_indicative", attr_[cat] >= ind[cat], Json{{"attr", attr_[cat]}, {"ind", ind[cat]}}, base);
    else
      rule_line(c, "meets_indicative", attr_.total() >= ind.total(), Json{{"attrTot", attr_.total()}, {"indTot", ind.total()}},
                base);

    const Step* hist = one(inputs_, "input.historie", code_);
    if (hist)
      rule_line(c, "history", rat(hist->body.at("gemiddeld")) > Rational(ind.total()),
                Json{{"hist", hist->body.at("gemiddeld")}, {"indTot", ind.total()}}, {cite(*hist), cite(*ind_rec)});
    else
      rule_line(c, "history", false, Json{{"hist", nullptr}, {"indTot", ind.total()}}, {});

    const Step* ukr = one(inputs_, "input.oekraine", code_);
    Rational factor = rat(policy.at("ukraine_factor"));
    if (ukr) {
      Rational fair = rat(ukr->body.at("evenredig"));
      rule_line(c, "ukraine", rat(ukr->body.at("plaatsen")) > factor * fair,
                Json{{"ukr", ukr->body.at("plaatsen")}, {"factor", to_json(factor)}, {"ukrFair", ukr->body.at("evenredig")},
                     {"limit", to_json(factor * fair)}},
                {cite(*ukr), cite(*policy_)});
    } else {
      rule_line(c, "ukraine", false, Json{{"ukr", nullptr}, {"factor", to_json(factor)}}, {});
    }

    if (cat == method::Category::regulier) {
      int64_t door = places(toerekening_->body.at("door_anderen")).regulier;
      rule_line(c, "exchange_full", door >= 1 && door >= ind.regulier, Json{{"doorAnderen", door}, {"ind", ind.regulier}}, base);
      bool in_group = false;
      for (const auto& [groep, members] : groups()) {
        if (std::find(members.begin(), members.end(), code_) == members.end()) continue;
        in_group = true;
        int64_t gattr = 0, gind = 0;
        std::vector<Cite> from;
        Json leden = Json::array();
        for (const auto& m : members) {
          const Step* t = one(run_.records, "step.toerekening", m);
          if (!t) throw std::invalid_argument("run holds no step.toerekening record for " + m);
          int64_t a = places(t->body.at("attr")).regulier, i = ind_of(m).regulier;
          gattr += a;
          gind += i;
          leden.push_back(Json{{"code", m}, {"attr", a}, {"ind", i}});
          from.push_back(cite(*t));
          from.push_back(cite(*one(inputs_, "input.indicatief", m)));
        }
        rule_line(c, "exchange_group", gattr >= gind,
                  Json{{"groep", groep}, {"leden", leden}, {"groupAttr", gattr}, {"groupInd", gind}}, from);
      }
      if (!in_group) rule_line(c, "exchange_group", false, Json{{"groep", nullptr}}, {});
    }
  }

  // --- stap 4b ----------------------------------------------------------------
  void aandeel(const std::string& c) {
    method::Category cat = *method::parse_category(c);
    if (rest_[cat] == 0) return;
    const Step* perc = run_step("step.percentage", "", c);
    if (!perc) throw std::invalid_argument("run holds no step.percentage record for " + c);
    const Json& pb = perc->body;
    int64_t minimum = policy_->body.at("policy").at("minimum_places").get<int64_t>();
    add("stap 4b", "percentage", c,
        Json{{"rest", pb.at("rest")},
             {"p", pb.at("p")},
             {"eligible", pb.at("eligible").size()},
             {"participants", pb.at("participants").size()},
             {"rounds", pb.at("rounds")},
             {"placed", pb.at("placed")},
             {"shortfall", pb.at("shortfall")}},
        std::nullopt, method_rule("stap 4b", "smallest p with the sum of e(p) over the participants = rest"), {cite(*perc)});

    auto has = [&](const char* list) {
      for (const auto& x : pb.at(list))
        if (x == code_) return true;
      return false;
    };
    if (!has("eligible")) {
      add("stap 4b", "not_eligible", c, Json{{"extra", 0}, {"rules", e_.excluded[c]}}, std::nullopt,
          method_rule("stap 4a", "an excluded municipality does not share in the remainder"), {cite(*perc)});
      return;
    }
    if (const Step* below = exclusion(c, "below_minimum")) {
      const Json& f = below->body.at("figures");
      Json fig{{"round", below->body.at("round")}, {"e", f.at("e")}, {"minimum", f.at("minimum")}};
      // The round's p follows from e = p x ind - attr (e > 0 and below the cap): p = (e + attr) / ind.
      PerCategory ind = ind_of(code_);
      Rational ev = rat(f.at("e"));
      if (ind[cat] > 0 && ev > Rational(0)) fig["p_round"] = to_json((ev + Rational(attr_[cat])) / Rational(ind[cat]));
      fig["attr"] = attr_[cat];
      fig["ind"] = ind[cat];
      add("stap 4b", "below_minimum", c, fig, true, method_rule("stap 4b", "minimum: 0 < e < " + std::to_string(minimum)),
          {cite(*below), cite(*toerekening_)});
      return;
    }
    const Step* a = run_step("step.aandeel", code_, c);
    if (!a) throw std::invalid_argument("run holds no step.aandeel record for " + code_ + " " + c);
    const Json& ab = a->body;
    PerCategory ind = places(ab.at("indicatief"));
    Rational attr = rat(ab.at("attr"));
    int64_t head = ab.at("head").get<int64_t>();

    // Cap: head = max(0, indTot - attrTot - extra already given in an earlier category).
    int64_t earlier = 0;
    std::vector<Cite> head_from{cite(*a), cite(*toerekening_)};
    for (const auto& other : category_order()) {
      if (other == c) break;
      if (const Step* prev = run_step("step.aandeel", code_, other)) {
        earlier += prev->body.at("rounded").get<int64_t>();
        head_from.push_back(cite(*prev));
      }
    }
    int64_t computed_head = std::max<int64_t>(0, ind.total() - attr_.total() - earlier);
    if (computed_head != head)
      e_.warnings.push_back("stap 4b " + c + ": head computed as " + std::to_string(computed_head) + ", recorded " +
                            std::to_string(head) + " (record " + std::to_string(a->seq) + ")");
    add("stap 4b", "head", c,
        Json{{"indTot", ind.total()}, {"attrTot", attr_.total()}, {"earlier_extra", earlier}, {"head", head}},
        std::nullopt, method_rule("stap 4b", "cap: head = max(0, indTot - attrTot - extra already given)"), head_from);

    std::vector<Cite> share_from{cite(*perc), cite(*a)};
    Json share{{"ind", ind[cat]}, {"attr", ab.at("attr")}, {"head", head}, {"exact", ab.at("exact")}, {"capped", ab.at("capped")}};
    if (!pb.at("p").is_null()) {
      Rational p = rat(pb.at("p"));
      Rational raw = p * Rational(ind[cat]) - attr;
      Rational e = min(Rational(head), max(Rational(0), raw));
      share["p"] = pb.at("p");
      share["p_times_ind"] = to_json(p * Rational(ind[cat]));
      share["p_times_ind_minus_attr"] = to_json(raw);
      if (e != rat(ab.at("exact")))
        e_.warnings.push_back("stap 4b " + c + ": e computed as " + e.to_string() + ", recorded " + rat(ab.at("exact")).to_string() +
                              " (record " + std::to_string(a->seq) + ")");
    } else {
      share["p"] = nullptr;  // shortfall: everyone at its cap
    }
    add("stap 4b", "share", c, share, std::nullopt,
        method_rule("stap 4b", "e = min(head, max(0, p x ind - attr))"), share_from);

    Rational exact = rat(ab.at("exact"));
    add("stap 4b", "minimum", c, Json{{"exact", ab.at("exact")}, {"minimum", minimum}, {"zero", exact == Rational(0)}},
        std::nullopt, method_rule("stap 4b", "minimum: nobody takes part with 0 < e < " + std::to_string(minimum)),
        {cite(*a), cite(*policy_)});

    // Rounding: floor for all, the leftover units to the largest fractional parts.
    struct Part {
      Rational frac;
      int64_t ind;
      std::string code;
      bool unit;
    };
    std::vector<Part> parts;
    int64_t floors = 0;
    for (const auto& s : run_.records) {
      if (s.kind != "step.aandeel" || s.body.value("categorie", "") != c) continue;
      Rational ex = rat(s.body.at("exact"));
      int64_t fl = s.body.at("floor").get<int64_t>();
      floors += fl;
      parts.push_back(Part{ex - Rational(fl), places(s.body.at("indicatief"))[cat], s.subject, s.body.at("extra_unit").get<bool>()});
    }
    std::optional<Rational> smallest_with, largest_without;
    for (const auto& pt : parts) {
      if (pt.frac == Rational(0)) continue;
      if (pt.unit && (!smallest_with || pt.frac < *smallest_with)) smallest_with = pt.frac;
      if (!pt.unit && (!largest_without || pt.frac > *largest_without)) largest_without = pt.frac;
    }
    int64_t placed = pb.at("placed").get<int64_t>();
    Rational frac = exact - Rational(ab.at("floor").get<int64_t>());
    // A tie at the border (the same fraction given a unit and left without one, this one's among
    // them): the others with that fraction, so an objector sees whom the tie rule weighed it against.
    Json tied = Json::array();
    if (smallest_with && largest_without && *smallest_with == *largest_without && frac == *smallest_with)
      for (const auto& pt : parts)
        if (pt.code != code_ && pt.frac == frac)
          tied.push_back(Json{{"code", pt.code}, {"naam", naam_of(pt.code)}, {"indicatief", pt.ind}, {"extra_unit", pt.unit}});
    Json rounding{{"exact", ab.at("exact")},
                  {"floor", ab.at("floor")},
                  {"fraction", to_json(frac)},
                  {"extra_unit", ab.at("extra_unit")},
                  {"rounded", ab.at("rounded")},
                  {"sum_floor", floors},
                  {"placed", placed},
                  {"units", placed - floors},
                  {"smallest_fraction_with_unit", smallest_with ? to_json(*smallest_with) : Json(nullptr)},
                  {"largest_fraction_without_unit", largest_without ? to_json(*largest_without) : Json(nullptr)}};
    if (!tied.empty()) rounding["tied_at_border"] = tied;
    add("stap 4b", "rounding", c, std::move(rounding), std::nullopt,
        "Toelichting, stap 4b (afronding); METHOD.md \"Rounding to whole places\" (largest remainder; ties: larger ind, then smaller code)",
        {cite(*a), cite(*perc)});
  }

  const decision::Run& run_;
  const std::vector<Step>& inputs_;
  std::string code_;
  Explanation e_;
  const Step* set_ = nullptr;
  const Step* policy_ = nullptr;
  const Step* restopgave_ = nullptr;
  const Step* toerekening_ = nullptr;
  PerCategory rest_, attr_;
};

}  // namespace

Explanation explain(const decision::Run& run, const std::vector<decision::RecordedStep>& inputs, const std::string& code) {
  try {
    return Builder(run, inputs, code).build();
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("a record of the run is malformed: ") + e.what());
  }
}

}  // namespace verdeel::report
