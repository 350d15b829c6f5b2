// The Besluit: title, considerations, Artikel I (Tabel 1), Artikel II, signature,
// Bezwaar; then the Toelichting (besluit_toelichting*.cpp) and the Bijlage
// that anchors the text in the ledger.
#include "report/besluit.h"

#include "report/besluit_dates.h"
#include "report/render.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;

Block text(K kind, std::string t) {
  Block b;
  b.kind = kind;
  b.text = std::move(t);
  return b;
}

Block items(K kind, std::vector<std::string> v) {
  Block b;
  b.kind = kind;
  b.items = std::move(v);
  return b;
}

// Tabel 1 as published: the municipalities the decision gives places, and the totals.
Block tabel1(const DecisionView& v) {
  Block t;
  t.kind = K::table;
  t.text = "Tabel 1: Verdeling asielopvangplaatsen over gemeenten";
  t.rows.push_back({"Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal"});
  for (const auto& g : v.gemeenten) {
    if (g.besluit.total() == 0) continue;
    t.rows.push_back({g.naam, dutch_number(g.besluit.regulier), dutch_number(g.besluit.amv),
                      dutch_number(g.besluit.total())});
  }
  t.rows.push_back({"Totaal", dutch_number(v.besluit.regulier), dutch_number(v.besluit.amv),
                    dutch_number(v.besluit.total())});
  t.totals = true;
  return t;
}

std::vector<std::string> signature(const std::string& datum) {
  return {"De Minister van Asiel en Migratie,", "", "[ondertekening]", "", "'s-Gravenhage, " + datum};
}

void bezwaar(std::vector<Block>& out) {
  out.push_back(text(K::heading, "Bezwaar"));
  out.push_back(text(K::paragraph,
                     "Op grond van de Algemene wet bestuursrecht kunnen belanghebbenden een bezwaarschrift indienen "
                     "tegen dit besluit binnen zes weken na de dag waarop dit is bekendgemaakt. Het bezwaarschrift "
                     "moet worden gericht aan de Minister van Asiel en Migratie, Postbus 20301, 2500 EH Den Haag."));
  out.push_back(text(K::paragraph, "Het bezwaarschrift dient te zijn ondertekend en ten minste te bevatten:"));
  out.push_back(items(K::letters, {"naam en adres van de indiener;", "de dagtekening;",
                                   "een omschrijving van het besluit waartegen het bezwaarschrift zich richt "
                                   "(datum en nummer);",
                                   "een opgave van de redenen waarom men zich met het besluit niet kan verenigen;",
                                   "zo mogelijk een afschrift van het besluit waartegen het bezwaarschrift zich "
                                   "richt."}));
  out.push_back(text(K::paragraph,
                     "Het niet voldoen aan deze eisen kan leiden tot niet-ontvankelijkheid van het bezwaarschrift."));
  out.push_back(text(K::paragraph,
                     "Een bezwaarschrift kan uitsluitend per gewone post en niet per e-mail worden ingediend."));
  out.push_back(text(K::paragraph,
                     "Machtigt u iemand om namens u bezwaar te maken? Stuur dan ook een kopie van de machtiging mee. "
                     "Bij indiening van een bezwaarschrift namens een rechtspersoon, dient u documenten mee te sturen "
                     "(origineel uittreksel uit het handelsregister en/of een kopie van de statuten van de "
                     "rechtspersoon) waaruit blijkt dat u bevoegd bent namens de rechtspersoon op te treden."));
}

// The ledger facts, so that the published text anchors the ledger.
void bijlage(const DecisionView& v, std::vector<Block>& out) {
  out.push_back(text(K::heading, "Bijlage: vastlegging van de berekening"));
  out.push_back(text(K::paragraph,
                     "De verdeling in dit besluit is berekend met " + (v.engine.empty() ? "verdeel" : v.engine) +
                         " volgens het beleid " + v.policy + " (berekening " + std::to_string(v.run) +
                         ") en vastgelegd in een grootboek waarin ieder gegeven, iedere rekenstap en iedere uitkomst "
                         "een record is dat met een SHA-256-hash aan het vorige record is gekoppeld."));
  std::vector<std::string> facts;
  facts.push_back("Besluitrecord: record " + std::to_string(v.record_seq) + ", hash " + v.record_hash);
  facts.push_back("Rekenstappen: records " + std::to_string(v.start_seq) + " tot en met " +
                  std::to_string(v.record_seq));
  if (!v.input_set.empty()) facts.push_back("Invoerset: hash " + v.input_set);
  if (v.ledger) {
    const auto& l = *v.ledger;
    facts.push_back("Grootboek bij het opmaken van dit document: " + std::to_string(l.size) + " records");
    if (!l.root.empty())
      facts.push_back("Merkle-wortel (RFC 9162) over records 0 tot en met " + std::to_string(l.size - 1) + ": " +
                      l.root);
    facts.push_back("Laatste record: record " + std::to_string(l.size - 1) + ", hash " + l.head_hash);
    if (l.checkpoint)
      facts.push_back("Ondertekend checkpoint: record " + std::to_string(l.checkpoint->seq) + ", " +
                      std::to_string(l.checkpoint->size) + " records, wortel " + l.checkpoint->root);
  }
  out.push_back(items(K::bullets, facts));
  out.push_back(text(K::paragraph,
                     "Wie over een kopie van het grootboek beschikt, kan met verdeel verify nagaan dat de keten "
                     "ongeschonden is en dat de Merkle-wortel hierboven de vastgelegde records omvat, en met verdeel "
                     "replay --cycle " +
                         v.cycle + " --province " + v.province +
                         " dat de verdeling opnieuw uit de vastgelegde gegevens volgt."));
}

}  // namespace

Document besluit_document(const DecisionView& v, const BesluitOptions& options) {
  const std::string P = v.province;
  const std::string datum = options.datum.empty() ? "[datum]" : options.datum;
  const std::string nummer = options.nummer.empty() ? "[nummer]" : options.nummer;
  CycleDates dates = cycle_dates(v.cycle);
  Document d;
  d.title = "Verdeelbesluit " + P + " " + v.cycle;
  auto& out = d.blocks;
  out.push_back(text(K::title, "Besluit van de Minister van Asiel en Migratie, van " + datum + ", nr. " + nummer +
                                   ", houdende de verdeling van asielopvangplaatsen in het kader van de Wet "
                                   "gemeentelijke taak mogelijk maken asielopvangvoorzieningen over de provincie " +
                                   P));
  out.push_back(text(K::paragraph, "De Minister van Asiel en Migratie,"));
  out.push_back(text(K::paragraph,
                     "Gelet op artikel 5 van de Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen, de "
                     "Beleidsregel verdeelbesluiten en de Capaciteitsraming, provinciale opvangopgave en indicatieve "
                     "verdeling per gemeente " +
                         v.cycle + ";"));
  out.push_back(text(K::paragraph, "Besluit:"));
  out.push_back(text(K::heading, "Artikel I"));
  out.push_back(text(K::paragraph, "De asielopvangplaatsen uit de provinciale opvangopgave van de provincie " + P +
                                       ", zoals bekendgemaakt op " + dates.opgave_bekendgemaakt +
                                       ", worden als volgt over de gemeenten verdeeld:"));
  out.push_back(tabel1(v));
  out.push_back(text(K::heading, "Artikel II"));
  out.push_back(text(K::paragraph, "Dit besluit wordt aangehaald als: " + d.title));
  out.push_back(items(K::lines, signature(datum)));
  bezwaar(out);
  out.push_back(text(K::heading, "Toelichting"));
  append_toelichting_general(v, out);
  append_toelichting_province(v, out);
  out.push_back(items(K::lines, {"De Minister van Asiel en Migratie,", "", "[ondertekening]"}));
  bijlage(v, out);
  return d;
}

}  // namespace verdeel::report
