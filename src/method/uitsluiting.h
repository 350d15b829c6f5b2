#pragma once
// Step 4a: who is excluded from the remainder of a category (Toelichting,
// stap 4a; METHOD.md step 4a, table of rules). Each rule is a small function
// that returns the figures it compared when it holds, nullopt otherwise.
#include <optional>
#include <vector>

#include "method/decision.h"

namespace verdeel::method {

using Figures = std::vector<Figure>;

// meets_indicative: attrTot >= indTot (basis total) or attr[c] >= ind[c] (per_category).
std::optional<Figures> rule_meets_indicative(MeetsBasis basis, Category c, const PerCategory& attr,
                                             const PerCategory& ind);
// history: hist > indTot, strictly. No row: never holds.
std::optional<Figures> rule_history(const std::optional<Rational>& hist, int64_t ind_tot);
// ukraine: ukr > factor * ukrFair, strictly. No row: never holds.
std::optional<Figures> rule_ukraine(const std::optional<Oekraine>& ukr, const Rational& factor);
// exchange_full (regulier only): places realised for i by others >= 1 and >= ind[regulier].
std::optional<Figures> rule_exchange_full(Category c, int64_t door_anderen, int64_t ind_regulier);
// exchange_group (regulier only): Σ attr[g][regulier] >= Σ ind[g][regulier] over the members.
std::optional<Figures> rule_exchange_group(Category c, int64_t group_attr, int64_t group_ind);

// Position of a rule code in METHOD.md's table (meets_indicative = 0 ... below_minimum = 5).
int rule_rank(const std::string& rule);

// Every rule that holds for every municipality in category c (callers only ask
// for categories with rest > 0), ordered by (gemeente, rule, detail).
std::vector<Exclusion> uitsluitingen(const ProvinceCase& pc, const std::vector<Toerekening>& toerekening, Category c);

}  // namespace verdeel::method
