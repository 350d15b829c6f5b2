#include "decision/case_from_inputs.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include "decision/policy_json.h"

namespace verdeel::decision {
namespace {

using method::Category;
using method::PerCategory;
using policy_json_detail::shown;

// The bookkeeping of a correction, not an input of the method (case_from_inputs.h).
constexpr std::string_view kSupersedes = "supersedes";

// Reads one record's body, naming the record in every complaint.
class Body {
 public:
  Body(const InputView& r, std::initializer_list<std::string_view> fields) : r_(r) {
    if (!r.body.is_object()) fail("body must be a JSON object, not " + shown(r.body));
    for (auto it = r.body.begin(); it != r.body.end(); ++it) {
      if (std::find(fields.begin(), fields.end(), it.key()) == fields.end() && it.key() != kSupersedes)
        fail("unknown field '" + it.key() + "'");
    }
    for (const auto& f : fields) {
      if (r.body.find(f) == r.body.end()) fail("missing field '" + std::string(f) + "'");
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    std::string where(r_.kind);
    if (!r_.subject.empty()) where.append(" ").append(r_.subject);
    throw std::invalid_argument(where + ": " + what);
  }

  std::string text(std::string_view f) const {
    const Json& v = raw(f);
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
      fail("field '" + std::string(f) + "' must be a non-empty string, not " + shown(v));
    return v.get<std::string>();
  }

  int64_t count(std::string_view f) const {
    const Json& v = raw(f);
    if (!v.is_number_integer() ||
        (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) ||
        v.get<int64_t>() < 0)
      fail("field '" + std::string(f) + "' must be a whole number >= 0, not " + shown(v));
    return v.get<int64_t>();
  }

  Rational rational(std::string_view f) const {
    Rational r;
    try {
      r = rational_from_json(raw(f));
    } catch (const std::exception& e) {
      fail("field '" + std::string(f) + "': " + e.what());
    }
    if (r < Rational(0)) fail("field '" + std::string(f) + "' must not be negative");
    return r;
  }

  PerCategory places() const { return PerCategory{count("regulier"), count("amv")}; }

  const Json& raw(std::string_view f) const {
    auto it = r_.body.find(f);
    if (it == r_.body.end()) fail("missing field '" + std::string(f) + "'");
    return *it;
  }

 private:
  const InputView& r_;
};

class Builder {
 public:
  Builder(const std::string& cycle, const std::string& province) {
    c_.cycle = cycle;
    c_.provincie = province;
  }

  method::ProvinceCase build(const std::vector<InputView>& inputs) {
    // Municipalities first, so every other record can be checked against them.
    for (const auto& r : inputs) {
      if (r.kind == "input.gemeente") gemeente(r);
    }
    if (gemeenten_.empty()) throw std::invalid_argument("no input.gemeente records for province '" + c_.provincie + "'");
    for (const auto& r : inputs) {
      if (r.kind == "input.gemeente") continue;
      if (r.kind == "input.opgave") opgave(r);
      else if (r.kind == "input.indicatief") per_gemeente(r, indicatief_);
      else if (r.kind == "input.verslag") per_gemeente(r, verslag_);
      else if (r.kind == "input.kansrijk") kansrijk(r);
      else if (r.kind == "input.historie") historie(r);
      else if (r.kind == "input.oekraine") oekraine(r);
      else if (r.kind == "input.uitruil") uitruil(r);
      else if (r.kind == "input.uitruilgroep") uitruilgroep(r);
      else if (r.kind == "input.beleid") beleid(r);
      else throw std::invalid_argument("unknown input record kind '" + std::string(r.kind) + "'");
    }
    if (!have_opgave_) throw std::invalid_argument("no input.opgave record for province '" + c_.provincie + "'");
    for (auto& [code, g] : gemeenten_) {
      auto ind = indicatief_.find(code);
      if (ind == indicatief_.end()) throw std::invalid_argument("no input.indicatief record for " + code);
      g.indicatief = ind->second;
      auto rep = verslag_.find(code);
      g.verslag = rep == verslag_.end() ? PerCategory{} : rep->second;
      c_.gemeenten.push_back(g);  // ordered by code
    }
    std::sort(c_.initiatieven.begin(), c_.initiatieven.end(), [](const auto& a, const auto& b) {
      return std::tie(a.gemeente, a.plaatsen.regulier, a.plaatsen.amv, a.criteria) <
             std::tie(b.gemeente, b.plaatsen.regulier, b.plaatsen.amv, b.criteria);
    });
    std::sort(c_.uitruil.begin(), c_.uitruil.end(), [](const auto& a, const auto& b) {
      return std::tie(a.van, a.voor, a.categorie, a.plaatsen) < std::tie(b.van, b.voor, b.categorie, b.plaatsen);
    });
    for (auto& [naam, leden] : groepen_) c_.groepen.push_back({naam, std::vector<std::string>(leden.begin(), leden.end())});
    return std::move(c_);
  }

 private:
  std::string known(const Body& b, std::string_view field) const {
    std::string code = b.text(field);
    if (!gemeenten_.count(code))
      b.fail("municipality " + code + " has no input.gemeente record in province '" + c_.provincie + "'");
    return code;
  }

  void gemeente(const InputView& r) {
    Body b(r, {"code", "naam", "provincie"});
    method::Gemeente g;
    g.code = b.text("code");
    g.naam = b.text("naam");
    std::string provincie = b.text("provincie");
    if (provincie != c_.provincie) b.fail(g.code + " belongs to province '" + provincie + "', not '" + c_.provincie + "'");
    if (!gemeenten_.emplace(g.code, g).second) b.fail("municipality " + g.code + " recorded twice");
  }

  void opgave(const InputView& r) {
    Body b(r, {"provincie", "regulier", "amv"});
    std::string provincie = b.text("provincie");
    if (provincie != c_.provincie) b.fail("task of province '" + provincie + "', not '" + c_.provincie + "'");
    if (have_opgave_) b.fail("task of province '" + provincie + "' recorded twice");
    c_.opgave = b.places();
    have_opgave_ = true;
  }

  void per_gemeente(const InputView& r, std::map<std::string, PerCategory>& into) {
    Body b(r, {"gemeente", "regulier", "amv"});
    std::string code = known(b, "gemeente");
    if (!into.emplace(code, b.places()).second) b.fail(code + " recorded twice");
  }

  void kansrijk(const InputView& r) {
    Body b(r, {"gemeente", "regulier", "amv", "criteria"});
    method::Initiatief i;
    i.gemeente = known(b, "gemeente");
    i.plaatsen = b.places();
    const Json& criteria = b.raw("criteria");
    if (!criteria.is_array()) b.fail("field 'criteria' must be an array, not " + shown(criteria));
    std::set<std::string> unique;
    for (const auto& c : criteria) {
      const auto& all = method::kansrijk_criteria();
      if (!c.is_string() || std::find(all.begin(), all.end(), c.get<std::string>()) == all.end())
        b.fail("unknown criterion " + shown(c));
      unique.insert(c.get<std::string>());
    }
    i.criteria.assign(unique.begin(), unique.end());
    c_.initiatieven.push_back(std::move(i));
  }

  void historie(const InputView& r) {
    Body b(r, {"gemeente", "gemiddeld"});
    std::string code = known(b, "gemeente");
    if (!c_.historie.emplace(code, b.rational("gemiddeld")).second) b.fail(code + " recorded twice");
  }

  void oekraine(const InputView& r) {
    Body b(r, {"gemeente", "plaatsen", "evenredig"});
    std::string code = known(b, "gemeente");
    if (!c_.oekraine.emplace(code, method::Oekraine{b.rational("plaatsen"), b.rational("evenredig")}).second)
      b.fail(code + " recorded twice");
  }

  void uitruil(const InputView& r) {
    Body b(r, {"van", "voor", "categorie", "plaatsen"});
    method::Uitruil u;
    u.van = known(b, "van");
    u.voor = known(b, "voor");
    if (u.van == u.voor) b.fail(u.van + " exchanges with itself");
    auto cat = method::parse_category(b.text("categorie"));
    if (!cat) b.fail("unknown category " + shown(b.raw("categorie")));
    u.categorie = *cat;
    u.plaatsen = b.count("plaatsen");
    c_.uitruil.push_back(u);
  }

  void uitruilgroep(const InputView& r) {
    Body b(r, {"groep", "gemeente"});
    std::string groep = b.text("groep");
    std::string code = known(b, "gemeente");
    if (!groepen_[groep].insert(code).second) b.fail(code + " listed twice in group '" + groep + "'");
  }

  void beleid(const InputView& r) {
    if (have_beleid_) throw std::invalid_argument("input.beleid recorded twice");
    try {
      if (r.body.is_object() && r.body.contains(kSupersedes)) {
        Json policy = r.body;
        policy.erase(kSupersedes);
        c_.policy = policy_from_json(policy);
      } else {
        c_.policy = policy_from_json(r.body);
      }
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("input.beleid: ") + e.what());
    }
    have_beleid_ = true;
  }

  method::ProvinceCase c_;
  std::map<std::string, method::Gemeente> gemeenten_;
  std::map<std::string, PerCategory> indicatief_, verslag_;
  std::map<std::string, std::set<std::string>> groepen_;
  bool have_opgave_ = false;
  bool have_beleid_ = false;
};

}  // namespace

method::ProvinceCase case_from_inputs(const std::string& cycle, const std::string& province,
                                      const std::vector<InputView>& inputs) {
  return Builder(cycle, province).build(inputs);
}

method::ProvinceCase case_from_inputs(const std::string& cycle, const std::string& province,
                                      const std::vector<InputRecord>& inputs) {
  std::vector<InputView> views;
  views.reserve(inputs.size());
  for (const auto& r : inputs) views.push_back(InputView{r.kind, r.subject, r.body});
  return case_from_inputs(cycle, province, views);
}

}  // namespace verdeel::decision
