#include "decision/whatif.h"

#include <algorithm>
#include <cctype>

#include "decision/policy_json.h"

namespace verdeel::decision {
namespace {

using method::Category;
using method::PerCategory;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

[[noreturn]] void refuse(const Setting& s, const std::string& what) {
  throw WhatIfError("--set " + s.key + "=" + s.value + ": " + what);
}

class Applier {
 public:
  Applier(const std::vector<InputRecord>& recorded, const NumberParsers& parse) : inputs_(recorded), parse_(parse) {}

  void apply(const Setting& s) {
    std::string key = s.key;
    size_t dot = key.find('.');
    std::string target = lower(key.substr(0, dot));
    std::string rest = dot == std::string::npos ? "" : key.substr(dot + 1);
    if (target == "policy" && !rest.empty()) {  // policy.minimum_places=... is accepted too
      target = lower(rest);
      rest.clear();
    }
    if (rest.empty() && is_policy_key(target)) return policy(s, target);
    if (target == "opgave") return opgave(s, rest);
    if (target == "indicatief" || target == "verslag") return per_category(s, target, rest);
    if (target == "historie") return historie(s, rest);
    if (target == "oekraine") return oekraine(s, rest);
    if (target == "kansrijk" || target == "uitruil" || target == "uitruilgroep") return remove_all(s, target, rest);
    refuse(s, "unknown key '" + s.key + "'; known keys: minimum_places, minimum_exclusion, meets_indicative_basis, "
              "ukraine_factor, category_order, opgave.CAT, indicatief.G.CAT, verslag.G.CAT, historie.G, "
              "oekraine.G.plaatsen, oekraine.G.evenredig, kansrijk.G, uitruil.G, uitruilgroep.G "
              "(G: code or name, CAT: regulier or amv)");
  }

  Alternative done() { return Alternative{std::move(inputs_), std::move(changes_)}; }

 private:
  static bool is_policy_key(const std::string& k) {
    return k == "minimum_places" || k == "minimum_exclusion" || k == "meets_indicative_basis" ||
           k == "ukraine_factor" || k == "category_order";
  }

  int64_t whole(const Setting& s) const {
    std::string why;
    auto v = parse_.whole(s.value, why);
    if (!v) refuse(s, why.empty() ? "not a whole number" : why);
    return *v;
  }
  Rational decimal(const Setting& s) const {
    std::string why;
    auto v = parse_.decimal(s.value, why);
    if (!v) refuse(s, why.empty() ? "not a decimal number" : why);
    return *v;
  }
  static bool removes(const Setting& s) { return lower(s.value) == "geen" || lower(s.value) == "none"; }

  InputRecord* find(const std::string& kind, const std::string& subject) {
    for (auto& r : inputs_)
      if (r.kind == kind && r.subject == subject) return &r;
    return nullptr;
  }

  // The municipality named by code or name; its naam through `naam`.
  std::string gemeente(const Setting& s, const std::string& who, std::string& naam) const {
    if (who.empty()) refuse(s, "the key names no municipality");
    for (const auto& r : inputs_) {
      if (r.kind != "input.gemeente") continue;
      std::string code = r.body.value("code", "");
      std::string n = r.body.value("naam", "");
      if (lower(code) == lower(who) || lower(n) == lower(who)) {
        naam = n;
        return code;
      }
    }
    refuse(s, "unknown municipality '" + who + "' in this province (give its CBS code or its name)");
  }

  static std::string category(const Setting& s, const std::string& c) {
    std::string l = lower(c);
    if (l != "regulier" && l != "amv") refuse(s, "unknown category '" + c + "'; expected regulier or amv");
    return l;
  }

  void record(const Setting& s, std::string target, std::string code, std::string naam, std::string field, Json before,
              Json after) {
    changes_.push_back(AppliedChange{s.key, std::move(target), std::move(code), std::move(naam), std::move(field),
                                     std::move(before), std::move(after)});
  }

  void policy(const Setting& s, const std::string& key) {
    Json value;
    if (key == "minimum_places") value = whole(s);
    else if (key == "ukraine_factor") value = to_json(decimal(s));
    else if (key == "category_order") {
      value = Json::array();
      std::string v = s.value;
      size_t from = 0;
      while (true) {
        size_t comma = v.find(',', from);
        value.push_back(lower(v.substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
    } else value = s.value;
    InputRecord* beleid = find("input.beleid", "");
    if (!beleid) {
      inputs_.push_back(InputRecord{"input.beleid", "", Json::object()});
      beleid = &inputs_.back();
    }
    Json before = policy_to_json(policy_from_json(beleid->body)).at(key);
    Json overrides = beleid->body;
    overrides[key] = value;
    try {
      policy_from_json(overrides);
    } catch (const std::invalid_argument& e) {
      refuse(s, e.what());
    }
    beleid->body = overrides;
    record(s, "policy", "", "", key, before, value);
  }

  void opgave(const Setting& s, const std::string& rest) {
    std::string cat = category(s, rest);
    InputRecord* r = find("input.opgave", "");
    if (!r) refuse(s, "the recorded inputs hold no task (input.opgave)");
    Json before = r->body.at(cat);
    r->body[cat] = whole(s);
    record(s, "opgave", "", "", cat, before, r->body[cat]);
  }

  void per_category(const Setting& s, const std::string& target, const std::string& rest) {
    size_t last = rest.rfind('.');
    if (last == std::string::npos) refuse(s, "expected " + target + ".G.regulier or " + target + ".G.amv");
    std::string naam;
    std::string code = gemeente(s, rest.substr(0, last), naam);
    std::string cat = category(s, rest.substr(last + 1));
    std::string kind = "input." + target;
    InputRecord* r = find(kind, code);
    Json before = r ? r->body.at(cat) : Json(nullptr);
    if (!r) {
      if (target == "indicatief") refuse(s, code + " has no indicative numbers recorded");
      inputs_.push_back(InputRecord{kind, code, Json{{"gemeente", code}, {"regulier", 0}, {"amv", 0}}});
      r = &inputs_.back();
    }
    r->body[cat] = whole(s);
    record(s, target, code, naam, cat, before, r->body[cat]);
  }

  void remove(const Setting& s, const std::string& target, const std::string& code, const std::string& naam) {
    std::string kind = "input." + target;
    auto it = std::find_if(inputs_.begin(), inputs_.end(),
                           [&](const InputRecord& r) { return r.kind == kind && r.subject == code; });
    Json before = it == inputs_.end() ? Json(nullptr) : it->body;
    if (it != inputs_.end()) inputs_.erase(it);
    record(s, target, code, naam, "", before, nullptr);
  }

  // kansrijk.G=geen: every initiative of G; uitruil.G=geen: every exchange G realises or is
  // realised for; uitruilgroep.G=geen: G's membership of its exchange group (and the membership of
  // a last member it leaves alone: dissolve_if_alone). `before` lists the bodies taken out (null
  // when there were none).
  void remove_all(const Setting& s, const std::string& target, const std::string& rest) {
    std::string naam;
    std::string code = gemeente(s, rest, naam);
    if (!removes(s))
      refuse(s, target + ".G takes only 'geen' (remove " +
                    (target == "kansrijk" ? std::string("G's initiatives")
                     : target == "uitruil" ? std::string("the exchanges G takes part in")
                                           : std::string("G from its exchange group")) +
                    ")");
    const std::string kind = "input." + target;
    auto involves = [&](const InputRecord& r) {
      if (r.kind != kind) return false;
      if (target == "uitruil") return r.body.value("van", "") == code || r.body.value("voor", "") == code;
      return r.body.value("gemeente", "") == code;
    };
    Json before = Json::array();
    for (const auto& r : inputs_)
      if (involves(r)) before.push_back(r.body);
    inputs_.erase(std::remove_if(inputs_.begin(), inputs_.end(), involves), inputs_.end());
    record(s, target, code, naam, "", before.empty() ? Json(nullptr) : before, nullptr);
    if (target == "uitruilgroep")
      for (const auto& left : before) dissolve_if_alone(s, left.value("groep", ""));
  }

  // A group of one is no group: an exchange group is several municipalities exchanging among
  // themselves, and import refuses a group of one member ("a municipality cannot exchange with
  // itself"). So when G's leaving leaves one member, that member's membership goes too, said as a
  // change of its own (field "alone").
  void dissolve_if_alone(const Setting& s, const std::string& groep) {
    auto member = [&](const InputRecord& r) { return r.kind == "input.uitruilgroep" && r.body.value("groep", "") == groep; };
    if (std::count_if(inputs_.begin(), inputs_.end(), member) != 1) return;
    auto it = std::find_if(inputs_.begin(), inputs_.end(), member);
    std::string naam;
    const std::string code = gemeente(s, it->body.value("gemeente", ""), naam);
    Json before = Json::array({it->body});
    inputs_.erase(it);
    record(s, "uitruilgroep", code, naam, "alone", before, nullptr);
  }

  void historie(const Setting& s, const std::string& rest) {
    std::string naam;
    std::string code = gemeente(s, rest, naam);
    if (removes(s)) return remove(s, "historie", code, naam);
    InputRecord* r = find("input.historie", code);
    Json before = r ? r->body.at("gemiddeld") : Json(nullptr);
    Json after = to_json(decimal(s));
    if (r) r->body["gemiddeld"] = after;
    else inputs_.push_back(InputRecord{"input.historie", code, Json{{"gemeente", code}, {"gemiddeld", after}}});
    record(s, "historie", code, naam, "gemiddeld", before, after);
  }

  void oekraine(const Setting& s, const std::string& rest) {
    size_t last = rest.rfind('.');
    std::string field = last == std::string::npos ? "" : lower(rest.substr(last + 1));
    if (field != "plaatsen" && field != "evenredig") {
      std::string naam;
      if (!removes(s)) refuse(s, "expected oekraine.G.plaatsen or oekraine.G.evenredig (or oekraine.G=geen)");
      std::string code = gemeente(s, rest, naam);
      return remove(s, "oekraine", code, naam);
    }
    std::string naam;
    std::string code = gemeente(s, rest.substr(0, last), naam);
    InputRecord* r = find("input.oekraine", code);
    Json before = r ? r->body.at(field) : Json(nullptr);
    if (!r) {
      inputs_.push_back(InputRecord{"input.oekraine", code, Json{{"gemeente", code}, {"plaatsen", 0}, {"evenredig", 0}}});
      r = &inputs_.back();
    }
    r->body[field] = to_json(decimal(s));
    record(s, "oekraine", code, naam, field, before, r->body[field]);
  }

  std::vector<InputRecord> inputs_;
  const NumberParsers& parse_;
  std::vector<AppliedChange> changes_;
};

PerCategory places(const Json& j) { return PerCategory{j.at("regulier").get<int64_t>(), j.at("amv").get<int64_t>()}; }

std::optional<Rational> percentage(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return Rational::of(j.at("num").get<int64_t>(), j.at("den").get<int64_t>());
}

}  // namespace

Setting parse_setting(const std::string& arg) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size())
    throw WhatIfError("--set expects KEY=VALUE, not '" + arg + "' (see `verdeel whatif --help`)");
  return Setting{arg.substr(0, eq), arg.substr(eq + 1)};
}

Alternative apply_settings(const std::vector<InputRecord>& recorded, const std::vector<Setting>& settings,
                           const NumberParsers& parse) {
  Applier a(recorded, parse);
  for (const auto& s : settings) a.apply(s);
  return a.done();
}

const char* whatif_keys_help() {
  return "KEY=VALUE settings (G: a municipality by CBS code or name; N: whole number; R: decimal, 123,4 exact):\n"
         "  minimum_places=N                     policy: the minimum number of extra places (default 5)\n"
         "  minimum_exclusion=smallest_first|all_at_once\n"
         "  meets_indicative_basis=total|per_category\n"
         "  ukraine_factor=R                     policy: exclusion above R x the proportional share (default 2)\n"
         "  category_order=regulier,amv|amv,regulier\n"
         "  opgave.regulier=N  opgave.amv=N      the provincial task\n"
         "  indicatief.G.regulier=N  indicatief.G.amv=N\n"
         "  verslag.G.regulier=N  verslag.G.amv=N   report places (a missing row is created with 0)\n"
         "  historie.G=R                         ten-year average; historie.G=geen removes the row\n"
         "  oekraine.G.plaatsen=R  oekraine.G.evenredig=R   (a missing row: the other figure 0); oekraine.G=geen\n"
         "  kansrijk.G=geen                      without G's promising initiatives\n"
         "  uitruil.G=geen                       without the exchanges G realises or is realised for\n"
         "  uitruilgroep.G=geen                  G out of its exchange group (a last member left alone with it)\n";
}

bool OutcomeRow::differs() const {
  return recorded != alternative || recorded_extra != alternative_extra || recorded_excluded != alternative_excluded;
}

bool CategoryComparison::differs() const {
  return recorded_rest != alternative_rest || recorded_p != alternative_p || recorded_shortfall != alternative_shortfall;
}

size_t Comparison::differing_rows() const {
  return static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [](const OutcomeRow& r) { return r.differs(); }));
}

bool Comparison::any_difference() const {
  return differing_rows() > 0 ||
         std::any_of(categories.begin(), categories.end(), [](const CategoryComparison& c) { return c.differs(); });
}

Comparison compare_outcomes(const Run& recorded, const method::Decision& alt) {
  const RecordedStep* res = recorded.result();
  if (!res || res->kind != "result.decision") throw std::invalid_argument("the run has no result.decision record");
  Comparison out;
  std::map<std::string, const method::Uitkomst*> alternative;
  for (const auto& u : alt.uitkomsten) alternative[u.code] = &u;
  for (const auto& r : recorded.records) {
    if (r.kind != "result.gemeente") continue;
    OutcomeRow row;
    row.code = r.body.at("gemeente").get<std::string>();
    row.naam = r.body.at("naam").get<std::string>();
    row.recorded = places(r.body.at("besluit"));
    row.recorded_extra = places(r.body.at("extra"));
    for (const char* c : {"regulier", "amv"})
      row.recorded_excluded[c] = r.body.at("excluded").at(c).get<std::vector<std::string>>();
    if (auto it = alternative.find(row.code); it != alternative.end()) {
      const auto& u = *it->second;
      row.alternative = u.besluit;
      row.alternative_extra = u.extra;
      for (Category c : method::kCategories) {
        auto ex = u.excluded.find(c);
        row.alternative_excluded[std::string(method::name(c))] =
            ex == u.excluded.end() ? std::vector<std::string>{} : ex->second;
      }
    }
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const OutcomeRow& a, const OutcomeRow& b) {
    return a.naam != b.naam ? a.naam < b.naam : a.code < b.code;
  });
  for (Category c : method::kCategories) {
    std::string k(method::name(c));
    CategoryComparison cc;
    cc.categorie = k;
    cc.recorded_rest = res->body.at("remainder").at(k).get<int64_t>();
    cc.recorded_p = percentage(res->body.at("percentage").at(k));
    cc.recorded_shortfall = res->body.at("shortfall").at(k).get<int64_t>();
    cc.alternative_rest = alt.restopgave.rest[c];
    if (const auto* v = alt.verdeling(c)) {
      cc.alternative_p = v->p;
      cc.alternative_shortfall = v->shortfall;
    }
    out.categories.push_back(cc);
  }
  return out;
}

}  // namespace verdeel::decision
