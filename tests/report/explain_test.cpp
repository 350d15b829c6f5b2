#include <catch2/catch.hpp>

#include "decision/case_from_inputs.h"
#include "decision/records.h"
#include "report/explain.h"

using verdeel::Json;
namespace decision = verdeel::decision;
namespace method = verdeel::method;
namespace report = verdeel::report;

namespace {

decision::RecordedStep step(int64_t seq, std::string kind, std::string subject, Json body) {
  std::string hash = std::to_string(seq);
  hash = std::string(64 - hash.size(), '0') + hash;  // a recognisable fake hash per seq
  return decision::RecordedStep{seq, std::move(kind), std::move(subject), std::move(body), hash};
}

Json places(const std::string& code, int64_t regulier, int64_t amv) {
  return Json{{"gemeente", code}, {"regulier", regulier}, {"amv", amv}};
}

// A small province in records: Cuijk's history 12,3 does not exclude it, Dal's 30 > 22 does.
struct Ledger {
  std::vector<decision::RecordedStep> inputs;  // input.set first
  decision::Run run;

  Ledger() {
    std::vector<decision::RecordedStep> rows;
    int64_t seq = 1;
    const char* names[] = {"Aa", "Beek", "Cuijk", "Dal"};
    for (int i = 0; i < 4; ++i) {
      std::string code = "GM000" + std::to_string(i + 1);
      rows.push_back(step(seq++, "input.gemeente", code, Json{{"code", code}, {"naam", names[i]}, {"provincie", "P"}}));
    }
    rows.push_back(step(seq++, "input.opgave", "", Json{{"provincie", "P"}, {"regulier", 200}, {"amv", 20}}));
    rows.push_back(step(seq++, "input.indicatief", "GM0001", places("GM0001", 60, 6)));
    rows.push_back(step(seq++, "input.indicatief", "GM0002", places("GM0002", 60, 6)));
    rows.push_back(step(seq++, "input.indicatief", "GM0003", places("GM0003", 60, 6)));
    rows.push_back(step(seq++, "input.indicatief", "GM0004", places("GM0004", 20, 2)));
    rows.push_back(step(seq++, "input.verslag", "GM0001", places("GM0001", 30, 0)));
    rows.push_back(step(seq++, "input.verslag", "GM0002", places("GM0002", 70, 0)));
    rows.push_back(step(seq++, "input.verslag", "GM0003", places("GM0003", 10, 0)));
    rows.push_back(step(seq++, "input.historie", "GM0003", Json{{"gemeente", "GM0003"}, {"gemiddeld", {{"num", 123}, {"den", 10}}}}));
    rows.push_back(step(seq++, "input.historie", "GM0004", Json{{"gemeente", "GM0004"}, {"gemiddeld", 30}}));
    Json listed = Json::array();
    std::vector<decision::InputRef> refs;
    std::vector<decision::InputRecord> recs;
    for (const auto& r : rows) {
      listed.push_back(r.hash);
      refs.push_back({r.kind, r.subject, r.body, r.hash});
      recs.push_back({r.kind, r.subject, r.body});
    }
    auto set = step(seq++, "input.set", "", Json{{"records", listed}});
    inputs.push_back(set);
    inputs.insert(inputs.end(), rows.begin(), rows.end());

    auto d = method::decide(decision::case_from_inputs("2024", "P", recs));
    run.cycle = "2024";
    run.province = "P";
    run.number = 1;
    run.records.push_back(step(seq++, "decision.start", "", Json{{"engine", "verdeel test"}, {"input_set", set.hash}}));
    for (const auto& s : decision::decision_records(d, refs, set.hash)) run.records.push_back(step(seq++, s.kind, s.subject, Json::parse(s.body.str())));
  }
};

const report::ExplainLine* line(const report::Explanation& e, const std::string& what, const std::string& categorie = "",
                                const std::string& rule = "") {
  for (const auto& l : e.lines)
    if (l.what == what && (categorie.empty() || l.categorie == categorie) &&
        (rule.empty() || (l.figures.contains("rule") && l.figures["rule"] == rule)))
      return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("explain states rules that did not hold with the figures compared, computed from the records",
          "[report][explain]") {
  Ledger l;
  auto e = report::explain(l.run, l.inputs, "GM0003");
  CHECK(e.naam == "Cuijk");
  CHECK(e.warnings.empty());
  const auto* hist = line(e, "rule", "regulier", "history");
  REQUIRE(hist);
  CHECK(hist->holds == false);
  CHECK(hist->figures["hist"] == Json{{"num", 123}, {"den", 10}});
  CHECK(hist->figures["indTot"] == 66);
  // It cites the history input (seq 13) and the indicative numbers (seq 8).
  REQUIRE(hist->records.size() == 2);
  CHECK(hist->records[0].seq == 13);
  CHECK(hist->records[1].seq == 8);
  std::string nl = report::explain_text(e, report::Lang::nl);
  CHECK(nl.find("historie 12,3 ≤ indicatief totaal 66 (strikt groter vereist): geen uitsluiting  [13 000000000000, 8 000000000000") !=
        std::string::npos);
  std::string en = report::explain_text(e, report::Lang::en);
  CHECK(en.find("history 12.3 ≤ indicative total 66") != std::string::npos);
}

TEST_CASE("explain of an excluded municipality cites its exclusion record and gives it no share", "[report][explain]") {
  Ledger l;
  auto e = report::explain(l.run, l.inputs, "GM0004");
  const auto* hist = line(e, "rule", "regulier", "history");
  REQUIRE(hist);
  CHECK(hist->holds == true);
  CHECK(hist->records.front().kind == "step.exclusion");
  CHECK(line(e, "not_eligible", "regulier"));
  CHECK_FALSE(line(e, "share", "regulier"));
  CHECK(e.extra.regulier == 0);
}

TEST_CASE("explain of a participant shows p x ind - attr exactly, its cap and rounding, summing to its extra",
          "[report][explain]") {
  Ledger l;
  auto e = report::explain(l.run, l.inputs, "GM0001");
  const auto* share = line(e, "share", "regulier");
  REQUIRE(share);
  verdeel::Rational p = verdeel::rational_from_json(share->figures["p"]);
  verdeel::Rational raw = p * 60 - 30;
  CHECK(verdeel::rational_from_json(share->figures["p_times_ind_minus_attr"]) == raw);
  const auto* rounding = line(e, "rounding", "regulier");
  REQUIRE(rounding);
  CHECK(rounding->figures["rounded"] == e.extra.regulier);
  CHECK(rounding->figures["floor"].get<int64_t>() + (rounding->figures["extra_unit"].get<bool>() ? 1 : 0) ==
        e.extra.regulier);
  const auto* head = line(e, "head", "regulier");
  REQUIRE(head);
  CHECK(head->figures["head"] == 66 - 30);
  // Every line cites at least one record.
  for (const auto& ln : e.lines) CHECK(!ln.records.empty());
  Json j = report::explain_json(e);
  CHECK(j["final"]["regulier"] == e.besluit.regulier);
  CHECK(j["lines"].size() == e.lines.size());
}

TEST_CASE("explain of a run whose figures were altered warns instead of hiding it", "[report][explain]") {
  Ledger l;
  for (auto& r : l.run.records)
    if (r.kind == "step.toerekening" && r.subject == "GM0003") r.body["attr"]["regulier"] = 70;  // 70 + 0 ≥ 66
  auto e = report::explain(l.run, l.inputs, "GM0003");
  REQUIRE_FALSE(e.warnings.empty());
  CHECK(e.warnings[0].find("meets_indicative") != std::string::npos);
}

TEST_CASE("explain refuses a municipality the run holds no result for", "[report][explain]") {
  Ledger l;
  CHECK_THROWS_AS(report::explain(l.run, l.inputs, "GM9999"), std::invalid_argument);
}
