#include <catch2/catch.hpp>

#include <algorithm>

#include "decision/policy_json.h"
#include "decision/records.h"
#include "decision/whatif.h"

using verdeel::Json;
using verdeel::Rational;
namespace decision = verdeel::decision;
namespace method = verdeel::method;
using decision::InputRecord;
using decision::Setting;

namespace {

InputRecord places(const std::string& kind, const std::string& code, int64_t regulier, int64_t amv) {
  return {kind, code, Json{{"gemeente", code}, {"regulier", regulier}, {"amv", amv}}};
}

// Four municipalities; Dal (GM0004) is excluded by history 30 > 22.
std::vector<InputRecord> inputs() {
  std::vector<InputRecord> v;
  const char* names[] = {"Aa", "Beek", "Cuijk", "Dal"};
  for (int i = 0; i < 4; ++i) {
    std::string code = "GM000" + std::to_string(i + 1);
    v.push_back({"input.gemeente", code, Json{{"code", code}, {"naam", names[i]}, {"provincie", "P"}}});
  }
  v.push_back({"input.opgave", "", Json{{"provincie", "P"}, {"regulier", 200}, {"amv", 20}}});
  v.push_back(places("input.indicatief", "GM0001", 60, 6));
  v.push_back(places("input.indicatief", "GM0002", 60, 6));
  v.push_back(places("input.indicatief", "GM0003", 60, 6));
  v.push_back(places("input.indicatief", "GM0004", 20, 2));
  v.push_back(places("input.verslag", "GM0001", 30, 0));
  v.push_back(places("input.verslag", "GM0002", 70, 0));
  v.push_back(places("input.verslag", "GM0003", 10, 0));
  v.push_back({"input.historie", "GM0004", Json{{"gemeente", "GM0004"}, {"gemiddeld", 30}}});
  return v;
}

decision::NumberParsers parsers() {
  decision::NumberParsers p;
  p.whole = [](const std::string& t, std::string& why) -> std::optional<int64_t> {
    if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) {
      why = "'" + t + "' is not a whole number";
      return std::nullopt;
    }
    return std::stoll(t);
  };
  p.decimal = [](const std::string& t, std::string& why) -> std::optional<Rational> {
    try {
      return decision::policy_json_detail::decimal_string("x", t);
    } catch (const std::exception& e) {
      why = e.what();
      return std::nullopt;
    }
  };
  return p;
}

const InputRecord* find(const std::vector<InputRecord>& v, const std::string& kind, const std::string& subject) {
  for (const auto& r : v)
    if (r.kind == kind && r.subject == subject) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("a setting is KEY=VALUE, split at the first '='", "[decision][whatif]") {
  auto s = decision::parse_setting("historie.GM0004=12,3");
  CHECK(s.key == "historie.GM0004");
  CHECK(s.value == "12,3");
  CHECK(decision::parse_setting("a=b=c").value == "b=c");
  CHECK_THROWS_AS(decision::parse_setting("minimum_places"), decision::WhatIfError);
  CHECK_THROWS_AS(decision::parse_setting("=5"), decision::WhatIfError);
  CHECK_THROWS_AS(decision::parse_setting("minimum_places="), decision::WhatIfError);
}

TEST_CASE("input settings change exactly the named row, by code or by name, and say what they changed",
          "[decision][whatif]") {
  auto alt = decision::apply_settings(inputs(),
                                      {{"historie.dal", "12,3"},
                                       {"verslag.Cuijk.amv", "4"},
                                       {"verslag.GM0004.regulier", "5"},
                                       {"indicatief.GM0001.regulier", "61"},
                                       {"opgave.regulier", "201"},
                                       {"oekraine.Beek.plaatsen", "9"}},
                                      parsers());
  REQUIRE(alt.changes.size() == 6);
  CHECK(find(alt.inputs, "input.historie", "GM0004")->body["gemiddeld"] == Json{{"num", 123}, {"den", 10}});
  CHECK(alt.changes[0].before == 30);
  CHECK(alt.changes[0].gemeente == "GM0004");
  CHECK(alt.changes[0].naam == "Dal");
  CHECK(find(alt.inputs, "input.verslag", "GM0003")->body == Json{{"gemeente", "GM0003"}, {"regulier", 10}, {"amv", 4}});
  // A report row that did not exist is created, the other category 0.
  CHECK(find(alt.inputs, "input.verslag", "GM0004")->body == Json{{"gemeente", "GM0004"}, {"regulier", 5}, {"amv", 0}});
  CHECK(alt.changes[2].before.is_null());
  CHECK(find(alt.inputs, "input.indicatief", "GM0001")->body["regulier"] == 61);
  CHECK(find(alt.inputs, "input.opgave", "")->body["regulier"] == 201);
  CHECK(find(alt.inputs, "input.oekraine", "GM0002")->body == Json{{"gemeente", "GM0002"}, {"plaatsen", 9}, {"evenredig", 0}});
  // The recorded inputs themselves are untouched.
  CHECK(find(inputs(), "input.historie", "GM0004")->body["gemiddeld"] == 30);
}

TEST_CASE("policy settings become an input.beleid override the method accepts", "[decision][whatif]") {
  auto alt = decision::apply_settings(
      inputs(), {{"minimum_places", "3"}, {"category_order", "amv,regulier"}, {"ukraine_factor", "2,5"}}, parsers());
  const InputRecord* beleid = find(alt.inputs, "input.beleid", "");
  REQUIRE(beleid);
  auto policy = decision::policy_from_json(beleid->body);
  CHECK(policy.minimum_places == 3);
  CHECK(policy.category_order == std::vector<method::Category>{method::Category::amv, method::Category::regulier});
  CHECK(policy.ukraine_factor == Rational::of(5, 2));
  CHECK(alt.changes[0].before == 5);
  CHECK(alt.changes[0].after == 3);
}

TEST_CASE("unknown keys, municipalities, categories and values are refused naming the setting", "[decision][whatif]") {
  auto refused = [](Setting s, const std::string& says) {
    INFO(s.key << "=" << s.value);
    try {
      decision::apply_settings(inputs(), {s}, parsers());
      FAIL("accepted");
    } catch (const decision::WhatIfError& e) {
      CHECK(std::string(e.what()).find(says) != std::string::npos);
      CHECK(std::string(e.what()).find(s.key) != std::string::npos);
    }
  };
  refused({"colour", "blue"}, "unknown key");
  refused({"historie.Atlantis", "3"}, "unknown municipality 'Atlantis'");
  refused({"verslag.GM0001.kinderen", "3"}, "unknown category");
  refused({"verslag.GM0001", "3"}, "expected verslag.G.regulier");
  refused({"minimum_places", "-1"}, "not a whole number");
  refused({"minimum_exclusion", "random"}, "unknown value 'random'");
  refused({"category_order", "amv"}, "category_order");
  refused({"historie.GM0001", "12,3,4"}, "12,3,4");
}

TEST_CASE("compare_outcomes: a lower history figure lets Dal take part, others give way", "[decision][whatif]") {
  // A recorded run made of the result records of the unchanged decision.
  auto d0 = method::decide(decision::case_from_inputs("2024", "P", inputs()));
  std::vector<decision::InputRef> refs;
  for (const auto& i : inputs()) refs.push_back({i.kind, i.subject, i.body, std::string(64, 'a')});
  decision::Run run;
  run.cycle = "2024";
  run.province = "P";
  run.number = 1;
  run.records.push_back({1, "decision.start", "", Json::object(), ""});
  int64_t seq = 2;
  for (const auto& s : decision::decision_records(d0, refs, "set")) run.records.push_back({seq++, s.kind, s.subject, Json::parse(s.body.str()), ""});

  auto same = decision::compare_outcomes(run, d0);
  CHECK_FALSE(same.any_difference());
  CHECK(same.rows.size() == 4);

  auto alt = decision::apply_settings(inputs(), {{"historie.Dal", "22"}}, parsers());  // 22 is not > 22
  auto d1 = method::decide(decision::case_from_inputs("2024", "P", alt.inputs));
  auto cmp = decision::compare_outcomes(run, d1);
  CHECK(cmp.any_difference());
  const auto& dal = *std::find_if(cmp.rows.begin(), cmp.rows.end(), [](const auto& r) { return r.code == "GM0004"; });
  CHECK(dal.recorded_excluded.at("regulier") == std::vector<std::string>{"history"});
  CHECK(dal.alternative_excluded.at("regulier").empty());
  CHECK(dal.alternative_extra.regulier > 0);
  CHECK(cmp.categories[0].recorded_rest == cmp.categories[0].alternative_rest);
  CHECK(cmp.categories[0].alternative_p < cmp.categories[0].recorded_p);
}

TEST_CASE("uitruilgroep.G=geen that leaves one member dissolves the group, and says so", "[decision][whatif]") {
  // A group of one is no group: import refuses one, so a what-if must not make one.
  auto v = inputs();
  auto member = [](const std::string& groep, const std::string& code) {
    return InputRecord{"input.uitruilgroep", code, Json{{"groep", groep}, {"gemeente", code}}};
  };
  v.push_back(member("Twee", "GM0001"));
  v.push_back(member("Twee", "GM0002"));
  v.push_back(member("Drie", "GM0003"));
  v.push_back(member("Drie", "GM0004"));
  auto groups = [](const decision::Alternative& a) {
    std::vector<std::string> out;
    for (const auto& r : a.inputs)
      if (r.kind == "input.uitruilgroep") out.push_back(r.body["groep"].get<std::string>() + ":" + r.subject);
    return out;
  };
  auto alt = decision::apply_settings(v, {{"uitruilgroep.Aa", "geen"}}, parsers());
  CHECK(groups(alt) == std::vector<std::string>{"Drie:GM0003", "Drie:GM0004"});
  REQUIRE(alt.changes.size() == 2);
  CHECK(alt.changes[0].gemeente == "GM0001");
  CHECK(alt.changes[0].field.empty());
  CHECK(alt.changes[1].key == "uitruilgroep.Aa");
  CHECK(alt.changes[1].gemeente == "GM0002");
  CHECK(alt.changes[1].naam == "Beek");
  CHECK(alt.changes[1].field == "alone");
  CHECK(alt.changes[1].before == Json::array({Json{{"groep", "Twee"}, {"gemeente", "GM0002"}}}));
  CHECK(alt.changes[1].after.is_null());
  // A group of three keeps its other two.
  v.push_back(member("Drie", "GM0002"));
  v.erase(std::remove_if(v.begin(), v.end(),
                         [](const InputRecord& r) { return r.kind == "input.uitruilgroep" && r.body["groep"] == "Twee"; }),
          v.end());
  auto three = decision::apply_settings(v, {{"uitruilgroep.Cuijk", "geen"}}, parsers());
  CHECK(groups(three) == std::vector<std::string>{"Drie:GM0004", "Drie:GM0002"});
  CHECK(three.changes.size() == 1);
}

TEST_CASE("kansrijk.G, uitruil.G and uitruilgroep.G take out every row G takes part in, and say which",
          "[decision][whatif]") {
  auto v = inputs();
  auto initiative = [](const std::string& code, int64_t regulier) {
    return InputRecord{"input.kansrijk", code,
                       Json{{"gemeente", code}, {"regulier", regulier}, {"amv", 0}, {"criteria", {"toezegging"}}}};
  };
  v.push_back(initiative("GM0001", 10));
  v.push_back(initiative("GM0001", 5));
  v.push_back(initiative("GM0002", 7));
  auto exchange = [](const std::string& van, const std::string& voor) {
    return InputRecord{"input.uitruil", van,
                       Json{{"van", van}, {"voor", voor}, {"categorie", "regulier"}, {"plaatsen", 3}}};
  };
  v.push_back(exchange("GM0001", "GM0002"));
  v.push_back(exchange("GM0003", "GM0001"));
  v.push_back(exchange("GM0002", "GM0003"));
  for (const char* code : {"GM0001", "GM0002", "GM0003"})
    v.push_back({"input.uitruilgroep", code, Json{{"groep", "Noord"}, {"gemeente", code}}});
  const size_t before = v.size();

  auto alt = decision::apply_settings(v, {{"kansrijk.Aa", "geen"}, {"uitruil.GM0001", "none"}, {"uitruilgroep.Cuijk", "GEEN"}},
                                      parsers());
  auto count = [&](const std::string& kind) {
    return std::count_if(alt.inputs.begin(), alt.inputs.end(), [&](const InputRecord& r) { return r.kind == kind; });
  };
  CHECK(count("input.kansrijk") == 1);  // Beek's stays
  CHECK(find(alt.inputs, "input.kansrijk", "GM0002"));
  CHECK(count("input.uitruil") == 1);  // Aa realised one and was realised for by another; Beek for Cuijk stays
  CHECK(find(alt.inputs, "input.uitruil", "GM0002"));
  CHECK(count("input.uitruilgroep") == 2);
  CHECK_FALSE(find(alt.inputs, "input.uitruilgroep", "GM0003"));
  CHECK(alt.inputs.size() == before - 2 - 2 - 1);
  REQUIRE(alt.changes.size() == 3);
  CHECK(alt.changes[0].target == "kansrijk");
  CHECK(alt.changes[0].gemeente == "GM0001");
  CHECK(alt.changes[0].naam == "Aa");
  CHECK(alt.changes[0].before.size() == 2);
  CHECK(alt.changes[0].after.is_null());
  CHECK(alt.changes[1].before.size() == 2);
  CHECK(alt.changes[2].before == Json::array({Json{{"groep", "Noord"}, {"gemeente", "GM0003"}}}));
  // Nothing to take out: said, with nothing before.
  auto none = decision::apply_settings(inputs(), {{"kansrijk.Dal", "geen"}}, parsers());
  REQUIRE(none.changes.size() == 1);
  CHECK(none.changes[0].before.is_null());
  CHECK(none.inputs.size() == inputs().size());
  // Only removal is offered.
  CHECK_THROWS_WITH(decision::apply_settings(v, {{"kansrijk.Aa", "12"}}, parsers()),
                    Catch::Contains("kansrijk.G takes only 'geen'"));
  CHECK_THROWS_WITH(decision::apply_settings(v, {{"uitruil.Atlantis", "geen"}}, parsers()),
                    Catch::Contains("unknown municipality 'Atlantis'"));
}
