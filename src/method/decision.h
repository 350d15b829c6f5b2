#pragma once
// What the method computes for one province: every intermediate step and the
// final allocation (METHOD.md, steps 1-4b and "The decision"). Every vector is
// in a deterministic order that does not depend on the order of input rows.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "method/case.h"

namespace verdeel::method {

// Step 2: one initiative and whether it is promising. In the order of
// ProvinceCase::initiatieven sorted by (gemeente, regulier, amv, criteria).
struct InitiatiefOutcome {
  Initiatief initiatief;
  bool kansrijk = false;
};

// Steps 1-2 per municipality, ordered by code.
struct Basis {
  std::string gemeente;
  PerCategory verslag;       // step 1
  PerCategory initiatieven;  // promising initiatives added (step 2)
  PerCategory basis;         // base[i][c] = verslag + initiatieven
};

// Step 3.
struct Restopgave {
  PerCategory opgave;     // T[c]
  PerCategory basis_som;  // Σ base[i][c]
  PerCategory rest;       // max(0, T - Σ base)
  bool one_to_one = false;  // rest is 0 in both categories: report adopted one to one
};

// Step 4a: attributed places per municipality, ordered by code.
struct Toerekening {
  std::string gemeente;
  PerCategory basis;
  PerCategory voor_anderen;  // Σ n of exchanges by i for others
  PerCategory door_anderen;  // Σ n of exchanges for i by others
  PerCategory attr;          // basis - voor_anderen + door_anderen
};

// A named figure a rule compared, e.g. {"attrTot", 812} or {"indTot", 640}.
struct Figure {
  std::string name;
  Rational value;
};

// Step 4a/4b: one rule that holds for one municipality in one category.
// Ordered by (categorie in policy order, gemeente code, rule in the order of
// METHOD.md's table). below_minimum carries the round in which it was removed.
struct Exclusion {
  std::string gemeente;
  Category categorie = Category::regulier;
  std::string rule;  // meets_indicative | history | ukraine | exchange_full | exchange_group | below_minimum
  std::vector<Figure> figures;
  int round = 0;     // below_minimum only: 1 for the first removal round
  std::string detail;  // exchange_group only: the group's naam (one Exclusion per group that holds)
};

// Step 4b: one municipality's share of one category's remainder.
struct Aandeel {
  std::string gemeente;
  PerCategory ind;        // indicatief, for reference
  Rational attr;          // attr[i][c]
  int64_t head = 0;       // head[i][c]
  Rational exact;         // e[i](p)
  bool capped = false;    // exact == head (and head was binding)
  int64_t floor = 0;      // floor(exact)
  int64_t rounded = 0;    // after largest-remainder rounding
  bool extra_unit = false;// received one of the leftover units
};

// Step 4b for one category, in policy order.
struct Verdeling {
  Category categorie = Category::regulier;
  int64_t rest = 0;
  std::vector<std::string> eligible;       // S after step 4a, by code
  std::vector<std::string> participants;   // final S after the minimum, by code
  int rounds = 0;                          // how many times p was found
  std::optional<Rational> p;               // none: no remainder, or shortfall
  int64_t placed = 0;                      // Σ rounded
  int64_t shortfall = 0;                   // rest - placed (0 unless every member is at its cap)
  std::vector<Aandeel> aandelen;           // one per participant, by code
};

// The final allocation per municipality, ordered by name then code.
struct Uitkomst {
  std::string code;
  std::string naam;
  PerCategory indicatief;
  PerCategory basis;
  PerCategory extra;
  PerCategory besluit;  // final = basis + extra
  std::map<Category, std::vector<std::string>> excluded;  // rule codes per category, METHOD.md order
};

struct Decision {
  std::string cycle;
  std::string provincie;
  Policy policy;
  std::vector<InitiatiefOutcome> initiatieven;
  std::vector<Basis> basis;
  Restopgave restopgave;
  std::vector<Toerekening> toerekening;  // empty when one_to_one
  std::vector<Exclusion> exclusions;
  std::vector<Verdeling> verdelingen;    // one per category with rest > 0, in policy order
  std::vector<Uitkomst> uitkomsten;
  PerCategory verslag_som;  // Σ rep
  PerCategory besluit_som;  // Σ final

  const Verdeling* verdeling(Category c) const {
    for (const auto& v : verdelingen)
      if (v.categorie == c) return &v;
    return nullptr;
  }
};

// Runs the whole method. Pure and deterministic. Throws std::invalid_argument
// for a case that violates its preconditions (unknown code, duplicate code),
// which validation in casefile/ rules out beforehand.
Decision decide(const ProvinceCase& c);

}  // namespace verdeel::method
