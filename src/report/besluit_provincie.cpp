// Toelichting, section 3: the decision for the province, generated from the
// recorded steps of the run. A province whose report covers the task gets the
// facts and wording of the published Drenthe decision; a supplemented one the
// steps that supplemented it (Toelichting, stap 1-4b) with their figures.
#include <algorithm>

#include "report/besluit.h"
#include "report/render.h"
#include "report/wording.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;

int64_t get(const PerCategory& p, const std::string& c) { return c == "amv" ? p.amv : p.regulier; }

// "a", "a en b", "a, b en c".
std::string enumerate(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " en " : ", ") + names[i];
  return out;
}

std::string places(const PerCategory& p) {
  return dutch_number(p.regulier) + " reguliere opvangplaatsen en " + dutch_number(p.amv) + " amv-opvangplaatsen";
}

std::string criterion(const std::string& c) {
  if (c == "besluitvorming") return "lokale besluitvorming is afgerond";
  if (c == "locatie_voor_raming") return "locatie beschikbaar voor de nieuwe capaciteitsraming";
  if (c == "verlenging") return "aantoonbaar zicht op verlenging";
  if (c == "toezegging") return "duidelijke toezegging";
  return c;
}

class Writer {
 public:
  Writer(const DecisionView& v, std::vector<Block>& out) : v_(v), out_(out) {}

  void add(K kind, std::string t) {
    Block b;
    b.kind = kind;
    b.text = std::move(t);
    out_.push_back(std::move(b));
  }
  void list(std::vector<std::string> items) {
    if (items.empty()) return;
    Block b;
    b.kind = K::bullets;
    b.items = std::move(items);
    out_.push_back(std::move(b));
  }

  void intro(bool sluitend) {
    const std::string& P = v_.province;
    add(K::paragraph, "Op 31 oktober heeft de commissaris van de Koning van " + P +
                          ", in lijn met artikel 4, tweede lid van de wet, verslag uitgebracht van het overleg dat "
                          "heeft plaatsgevonden aan de PRT. Uit dit verslag blijkt dat de gemeenten in de provincie " +
                          P + (sluitend ? "" : " niet") +
                          " tot een volledig sluitende verdeling zijn gekomen van het aantal opvangplaatsen dat zij "
                          "volgens de provinciale opvangopgave moeten realiseren." +
                          (sluitend ? "" : " De minister heeft het verdeelbesluit daarom aangevuld volgens de "
                                           "methode die in paragraaf 2 is beschreven."));
  }

  // The published wording (Verdeelbesluit Drenthe 2024, section 3).
  void one_to_one() {
    const std::string& P = v_.province;
    bool report_alone = v_.basis == v_.report;
    intro(report_alone);
    std::string text = "De provincie " + P + " heeft een opgave van " + dutch_number(v_.task.regulier) +
                       " reguliere opvangplaatsen en " + dutch_number(v_.task.amv) + " amv-opvangplaatsen. ";
    if (report_alone) {
      text += "Na het overnemen van de plaatsen die aangeboden worden in het verslag, komt de provincie " + P +
              " uit op " + dutch_number(v_.report.regulier) + " reguliere opvangplaatsen en " +
              dutch_number(v_.report.amv) +
              " amv-plaatsen. Aangezien de verdeling uit het verslag sluitend is, is deze één op één overgenomen in "
              "het verdeelbesluit.";
    } else {
      text += "Na het overnemen van de plaatsen die aangeboden worden in het verslag, komt de provincie " + P +
              " uit op " + dutch_number(v_.report.regulier) + " reguliere opvangplaatsen en " +
              dutch_number(v_.report.amv) + " amv-plaatsen; met de kansrijke initiatieven uit het verslag op " +
              dutch_number(v_.basis.regulier) + " reguliere opvangplaatsen en " + dutch_number(v_.basis.amv) +
              " amv-plaatsen. Aangezien de verdeling uit het verslag met de kansrijke initiatieven sluitend is, is "
              "deze één op één overgenomen in het verdeelbesluit.";
    }
    add(K::paragraph, text);
    if (!report_alone) initiatives();
  }

  void initiatives() {
    std::vector<std::string> yes, no;
    for (const auto& in : v_.initiatives) {
      std::string crit;
      for (const auto& c : in.criteria) crit += (crit.empty() ? "" : "; ") + criterion(c);
      std::string line = v_.naam(in.code) + ": " + places(in.plaatsen);
      (in.kansrijk ? yes : no).push_back(line + (in.kansrijk ? " (" + crit + ")" : ""));
    }
    if (!yes.empty()) {
      add(K::paragraph, "De volgende kansrijke initiatieven uit het verslag zijn opgenomen in het verdeelbesluit "
                        "(stap 2):");
      list(yes);
    }
    if (!no.empty()) {
      add(K::paragraph, "De volgende initiatieven bevatten geen van de elementen die een plan kansrijk maken en zijn "
                        "niet opgenomen:");
      list(no);
    }
  }

  void supplemented() {
    const std::string& P = v_.province;
    intro(false);
    add(K::paragraph, "De provincie " + P + " heeft een opgave van " + dutch_number(v_.task.regulier) +
                          " reguliere opvangplaatsen en " + dutch_number(v_.task.amv) +
                          " amv-opvangplaatsen. Na het overnemen van de plaatsen die aangeboden worden in het verslag "
                          "(stap 1), komt de provincie " +
                          P + " uit op " + dutch_number(v_.report.regulier) + " reguliere opvangplaatsen en " +
                          dutch_number(v_.report.amv) + " amv-plaatsen.");
    initiatives();
    if (v_.basis != v_.report)
      add(K::paragraph, "Met de kansrijke initiatieven komt de provincie " + P + " uit op " + places(v_.basis) + ".");
    else if (v_.initiatives.empty())
      add(K::paragraph, "In het verslag zijn geen kansrijke initiatieven genoemd die aan het verdeelbesluit konden "
                        "worden toegevoegd (stap 2).");
    std::vector<std::string> rest;
    for (const auto& c : v_.category_order)
      if (get(v_.remainder, c) > 0) rest.push_back(dutch_number(get(v_.remainder, c)) + " " + places_word(c));
    std::string covered;
    for (const auto& c : v_.category_order)
      if (get(v_.remainder, c) == 0) covered = " De opgave voor " + places_word(c) + " is daarmee volledig gedekt.";
    add(K::paragraph, "Daarmee resteert een restopgave van " + enumerate(rest) + " (stap 3)." + covered);
    for (const auto& c : v_.category_order)
      if (get(v_.remainder, c) > 0) category(c);
    closing();
  }

  void category(const std::string& c) {
    std::string word = places_word(c);
    add(K::minor, "Restopgave " + word);
    std::vector<std::string> excluded;
    std::vector<std::pair<int64_t, std::string>> below;  // by round of step 4b, then name
    for (const auto& g : v_.gemeenten) {
      std::string reasons;
      for (const auto& e : g.exclusions) {
        if (e.categorie != c) continue;
        if (e.rule == "below_minimum")
          below.emplace_back(e.round, g.naam + ": " + reason_with_figures(e));
        else
          reasons += (reasons.empty() ? "" : "; ") + reason_with_figures(e);
      }
      if (!reasons.empty()) excluded.push_back(g.naam + ": " + reasons);
    }
    if (excluded.empty()) {
      add(K::paragraph, "Bij de verdeling van de restopgave van " + word +
                            " is op grond van stap 4a geen gemeente uitgesloten.");
    } else {
      add(K::paragraph, "Bij de verdeling van de restopgave van " + word +
                            " zijn de volgende gemeenten niet meegenomen (stap 4a):");
      list(excluded);
    }
    const auto& p = v_.percentage.at(c);
    auto it = v_.distribution.find(c);
    const CategoryFacts* f = it == v_.distribution.end() ? nullptr : &it->second;
    int64_t shortfall = get(v_.shortfall, c);
    if (p) {
      add(K::paragraph, "De restopgave van " + dutch_number(get(v_.remainder, c)) + " " + word +
                            " is evenredig verdeeld over de overige gemeenten, zodat zij allen eenzelfde percentage "
                            "van hun indicatieve verdeling realiseren: " +
                            dutch_percent(*p) + " (exact " + p->to_string() +
                            "). Geen gemeente krijgt daarbij meer opvangplaatsen dan het totaal van haar indicatieve "
                            "verdeling (stap 4b).");
    }
    if (!below.empty()) {
      add(K::paragraph, "De volgende gemeenten zouden daarbij minder dan " + std::to_string(v_.minimum_places) + " " +
                            word +
                            " krijgen; zij zijn van de verdeling uitgesloten en hun opvangplaatsen zijn verdeeld "
                            "over de andere gemeenten:");
      std::stable_sort(below.begin(), below.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<std::string> lines;
      for (auto& b : below) lines.push_back(std::move(b.second));
      list(lines);
    }
    if (f) {
      size_t n = f->participants.size();
      add(K::paragraph, "Zo " + std::string(shortfall > 0 ? "zijn " + dutch_number(f->placed) + " van de " : "is de ") +
                            (shortfall > 0 ? "" : "restopgave van " + dutch_number(f->rest) + " ") + word +
                            " verdeeld over " + std::to_string(n) + (n == 1 ? " gemeente" : " gemeenten") +
                            "; de aantallen zijn afgerond op hele opvangplaatsen volgens de methode van de grootste "
                            "restwaarde.");
    }
    if (shortfall > 0)
      add(K::paragraph, "Ook wanneer iedere gemeente die in aanmerking komt tot haar plafond wordt aangevuld, kunnen " +
                            dutch_number(shortfall) + " " + word +
                            " niet worden verdeeld. Dit tekort is in dit besluit niet over gemeenten verdeeld.");
  }

  void closing() {
    const std::string& P = v_.province;
    Block t;
    t.kind = K::table;
    t.text = "Tabel 2: Opvangplaatsen uit de restopgave";
    t.rows.push_back({"Gemeente", "Reguliere opvangplaatsen", "Amv-opvangplaatsen", "Totaal"});
    for (const auto& g : v_.gemeenten)
      if (g.extra.total() > 0)
        t.rows.push_back({g.naam, dutch_number(g.extra.regulier), dutch_number(g.extra.amv),
                          dutch_number(g.extra.total())});
    PerCategory extra{v_.besluit.regulier - v_.basis.regulier, v_.besluit.amv - v_.basis.amv};
    t.rows.push_back({"Totaal", dutch_number(extra.regulier), dutch_number(extra.amv), dutch_number(extra.total())});
    t.totals = true;
    add(K::paragraph, "De verdeling van de restopgave is toegevoegd aan de initiële verdeling:");
    out_.push_back(t);
    if (v_.shortfall.total() == 0)
      add(K::paragraph, "Hiermee is de verdeling van opvangplaatsen voor de provincie " + P + " sluitend gemaakt: " +
                            places(v_.besluit) + ", zoals opgenomen in Tabel 1 van artikel I.");
    else
      add(K::paragraph, "Hiermee komt de verdeling van opvangplaatsen voor de provincie " + P + " uit op " +
                            places(v_.besluit) + ", zoals opgenomen in Tabel 1 van artikel I. Door het tekort van " +
                            places(v_.shortfall) + " dekt zij de provinciale opvangopgave niet volledig.");
  }

  void zero_municipalities() {
    std::vector<std::string> none;
    for (const auto& g : v_.gemeenten)
      if (g.besluit.total() == 0) none.push_back(g.naam);
    if (none.empty()) return;
    add(K::paragraph, std::string(none.size() == 1 ? "De gemeente " : "De gemeenten ") + enumerate(none) +
                          (none.size() == 1 ? " krijgt" : " krijgen") +
                          " in dit besluit geen opvangplaatsen en " + (none.size() == 1 ? "heeft" : "hebben") +
                          " daarmee geen wettelijke taak; zij " + (none.size() == 1 ? "staat" : "staan") +
                          " daarom niet in Tabel 1.");
  }

 private:
  const DecisionView& v_;
  std::vector<Block>& out_;
};

}  // namespace

void append_toelichting_province(const DecisionView& v, std::vector<Block>& out) {
  Block h;
  h.kind = K::subheading;
  h.text = "3. Het verdeelbesluit voor de provincie " + v.province;
  out.push_back(h);
  Writer w(v, out);
  if (v.one_to_one())
    w.one_to_one();
  else
    w.supplemented();
  w.zero_municipalities();
}

}  // namespace verdeel::report
