#include "method/waterfill.h"

#include <algorithm>
#include <stdexcept>

namespace verdeel::method {

Rational share(const WaterMember& m, const Rational& p) {
  if (m.ind == 0) return 0;  // p * 0 - attr <= 0: nothing
  return min(Rational(m.head), max(Rational(0), p * Rational(m.ind) - Rational(m.attr)));
}

int64_t reachable(const WaterMember& m) { return m.ind == 0 ? 0 : m.head; }

namespace {

Rational total_at(const std::vector<WaterMember>& members, const Rational& p) {
  Rational sum = 0;
  for (const auto& m : members) sum += share(m, p);
  return sum;
}

}  // namespace

// Toelichting, stap 4b ("eenzelfde percentage ... niet meer dan het totaal ... uit de
// indicatieve verdeling"); METHOD.md step 4b.
WaterResult waterfill(const std::vector<WaterMember>& members, int64_t rest) {
  WaterResult r;
  int64_t can = 0;
  for (const auto& m : members) can += reachable(m);
  if (can < rest) {  // METHOD.md step 4b, shortfall: everyone at its cap, no percentage
    r.shortfall = rest - can;
    for (const auto& m : members) r.exact.push_back(reachable(m));
    return r;
  }
  if (rest <= 0) {
    r.p = Rational(0);
    r.exact.assign(members.size(), Rational(0));
    return r;
  }
  // Breakpoints of the piecewise linear, non-decreasing Σ e(p).
  std::vector<Rational> points = {Rational(0)};
  for (const auto& m : members) {
    if (m.ind == 0) continue;
    points.push_back(Rational::of(m.attr, m.ind));
    points.push_back(Rational::of(m.attr + m.head, m.ind));
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  // Σ e(points[0]) = 0 < rest, since points[0] = 0 <= attr/ind for all members. Σ e(p) is
  // non-decreasing, so the first breakpoint where it reaches rest is found by bisection: the same
  // breakpoint a walk from the left finds, in O(n log n) instead of O(n^2) (tests/method/waterfill_test).
  const Rational target(rest);
  auto reached = std::partition_point(points.begin() + 1, points.end(),
                                      [&](const Rational& q) { return total_at(members, q) < target; });
  if (reached != points.end()) {
    const size_t k = static_cast<size_t>(reached - points.begin());
    const Rational& lo = points[k - 1];
    const Rational& hi = points[k];
    // On (lo, hi] Σ e(p) = Σ_active (p*ind - attr) + Σ_capped head.
    int64_t capped = 0, active_ind = 0, active_attr = 0;
    for (const auto& m : members) {
      if (m.ind == 0) continue;
      Rational low = Rational::of(m.attr, m.ind);
      Rational high = Rational::of(m.attr + m.head, m.ind);
      if (high <= lo) {
        capped += m.head;
      } else if (low <= lo && high >= hi) {
        active_ind += m.ind;
        active_attr += m.attr;
      }
    }
    if (active_ind == 0) throw std::logic_error("waterfill: no slope on the segment that reaches the rest");
    Rational p = Rational::of(rest - capped + active_attr, active_ind);
    if (total_at(members, p) != target) throw std::logic_error("waterfill: shares do not sum to the rest");
    r.p = p;
    for (const auto& m : members) r.exact.push_back(share(m, p));
    return r;
  }
  throw std::logic_error("waterfill: the rest is not reached although the heads suffice");
}

}  // namespace verdeel::method
