#pragma once
// Builders, a full text dump of a Decision (for identity checks) and a
// deterministic generator of provinces for the property tests.
#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "method/decision.h"

namespace verdeel::method::test {

inline Gemeente gm(const std::string& code, int64_t ind_reg, int64_t ind_amv, int64_t rep_reg = 0, int64_t rep_amv = 0,
                   const std::string& naam = "") {
  Gemeente g;
  g.code = code;
  g.naam = naam.empty() ? "Naam " + code : naam;
  g.indicatief = {ind_reg, ind_amv};
  g.verslag = {rep_reg, rep_amv};
  return g;
}

inline ProvinceCase province(int64_t task_reg, int64_t task_amv, std::vector<Gemeente> gemeenten) {
  ProvinceCase pc;
  pc.cycle = "2024";
  pc.provincie = "Testland";
  pc.opgave = {task_reg, task_amv};
  pc.gemeenten = std::move(gemeenten);
  return pc;
}

inline const Uitkomst& uitkomst(const Decision& d, const std::string& code) {
  for (const auto& u : d.uitkomsten)
    if (u.code == code) return u;
  throw std::runtime_error("no uitkomst for " + code);
}

inline const Aandeel* aandeel(const Verdeling& v, const std::string& code) {
  for (const auto& a : v.aandelen)
    if (a.gemeente == code) return &a;
  return nullptr;
}

inline std::vector<std::string> rules_of(const Decision& d, const std::string& code, Category c) {
  std::vector<std::string> out;
  for (const auto& e : d.exclusions)
    if (e.gemeente == code && e.categorie == c) out.push_back(e.rule);
  return out;
}

inline std::string pc_str(const PerCategory& p) {
  return "(" + std::to_string(p.regulier) + "," + std::to_string(p.amv) + ")";
}

// Every field of a Decision as text; two decisions are identical iff their dumps are.
inline std::string dump(const Decision& d) {
  std::ostringstream o;
  o << d.cycle << '|' << d.provincie << '|' << d.policy.name << '\n';
  for (const auto& i : d.initiatieven) {
    o << "I " << i.initiatief.gemeente << pc_str(i.initiatief.plaatsen) << i.kansrijk;
    for (const auto& c : i.initiatief.criteria) o << ' ' << c;
    o << '\n';
  }
  for (const auto& b : d.basis) o << "B " << b.gemeente << pc_str(b.verslag) << pc_str(b.initiatieven) << pc_str(b.basis) << '\n';
  const auto& r = d.restopgave;
  o << "R " << pc_str(r.opgave) << pc_str(r.basis_som) << pc_str(r.rest) << r.one_to_one << '\n';
  for (const auto& t : d.toerekening)
    o << "T " << t.gemeente << pc_str(t.basis) << pc_str(t.voor_anderen) << pc_str(t.door_anderen) << pc_str(t.attr) << '\n';
  for (const auto& e : d.exclusions) {
    o << "X " << e.gemeente << ' ' << name(e.categorie) << ' ' << e.rule << ' ' << e.round << ' ' << e.detail;
    for (const auto& f : e.figures) o << ' ' << f.name << '=' << f.value.to_string();
    o << '\n';
  }
  for (const auto& v : d.verdelingen) {
    o << "V " << name(v.categorie) << ' ' << v.rest << ' ' << v.rounds << ' ' << (v.p ? v.p->to_string() : "none") << ' '
      << v.placed << ' ' << v.shortfall << " E";
    for (const auto& s : v.eligible) o << ' ' << s;
    o << " P";
    for (const auto& s : v.participants) o << ' ' << s;
    o << '\n';
    for (const auto& a : v.aandelen)
      o << "A " << a.gemeente << pc_str(a.ind) << a.attr.to_string() << ' ' << a.head << ' ' << a.exact.to_string() << ' '
        << a.capped << ' ' << a.floor << ' ' << a.rounded << ' ' << a.extra_unit << '\n';
  }
  for (const auto& u : d.uitkomsten) {
    o << "U " << u.code << ' ' << u.naam << pc_str(u.indicatief) << pc_str(u.basis) << pc_str(u.extra) << pc_str(u.besluit);
    for (const auto& [c, rules] : u.excluded) {
      o << ' ' << name(c) << ':';
      for (const auto& x : rules) o << x << ',';
    }
    o << '\n';
  }
  o << "S " << pc_str(d.verslag_som) << pc_str(d.besluit_som) << '\n';
  return o.str();
}

// A realistic random province: up to 70 municipalities, ind up to 5000.
inline ProvinceCase random_province(std::mt19937& rng) {
  auto uni = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
  ProvinceCase pc;
  pc.cycle = "2024";
  pc.provincie = "Random";
  const int64_t n = uni(1, 70);
  std::vector<int64_t> numbers(9999);
  for (size_t k = 0; k < numbers.size(); ++k) numbers[k] = static_cast<int64_t>(k) + 1;
  std::shuffle(numbers.begin(), numbers.end(), rng);
  static const std::vector<std::string> names = {"Assen", "Emmen", "Borger", "Coevorden", "Meppel", "Aa en Hunze",
                                                 "Tynaarlo", "Westerveld", "De Wolden", "Noordenveld"};
  PerCategory sum_ind;
  for (int64_t k = 0; k < n; ++k) {
    char code[16];
    std::snprintf(code, sizeof code, "GM%04d", static_cast<int>(numbers[static_cast<size_t>(k)]));
    int64_t ind_reg = uni(0, 9) == 0 ? uni(0, 20) : uni(10, 5000);
    int64_t ind_amv = uni(0, 4) == 0 ? 0 : uni(1, std::max<int64_t>(1, ind_reg / 8));
    int64_t rep_reg = uni(0, 3) == 0 ? 0 : uni(0, ind_reg + ind_reg / 2);
    int64_t rep_amv = uni(0, 2) == 0 ? 0 : uni(0, ind_amv + 3);
    pc.gemeenten.push_back(gm(code, ind_reg, ind_amv, rep_reg, rep_amv, names[static_cast<size_t>(uni(0, 9))]));
    sum_ind.regulier += ind_reg;
    sum_ind.amv += ind_amv;
  }
  for (Category c : kCategories) pc.opgave[c] = sum_ind[c] * uni(40, 110) / 100 + uni(0, 30);

  const auto& crit = kansrijk_criteria();
  for (int64_t k = uni(0, 6); k > 0; --k) {
    Initiatief i;
    i.gemeente = pc.gemeenten[static_cast<size_t>(uni(0, n - 1))].code;
    i.plaatsen = {uni(0, 300), uni(0, 20)};
    for (const auto& c : crit)
      if (uni(0, 2) == 0) i.criteria.push_back(c);
    pc.initiatieven.push_back(i);
  }
  for (const auto& g : pc.gemeenten) {
    if (uni(0, 3) == 0) pc.historie[g.code] = Rational::of(uni(0, 60000), 10);
    if (uni(0, 3) == 0) pc.oekraine[g.code] = {Rational(uni(0, 800)), Rational::of(uni(1, 4000), 10)};
  }
  // Exchanges from a municipality's own report only, so voor_anderen <= base.
  std::vector<PerCategory> spare;
  for (const auto& g : pc.gemeenten) spare.push_back(g.verslag);
  for (int64_t k = uni(0, 5); k > 0 && n > 1; --k) {
    size_t a = static_cast<size_t>(uni(0, n - 1)), b = static_cast<size_t>(uni(0, n - 1));
    if (a == b) continue;
    Category c = uni(0, 3) == 0 ? Category::amv : Category::regulier;
    if (spare[a][c] == 0) continue;
    int64_t m = uni(1, spare[a][c]);
    spare[a][c] -= m;
    pc.uitruil.push_back({pc.gemeenten[a].code, pc.gemeenten[b].code, c, m});
  }
  for (int64_t k = uni(0, 2); k > 0; --k) {
    Uitruilgroep g;
    g.naam = "groep" + std::to_string(k);
    for (int64_t m = uni(2, 4); m > 0; --m) g.leden.push_back(pc.gemeenten[static_cast<size_t>(uni(0, n - 1))].code);
    pc.groepen.push_back(g);
  }
  pc.policy.meets_indicative_basis = uni(0, 3) == 0 ? MeetsBasis::per_category : MeetsBasis::total;
  pc.policy.minimum_exclusion = uni(0, 3) == 0 ? MinimumExclusion::all_at_once : MinimumExclusion::smallest_first;
  if (uni(0, 4) == 0) pc.policy.category_order = {Category::amv, Category::regulier};
  return pc;
}

}  // namespace verdeel::method::test
