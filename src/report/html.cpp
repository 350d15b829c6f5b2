// `show --format html`: one self-contained page for a province's decision.
#include <sstream>

#include "report/html_style.h"
#include "report/html_text.h"
#include "report/render.h"
#include "report/summary.h"
#include "report/svg_chart.h"
#include "report/wording.h"

namespace verdeel::report {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

std::string pair(const PerCategory& p) {
  return dutch_number(p.regulier) + " reguliere en " + dutch_number(p.amv) + " amv-opvangplaatsen";
}

std::string percentage(const DecisionView& v, const std::string& c) {
  const auto& p = v.percentage.at(c);
  int64_t rest = c == "amv" ? v.remainder.amv : v.remainder.regulier;
  if (!p) return rest == 0 ? "geen (geen restopgave)" : "geen (tekort: iedereen op het plafond)";
  return dutch_percent(*p) + " <span class=\"sub\">(exact " + esc(p->to_string()) + ")</span>";
}

int64_t get(const PerCategory& p, const std::string& c) { return c == "amv" ? p.amv : p.regulier; }

void facts(std::ostringstream& o, const DecisionView& v) {
  o << "<section class=\"kern\"><h2>Kerngegevens</h2>\n<dl class=\"facts\">\n";
  o << "<dt>Provinciale opvangopgave</dt><dd>" << pair(v.task) << "</dd>\n";
  o << "<dt>Provinciaal verslag</dt><dd>" << pair(v.report) << "</dd>\n";
  if (v.basis != v.report) o << "<dt>Met kansrijke initiatieven</dt><dd>" << pair(v.basis) << "</dd>\n";
  o << "<dt>Restopgave</dt><dd>" << pair(v.remainder) << "</dd>\n";
  for (const auto& c : v.category_order)
    o << "<dt>Percentage p " << category_label(c) << "</dt><dd>" << percentage(v, c) << "</dd>\n";
  o << "<dt>Tekort</dt><dd>" << pair(v.shortfall) << "</dd>\n";
  o << "<dt>Besluit</dt><dd>" << pair(v.besluit) << " (totaal " << dutch_number(v.besluit.total()) << ")</dd>\n";
  o << "<dt>Beleid</dt><dd>" << esc(v.policy) << " (minimum " << v.minimum_places << " plaatsen)</dd>\n";
  o << "</dl>\n";
  if (v.one_to_one())
    o << "<p class=\"ok\">De verdeling uit het verslag is sluitend en is één op één overgenomen in het "
         "verdeelbesluit.</p>\n";
  if (v.shortfall.total() > 0)
    o << "<p class=\"notice\"><strong>Tekort:</strong> " << pair(v.shortfall)
      << " konden niet worden verdeeld: iedere gemeente die in aanmerking kwam, zit op haar plafond (het totaal "
         "van haar indicatieve verdeling). Dit tekort is een uitkomst van het besluit.</p>\n";
  o << "</section>\n";
}

void tabel1(std::ostringstream& o, const DecisionView& v) {
  bool notes = !v.one_to_one();
  o << "<section><h2>" << esc(all_municipalities_heading()) << "</h2>\n";
  if (const std::string note = zero_places_note(v); !note.empty()) o << "<p class=\"note\">" << esc(note) << "</p>\n";
  o << "<table class=\"tabel1\">\n<thead><tr><th>Gemeente</th><th class=\"n\">Reguliere opvangplaatsen</th>"
       "<th class=\"n\">Amv-opvangplaatsen</th><th class=\"n\">Totaal</th>"
    << (notes ? "<th>Uit de restopgave / uitgesloten</th>" : "") << "</tr></thead>\n<tbody>\n";
  for (const auto& g : v.gemeenten) {
    o << "<tr data-gemeente=\"" << esc(g.code) << "\"><td><a href=\"#uitleg-" << esc(g.code) << "\">" << esc(g.naam)
      << "</a></td><td class=\"n\">" << dutch_number(g.besluit.regulier) << "</td><td class=\"n\">"
      << dutch_number(g.besluit.amv) << "</td><td class=\"n\">" << dutch_number(g.besluit.total()) << "</td>";
    if (notes) {
      std::string note = row_note(g);
      o << "<td class=\"note\">" << esc(note) << "</td>";
    }
    o << "</tr>\n";
  }
  o << "</tbody>\n<tfoot><tr class=\"total\"><td>Totaal</td><td class=\"n\">" << dutch_number(v.besluit.regulier)
    << "</td><td class=\"n\">" << dutch_number(v.besluit.amv) << "</td><td class=\"n\">"
    << dutch_number(v.besluit.total()) << "</td>" << (notes ? "<td></td>" : "") << "</tr></tfoot>\n</table>\n";
  o << "<p class=\"sub screen-only\">Klik op een gemeente voor de uitleg van haar aantallen.</p>\n</section>\n";
}

void charts(std::ostringstream& o, const DecisionView& v) {
  o << "<section class=\"charts\"><h2>Besluit tegenover de indicatieve verdeling</h2>\n";
  for (const auto& c : v.category_order) {
    o << "<figure id=\"grafiek-" << c << "\">\n<h3>" << (c == "amv" ? "Amv-opvangplaatsen" : "Reguliere opvangplaatsen")
      << "</h3>\n";
    o << category_chart_svg(v, c);
    o << "<figcaption>Per gemeente het aantal " << places_word(c)
      << " in het besluit (blauw: verslag en kansrijke initiatieven; oranje: uit de restopgave) en haar "
         "indicatieve verdeling (zwart streepje).";
    const auto& p = v.percentage.at(c);
    if (p)
      o << " De rode stippellijn is p \xC3\x97 indicatief met p = " << dutch_percent(*p) << " (exact "
        << esc(p->to_string()) << "): iedere deelnemende gemeente komt op dit percentage van haar indicatieve "
           "verdeling, tenzij zij al hoger zat of haar plafond bereikte.";
    int64_t rest = get(v.remainder, c), short_ = get(v.shortfall, c);
    o << " Restopgave " << dutch_number(rest) << (short_ ? ", tekort " + dutch_number(short_) : std::string()) << ".";
    o << " Cursief en grijs: uitgesloten van de verdeling van de restopgave.</figcaption>\n</figure>\n";
  }
  o << "</section>\n";
}

void exclusions(std::ostringstream& o, const DecisionView& v) {
  if (v.one_to_one()) return;
  o << "<section><h2>Uitgesloten van de verdeling van de restopgave</h2>\n";
  for (const auto& c : v.category_order) {
    o << "<h3>" << (c == "amv" ? "Amv-opvangplaatsen" : "Reguliere opvangplaatsen") << "</h3>\n";
    if (get(v.remainder, c) == 0) {
      o << "<p>Geen restopgave; niemand uitgesloten.</p>\n";
      continue;
    }
    o << "<table class=\"excl\"><thead><tr><th>Gemeente</th><th>Reden (stap 4a/4b, met de cijfers)</th></tr></thead>"
         "<tbody>\n";
    bool any = false;
    for (const auto& g : v.gemeenten) {
      std::vector<const ExclusionFact*> es;
      for (const auto& e : g.exclusions)
        if (e.categorie == c) es.push_back(&e);
      if (es.empty() && g.excluded.at(c).empty()) continue;
      any = true;
      o << "<tr><td><a href=\"#uitleg-" << esc(g.code) << "\">" << esc(g.naam) << "</a></td><td><ul class=\"reasons\">";
      if (es.empty())
        for (const auto& r : g.excluded.at(c)) o << "<li>" << esc(reason(r)) << "</li>";
      for (const auto* e : es)
        o << "<li><strong>" << esc(reason(e->rule)) << "</strong>: " << esc(reason_with_figures(*e)) << "</li>";
      o << "</ul></td></tr>\n";
    }
    if (!any) o << "<tr><td colspan=\"2\">Niemand.</td></tr>\n";
    o << "</tbody></table>\n";
    const auto it = v.distribution.find(c);
    if (it != v.distribution.end())
      o << "<p>De restopgave van " << dutch_number(it->second.rest) << " is verdeeld over "
        << it->second.participants.size() << " gemeenten (" << it->second.eligible.size()
        << " kwamen na stap 4a in aanmerking; " << it->second.rounds << " rekenronde"
        << (it->second.rounds == 1 ? "" : "n") << " voor het minimum van " << v.minimum_places << ").</p>\n";
  }
  o << "</section>\n";
}

void explanations(std::ostringstream& o, const DecisionView& v) {
  o << "<section class=\"uitleg\"><h2>Uitleg per gemeente</h2>\n";
  for (const auto& g : v.gemeenten) {
    o << "<details class=\"uitleg\" id=\"uitleg-" << esc(g.code) << "\"><summary>" << esc(g.naam)
      << " <span class=\"code\">" << esc(g.code) << " \xC2\xB7 " << dutch_number(g.besluit.regulier) << " + "
      << dutch_number(g.besluit.amv) << " = " << dutch_number(g.besluit.total()) << "</span></summary>\n<ul>\n";
    for (const auto& line : gemeente_summary(v, g)) o << "<li>" << esc(line) << "</li>\n";
    o << "</ul>\n";
    if (auto it = v.explanations.find(g.code); it != v.explanations.end())
      o << "<p class=\"print-only sub\">De volledige uitleg met records en regels: verdeel explain --cycle "
        << esc(v.cycle) << " --province " << esc(v.province) << " --run " << v.run << " " << esc(g.code) << "</p>\n"
        << "<details class=\"explain screen-only\"><summary>Volledige uitleg (verdeel explain)</summary>\n"
           "<pre class=\"explain\">"
        << esc(it->second) << "</pre></details>\n";
    o << "</details>\n";
  }
  o << "</section>\n";
}

void ledger(std::ostringstream& o, const DecisionView& v) {
  o << "<section class=\"grootboek\"><h2>Vastlegging in het grootboek</h2>\n<dl class=\"facts\">\n";
  o << "<dt>Besluitrecord</dt><dd>record " << v.record_seq << ", hash <span class=\"hash\">" << esc(v.record_hash)
    << "</span></dd>\n";
  o << "<dt>Berekening</dt><dd>run " << v.run << ", records " << v.start_seq << "\xE2\x80\x93" << v.record_seq
    << ", " << esc(v.engine) << (v.time.empty() ? "" : ", " + esc(v.time)) << "</dd>\n";
  if (!v.input_set.empty())
    o << "<dt>Invoerset</dt><dd><span class=\"hash\">" << esc(v.input_set) << "</span></dd>\n";
  if (v.ledger) {
    const auto& l = *v.ledger;
    o << "<dt>Grootboek</dt><dd>" << l.size << " records</dd>\n";
    if (!l.root.empty())
      o << "<dt>Merkle-wortel (RFC 9162)</dt><dd>over records 0\xE2\x80\x93" << l.size - 1
        << ": <span class=\"hash\">" << esc(l.root) << "</span></dd>\n";
    o << "<dt>Laatste record</dt><dd>record " << l.size - 1 << ", hash <span class=\"hash\">" << esc(l.head_hash)
      << "</span></dd>\n";
    if (l.checkpoint)
      o << "<dt>Checkpoint</dt><dd>record " << l.checkpoint->seq << ": " << l.checkpoint->size
        << " records, wortel <span class=\"hash\">" << esc(l.checkpoint->root) << "</span><pre class=\"note\">"
        << esc(l.checkpoint->note) << "</pre></dd>\n";
    else
      o << "<dt>Checkpoint</dt><dd>geen ondertekend checkpoint na dit besluit</dd>\n";
  }
  o << "</dl>\n<p class=\"sub\">Controle: <code>verdeel verify</code> controleert de keten; <code>verdeel replay "
       "--cycle "
    << esc(v.cycle) << " --province " << esc(v.province)
    << "</code> rekent het besluit opnieuw uit de vastgelegde invoer.</p>\n</section>\n";
}

}  // namespace

std::string decision_html(const DecisionView& v) {
  std::ostringstream o;
  std::string title = "Verdeelbesluit " + v.province + " " + v.cycle;
  o << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << esc(title) << "</title>\n<style>" << kReportCss << "</style>\n</head>\n<body>\n";
  o << "<header class=\"doc\"><p class=\"kicker\">Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen"
       " \xC2\xB7 verdeling asielopvangplaatsen</p>\n<h1>"
    << esc(title) << "</h1>\n<p class=\"sub\">Provincie " << esc(v.province) << ", cyclus " << esc(v.cycle)
    << ", beleid " << esc(v.policy) << ", run " << v.run << "</p></header>\n";
  if (const std::string notice = superseded_notice(v); !notice.empty())
    o << "<p class=\"superseded\"><strong>" << esc(notice) << "</strong></p>\n";
  facts(o, v);
  tabel1(o, v);
  charts(o, v);
  exclusions(o, v);
  explanations(o, v);
  ledger(o, v);
  o << "<footer>Opgemaakt door " << esc(v.engine) << " uit het vastgelegde besluit (record " << v.record_seq
    << "). Dit document bevat geen externe verwijzingen.</footer>\n";
  o << "<script>" << kReportJs << "</script>\n</body>\n</html>\n";
  return o.str();
}

}  // namespace verdeel::report
