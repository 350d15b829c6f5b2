// The per-municipality summary of `show --format html` (report/summary.h).
#include <catch2/catch.hpp>

#include "report/summary.h"

using namespace verdeel;
using namespace verdeel::report;

namespace {

std::string all_of(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("a share is written exactly, and 'circa' only beside a figure that is rounded", "[report]") {
  DecisionView v;
  v.remainder.regulier = 10;
  v.category_order = {"regulier"};
  v.percentage["regulier"] = Rational::of(1, 2);
  GemeenteRow g;
  g.code = "GM0001";
  ShareFact s;
  s.exact = Rational::of(5, 2);
  s.head = 9;
  s.rounded = 2;
  g.shares["regulier"] = s;
  const std::string exact = all_of(gemeente_summary(v, g));
  CHECK_THAT(exact, Catch::Contains("aandeel exact 5/2 (2,5)"));
  CHECK_THAT(exact, !Catch::Contains("circa"));

  g.shares["regulier"].exact = Rational::of(27, 10) + Rational::of(1, 300);  // 2,70333...: rounded
  const std::string rounded = all_of(gemeente_summary(v, g));
  CHECK_THAT(rounded, Catch::Contains("(circa 2,70)"));
}
