#include <catch2/catch.hpp>

#include "method/initiatieven.h"

using namespace verdeel::method;

TEST_CASE("An initiative with any one of the four criteria is promising", "[method]") {
  auto criterion = GENERATE(as<std::string>{}, "besluitvorming", "locatie_voor_raming", "verlenging", "toezegging");
  Initiatief i{"GM0001", {10, 2}, {criterion}};
  CHECK(is_kansrijk(i));
}

TEST_CASE("An initiative without criteria, or with only unknown ones, is not promising", "[method]") {
  CHECK_FALSE(is_kansrijk(Initiatief{"GM0001", {10, 2}, {}}));
  CHECK_FALSE(is_kansrijk(Initiatief{"GM0001", {10, 2}, {"intentie"}}));
  CHECK(is_kansrijk(Initiatief{"GM0001", {10, 2}, {"intentie", "toezegging"}}));
}

TEST_CASE("Initiative outcomes are ordered independent of the input order", "[method]") {
  std::vector<Initiatief> in = {{"GM0002", {1, 0}, {}}, {"GM0001", {5, 0}, {"verlenging"}}, {"GM0001", {3, 1}, {}}};
  auto out = beoordeel_initiatieven(in);
  REQUIRE(out.size() == 3);
  CHECK(out[0].initiatief.gemeente == "GM0001");
  CHECK(out[0].initiatief.plaatsen.regulier == 3);
  CHECK_FALSE(out[0].kansrijk);
  CHECK(out[1].initiatief.plaatsen.regulier == 5);
  CHECK(out[1].kansrijk);
  CHECK(out[2].initiatief.gemeente == "GM0002");
  std::reverse(in.begin(), in.end());
  auto again = beoordeel_initiatieven(in);
  for (size_t k = 0; k < out.size(); ++k) CHECK(again[k].initiatief.plaatsen == out[k].initiatief.plaatsen);
}
