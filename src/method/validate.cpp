#include "method/validate.h"

#include <map>

#include "method/initiatieven.h"

#include <set>
#include <stdexcept>

namespace verdeel::method {
namespace {

[[noreturn]] void fail(const std::string& msg) { throw std::invalid_argument("verdeel::method::decide: " + msg); }

void require_known(const std::set<std::string>& codes, const std::string& code, const std::string& where) {
  if (codes.count(code) == 0) fail(where + " refers to unknown municipality code '" + code + "'");
}

void require_non_negative(const PerCategory& v, const std::string& where) {
  for (Category c : kCategories)
    if (v[c] < 0) fail(where + " has a negative number of " + std::string(name(c)) + " places");
}

void validate_policy(const Policy& p) {
  if (p.ukraine_factor < Rational(0)) fail("policy ukraine_factor is negative");
  if (p.minimum_places < 0) fail("policy minimum_places is negative");
  if (p.category_order.size() != 2 || p.category_order[0] == p.category_order[1])
    fail("policy category_order must name regulier and amv once each");
  if (p.rounding != "largest_remainder") fail("policy rounding '" + p.rounding + "' is not supported");
  if (p.tie_break != std::vector<std::string>{"indicative_desc", "code_asc"})
    fail("policy tie_break must be [indicative_desc, code_asc]");
}

}  // namespace

void validate(const ProvinceCase& c) {
  validate_policy(c.policy);
  require_non_negative(c.opgave, "opgave");
  std::set<std::string> codes;
  for (const auto& g : c.gemeenten) {
    if (g.code.empty()) fail("a municipality has an empty code");
    if (!codes.insert(g.code).second) fail("duplicate municipality code '" + g.code + "'");
    require_non_negative(g.indicatief, "indicatief of " + g.code);
    require_non_negative(g.verslag, "verslag of " + g.code);
  }
  for (const auto& i : c.initiatieven) {
    require_known(codes, i.gemeente, "initiatief");
    require_non_negative(i.plaatsen, "initiatief of " + i.gemeente);
  }
  for (const auto& [code, hist] : c.historie) {
    require_known(codes, code, "historie");
    if (hist < Rational(0)) fail("historie of " + code + " is negative");
  }
  for (const auto& [code, ukr] : c.oekraine) {
    require_known(codes, code, "oekraine");
    if (ukr.plaatsen < Rational(0) || ukr.evenredig < Rational(0)) fail("oekraine of " + code + " is negative");
  }
  for (const auto& u : c.uitruil) {
    require_known(codes, u.van, "uitruil (van)");
    require_known(codes, u.voor, "uitruil (voor)");
    if (u.van == u.voor) fail("uitruil of " + u.van + " with itself");
    if (u.plaatsen < 0) fail("uitruil from " + u.van + " to " + u.voor + " has a negative number of places");
  }
  for (const auto& g : c.groepen)
    for (const auto& lid : g.leden) require_known(codes, lid, "uitruilgroep '" + g.naam + "'");

  // Places realised for others are part of the realising municipality's own base
  // (report plus promising initiatives), so together they cannot exceed it.
  std::map<std::string, PerCategory> spare;
  for (const auto& g : c.gemeenten) spare[g.code] = g.verslag;
  for (const auto& i : c.initiatieven)
    if (is_kansrijk(i))
      for (Category cat : kCategories) spare[i.gemeente][cat] += i.plaatsen[cat];
  for (const auto& u : c.uitruil) spare[u.van][u.categorie] -= u.plaatsen;
  for (const auto& [code, left] : spare)
    for (Category cat : kCategories)
      if (left[cat] < 0)
        fail("uitruil: " + code + " realises more " + std::string(name(cat)) +
             " places for others than its base (report plus promising initiatives)");
}

}  // namespace verdeel::method
