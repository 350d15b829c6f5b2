// Properties of decide() over many generated provinces (deterministic seeds).
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace verdeel;
using namespace verdeel::method;
using namespace verdeel::method::test;

namespace {

constexpr int kProvinces = 500;

std::map<std::string, PerCategory> attr_of(const Decision& d) {
  std::map<std::string, PerCategory> out;
  for (const auto& t : d.toerekening) out[t.gemeente] = t.attr;
  return out;
}

template <class T>
void shuffle_rows(std::vector<T>& v, std::mt19937& rng) {
  std::shuffle(v.begin(), v.end(), rng);
}

}  // namespace

TEST_CASE("Generated provinces: extras sum exactly to the remainder minus the shortfall", "[method]") {
  std::mt19937 rng(20240101);
  int with_rest = 0, with_shortfall = 0;
  for (int k = 0; k < kProvinces; ++k) {
    ProvinceCase pc = random_province(rng);
    Decision d = decide(pc);
    PerCategory extra_sum;
    for (const auto& u : d.uitkomsten)
      for (Category c : kCategories) extra_sum[c] += u.extra[c];
    for (Category c : kCategories) {
      const Verdeling* v = d.verdeling(c);
      if (!v) {
        CHECK(d.restopgave.rest[c] == 0);
        CHECK(extra_sum[c] == 0);
        continue;
      }
      ++with_rest;
      if (v->shortfall > 0) ++with_shortfall;
      CHECK(v->rest == d.restopgave.rest[c]);
      CHECK(v->shortfall >= 0);
      CHECK(v->placed == v->rest - v->shortfall);
      CHECK(extra_sum[c] == v->placed);
      CHECK(v->p.has_value() == (v->shortfall == 0));
      Rational exact = 0;
      for (const auto& a : v->aandelen) exact += a.exact;
      CHECK(exact == Rational(v->placed));
    }
    for (Category c : kCategories) CHECK(d.besluit_som[c] == d.restopgave.basis_som[c] + extra_sum[c]);
  }
  // The generator exercises remainders and shortfalls.
  CHECK(with_rest > kProvinces / 2);
  CHECK(with_shortfall > 0);
}

TEST_CASE("Generated provinces: nobody passes its cap, and the excluded get nothing", "[method]") {
  std::mt19937 rng(777);
  for (int k = 0; k < kProvinces; ++k) {
    ProvinceCase pc = random_province(rng);
    Decision d = decide(pc);
    auto attr = attr_of(d);
    for (const auto& u : d.uitkomsten) {
      if (u.extra.total() == 0) continue;
      INFO("province " << k << " municipality " << u.code);
      CHECK(attr.at(u.code).total() + u.extra.total() <= u.indicatief.total());
      for (const auto& [c, rules] : u.excluded) CHECK(u.extra[c] == 0);
    }
  }
}

TEST_CASE("Generated provinces: no participant receives more than zero but fewer than the minimum", "[method]") {
  std::mt19937 rng(4242);
  int removed = 0;
  for (int k = 0; k < kProvinces; ++k) {
    ProvinceCase pc = random_province(rng);
    Decision d = decide(pc);
    for (const auto& u : d.uitkomsten)
      for (Category c : kCategories) CHECK((u.extra[c] == 0 || u.extra[c] >= pc.policy.minimum_places));
    for (const auto& e : d.exclusions)
      if (e.rule == "below_minimum") ++removed;
  }
  CHECK(removed > 0);
}

TEST_CASE("Generated provinces: an uncapped receiver ends within one place of p times its indicative", "[method]") {
  std::mt19937 rng(99);
  int checked = 0;
  for (int k = 0; k < kProvinces; ++k) {
    ProvinceCase pc = random_province(rng);
    Decision d = decide(pc);
    auto attr = attr_of(d);
    for (const auto& v : d.verdelingen) {
      if (!v.p) continue;
      for (const auto& a : v.aandelen) {
        const Uitkomst& u = uitkomst(d, a.gemeente);
        if (a.rounded == 0 || attr.at(a.gemeente).total() + u.extra.total() >= u.indicatief.total()) continue;
        Rational diff = Rational(attr.at(a.gemeente)[v.categorie] + a.rounded) - *v.p * Rational(a.ind[v.categorie]);
        INFO("province " << k << " municipality " << a.gemeente << " diff " << diff.to_string());
        CHECK(diff < Rational(1));
        CHECK(diff > Rational(-1));
        ++checked;
      }
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("Generated provinces: shuffling the input rows gives an identical decision", "[method]") {
  std::mt19937 rng(31337);
  for (int k = 0; k < kProvinces; ++k) {
    ProvinceCase pc = random_province(rng);
    std::string expected = dump(decide(pc));
    ProvinceCase shuffled = pc;
    shuffle_rows(shuffled.gemeenten, rng);
    shuffle_rows(shuffled.initiatieven, rng);
    shuffle_rows(shuffled.uitruil, rng);
    shuffle_rows(shuffled.groepen, rng);
    for (auto& g : shuffled.groepen) shuffle_rows(g.leden, rng);
    INFO("province " << k);
    CHECK(dump(decide(shuffled)) == expected);
  }
}

TEST_CASE("Generated provinces of realistic size never overflow the rationals", "[method]") {
  std::mt19937 rng(5000);
  for (int k = 0; k < kProvinces; ++k) {
    ProvinceCase pc = random_province(rng);
    INFO("province " << k);
    CHECK_NOTHROW(decide(pc));
  }
  SECTION("the largest province: 70 municipalities at 5000 places each") {
    std::vector<Gemeente> g;
    for (int i = 0; i < 70; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "GM%04d", 1000 + i);
      g.push_back(gm(code, 5000 - i * 7, 500 - i, (i * 37) % 4000, i % 9));
    }
    auto pc = province(349999, 34000, g);
    Decision d;
    REQUIRE_NOTHROW(d = decide(pc));
    CHECK(d.besluit_som[Category::regulier] + d.verdeling(Category::regulier)->shortfall == 349999);
  }
}
