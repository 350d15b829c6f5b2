#pragma once
// The inputs of one decision: one province in one cycle (METHOD.md, "Terms").
// Plain values; the method never reads files or records itself.
#include <map>
#include <string>
#include <vector>

#include "method/category.h"
#include "method/policy.h"
#include "util/rational.h"

namespace verdeel::method {

struct Gemeente {
  std::string code;       // CBS code, "GM0106"
  std::string naam;       // "Assen"
  PerCategory indicatief; // ind[i][c]
  PerCategory verslag;    // rep[i][c]; zero when the report has no row
};

// The four criteria that make an initiative promising (Toelichting, stap 2).
inline const std::vector<std::string>& kansrijk_criteria() {
  static const std::vector<std::string> all = {"besluitvorming", "locatie_voor_raming", "verlenging",
                                               "toezegging"};
  return all;
}

struct Initiatief {
  std::string gemeente;               // code
  PerCategory plaatsen;
  std::vector<std::string> criteria;  // subset of kansrijk_criteria(), may be empty
};

struct Oekraine {
  Rational plaatsen;   // ukr[i]
  Rational evenredig;  // ukrFair[i]
};

struct Uitruil {
  std::string van;   // realises the places
  std::string voor;  // the places count for this municipality
  Category categorie = Category::regulier;
  int64_t plaatsen = 0;
};

struct Uitruilgroep {
  std::string naam;
  std::vector<std::string> leden;  // codes
};

struct ProvinceCase {
  std::string cycle;     // "2024"
  std::string provincie; // "Drenthe"
  PerCategory opgave;    // T[c]
  std::vector<Gemeente> gemeenten;
  std::vector<Initiatief> initiatieven;
  std::map<std::string, Rational> historie;  // hist[i] by code; absent = no exclusion by history
  std::map<std::string, Oekraine> oekraine;  // by code; absent = no exclusion by Ukraine
  std::vector<Uitruil> uitruil;
  std::vector<Uitruilgroep> groepen;
  Policy policy;
};

}  // namespace verdeel::method
