#include "method/rounding.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace verdeel::method {

// METHOD.md, "Rounding to whole places".
std::vector<Rounded> rond_af(const std::vector<RoundItem>& items, int64_t target) {
  std::vector<Rounded> out(items.size());
  std::vector<Rational> frac(items.size());
  int64_t sum = 0;
  for (size_t k = 0; k < items.size(); ++k) {
    out[k].floor = items[k].exact.floor();
    out[k].rounded = out[k].floor;
    frac[k] = items[k].exact - Rational(out[k].floor);
    sum += out[k].floor;
  }
  int64_t left = target - sum;
  if (left < 0 || left > static_cast<int64_t>(items.size()))
    throw std::logic_error("rounding: target " + std::to_string(target) + " unreachable from floors " +
                           std::to_string(sum));
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (frac[a] != frac[b]) return frac[a] > frac[b];
    if (items[a].ind != items[b].ind) return items[a].ind > items[b].ind;
    return items[a].code < items[b].code;
  });
  for (int64_t u = 0; u < left; ++u) {
    size_t k = order[static_cast<size_t>(u)];
    if (frac[k] == Rational(0)) throw std::logic_error("rounding: a leftover unit would go to a whole share");
    out[k].rounded += 1;
    out[k].extra_unit = true;
  }
  return out;
}

}  // namespace verdeel::method
