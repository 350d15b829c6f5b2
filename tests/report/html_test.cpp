// The HTML report of both examples, read by a tolerant parser: well formed,
// self-contained, every municipality in Tabel 1, in each chart and with an
// explanation, the totals row, and the key and ledger facts.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"
#include "html_check.h"
#include "report/html_text.h"
#include "report/render.h"

using verdeel::testing::Cli;
using verdeel::testing::count;

namespace {

struct Shown {
  std::string html;
  nlohmann::json json;
};

Shown show(const std::string& example, const std::string& province) {
  Cli cli;
  cli.decided(example, province);
  auto h = cli.run({"show", "--cycle", "2024", "--province", province, "--format", "html"});
  auto j = cli.run({"show", "--cycle", "2024", "--province", province, "--format", "json"});
  if (h.status != 0 || j.status != 0) throw std::runtime_error("show failed: " + h.err + j.err);
  return {h.out, nlohmann::json::parse(j.out)};
}

// The text between the first `from` and the next `to` after it.
std::string between(const std::string& s, const std::string& from, const std::string& to) {
  auto a = s.find(from);
  if (a == std::string::npos) return "";
  auto b = s.find(to, a);
  return s.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

void check_page(const Shown& s) {
  const std::string& html = s.html;
  auto wf = verdeel::testing::check_well_formed(html);
  INFO((wf.ok() ? std::string("well formed") : wf.problems.front()));
  CHECK(wf.ok());
  auto ext = verdeel::testing::external_references(html);
  INFO("external references: " << ext.size() << (ext.empty() ? "" : " first " + ext.front()));
  CHECK(ext.empty());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(html, "<style>") == 1);
  CHECK_THAT(html, Catch::Contains("@media print"));

  const auto& gemeenten = s.json["municipalities"];
  std::string tabel = between(html, "<table class=\"tabel1\">", "</table>");
  REQUIRE_FALSE(tabel.empty());
  CHECK(count(tabel, "<tr data-gemeente=") == gemeenten.size());
  for (const auto& g : gemeenten) {
    std::string code = g["code"], name = verdeel::report::html_escape(g["name"].get<std::string>());
    INFO(code << " " << name);
    CHECK_THAT(tabel, Catch::Contains("<a href=\"#uitleg-" + code + "\">" + name + "</a></td><td class=\"n\">" +
                                      verdeel::report::dutch_number(g["regulier"]) + "</td><td class=\"n\">" +
                                      verdeel::report::dutch_number(g["amv"]) + "</td><td class=\"n\">" +
                                      verdeel::report::dutch_number(g["totaal"]) + "</td>"));
    CHECK(count(html, "<details class=\"uitleg\" id=\"uitleg-" + code + "\">") == 1);
  }
  int64_t reg = 0, amv = 0;
  for (const auto& g : gemeenten) reg += g["regulier"].get<int64_t>(), amv += g["amv"].get<int64_t>();
  CHECK_THAT(tabel, Catch::Contains("<tr class=\"total\"><td>Totaal</td><td class=\"n\">" +
                                    verdeel::report::dutch_number(reg) + "</td><td class=\"n\">" +
                                    verdeel::report::dutch_number(amv) + "</td><td class=\"n\">" +
                                    verdeel::report::dutch_number(reg + amv) + "</td>"));

  // One chart per category, each with one bar per municipality.
  REQUIRE(count(html, "<svg ") == 2);
  for (const char* id : {"grafiek-regulier", "grafiek-amv"}) {
    std::string svg = between(html, std::string("<figure id=\"") + id + "\">", "</svg>");
    INFO(id);
    REQUIRE_FALSE(svg.empty());
    CHECK(count(svg, "<g class=\"bar") == gemeenten.size());
    for (const auto& g : gemeenten)
      CHECK(count(svg, "data-gemeente=\"" + g["code"].get<std::string>() + "\"") == 1);
  }

  // The ledger facts at the bottom.
  std::string ledger = between(html, "<section class=\"grootboek\">", "</section>");
  CHECK_THAT(ledger, Catch::Contains(s.json["record"].get<std::string>()));
  CHECK_THAT(ledger, Catch::Contains("Merkle-wortel (RFC 9162)"));
  CHECK_THAT(ledger, Catch::Contains(" records</dd>"));
}

}  // namespace

TEST_CASE("The Drenthe HTML report is well formed, self-contained and complete", "[report][html]") {
  auto s = show("drenthe-2024", "Drenthe");
  check_page(s);
  CHECK_THAT(s.html, Catch::Contains("is één op één overgenomen"));
  CHECK(verdeel::testing::count(s.html, "class=\"pline\"") == 0);  // no remainder, no percentage line
}

TEST_CASE("The Zuiderland HTML report shows p exact and rounded, the line, and every exclusion", "[report][html]") {
  auto s = show("zuid-synthetisch-2024", "Zuiderland");
  check_page(s);
  CHECK_THAT(s.html, Catch::Contains("72,46% <span class=\"sub\">(exact 3175/4382)</span>"));
  CHECK_THAT(s.html, Catch::Contains("60,39% <span class=\"sub\">(exact 125/207)</span>"));
  CHECK(verdeel::testing::count(s.html, "<polyline class=\"pline\"") == 2);
  std::string excl = between(s.html, "<h2>Uitgesloten van de verdeling van de restopgave</h2>", "</section>");
  for (const auto& g : s.json["municipalities"])
    for (const char* c : {"regulier", "amv"})
      if (!g["excluded"][c].empty()) {
        INFO(g["name"] << " " << c);
        CHECK_THAT(excl, Catch::Contains(verdeel::report::html_escape(g["name"].get<std::string>())));
      }
  // Figures, not only rule names: Brakelhoven's Ukraine numbers.
  CHECK_THAT(excl, Catch::Contains("realiseerde 310 opvangplaatsen voor Oekraïners"));
}

TEST_CASE("The HTML checker itself catches broken nesting and external references", "[report][html]") {
  CHECK_FALSE(verdeel::testing::check_well_formed("<p><b>x</p></b>").ok());
  CHECK_FALSE(verdeel::testing::check_well_formed("<div><p>x</p>").ok());
  CHECK(verdeel::testing::check_well_formed("<svg><rect x=\"1\"/></svg><br><style>a<b{}</style>").ok());
  CHECK(verdeel::testing::external_references("<img src=\"x.png\">").size() == 1);
  CHECK(verdeel::testing::external_references("<style>@import 'x.css';</style>").size() == 1);
}
