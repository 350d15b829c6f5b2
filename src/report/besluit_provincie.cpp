// Toelichting, section 3: the decision for the province, generated from the
// recorded steps of the run. A province whose report covers the task gets the
// facts and wording of the published Drenthe decision; a supplemented one the
// steps that supplemented it (Toelichting, stap 1-4b) with their figures.
// Each sentence in Dutch and, beside it, in English (besluit_say.h).
#include <algorithm>

#include "report/besluit.h"
#include "report/besluit_say.h"
#include "report/dutch_terms.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;

int64_t get(const PerCategory& p, const std::string& c) { return c == "amv" ? p.amv : p.regulier; }

// "a", "a en b", "a, b en c" ("a, b and c").
std::string enumerate(const std::vector<std::string>& names, const Say& s) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? s(" en ", " and ") : ", ") + names[i];
  return out;
}

// The criteria of stap 2 (Toelichting: "Plannen worden als kansrijk beschouwd ...").
std::string criterion(const std::string& c, const Say& s) {
  if (c == "besluitvorming") return s("lokale besluitvorming is afgerond", "local decision-making has been completed");
  if (c == "locatie_voor_raming")
    return s("locatie beschikbaar voor de nieuwe capaciteitsraming", "location available before the new capacity estimate");
  if (c == "verlenging") return s("aantoonbaar zicht op verlenging", "demonstrable prospect of extension");
  if (c == "toezegging") return s("duidelijke toezegging", "clear commitment");
  return c;
}

class Writer {
 public:
  Writer(const DecisionView& v, Lang lang, std::vector<Block>& out) : v_(v), s(Say{lang}), out_(out) {}

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

  // "2.462 reguliere opvangplaatsen en 229 amv-opvangplaatsen".
  std::string places(const PerCategory& p) const {
    return s.number(p.regulier) + " " + places_word("regulier", s.lang) + s(" en ", " and ") + s.number(p.amv) + " " +
           places_word("amv", s.lang);
  }
  // "De provincie P heeft een opgave van ...": the task, as published.
  std::string task() const {
    return s("De provincie " + v_.province + " heeft een opgave van ",
             "The province of " + v_.province + " has a task of ") +
           places(v_.task) + ". ";
  }
  // "komt de provincie P uit op 3.814 reguliere opvangplaatsen en 341 amv-plaatsen", as published.
  std::string arrives(const PerCategory& p) const {
    return s("komt de provincie " + v_.province + " uit op " + s.number(p.regulier) + " reguliere opvangplaatsen en " +
                 s.number(p.amv) + " amv-plaatsen",
             "the province of " + v_.province + " arrives at " + s.number(p.regulier) + " regular reception places and " +
                 s.number(p.amv) + " amv places");
  }

  void intro(bool sluitend) {
    const std::string& P = v_.province;
    add(K::paragraph,
        s("Op 31 oktober heeft de commissaris van de Koning van " + P +
              ", in lijn met artikel 4, tweede lid van de wet, verslag uitgebracht van het overleg dat heeft "
              "plaatsgevonden aan de PRT. Uit dit verslag blijkt dat de gemeenten in de provincie " +
              P + (sluitend ? "" : " niet") +
              " tot een volledig sluitende verdeling zijn gekomen van het aantal opvangplaatsen dat zij volgens de "
              "provinciale opvangopgave moeten realiseren." +
              (sluitend ? "" : " De minister heeft het verdeelbesluit daarom aangevuld volgens de methode die in "
                               "paragraaf 2 is beschreven."),
          "On 31 October the King's Commissioner (" + dutch_term("commissaris van de Koning") + ") of " + P +
              ", in accordance with article 4, second paragraph, of the Act, reported on the consultation held at the "
              "PRT. This report shows that the municipalities in the province of " + P +
              (sluitend ? " have" : " have not") +
              " agreed on an allocation that fully covers the number of reception places they are to provide under "
              "the provincial reception task." +
              (sluitend ? "" : " The Minister has therefore supplemented the allocation decision by the method "
                               "described in section 2.")));
  }

  // The published wording (Verdeelbesluit Drenthe 2024, section 3).
  void one_to_one() {
    bool report_alone = v_.basis == v_.report;
    intro(report_alone);
    std::string text = task() + s("Na het overnemen van de plaatsen die aangeboden worden in het verslag, ",
                                  "After adopting the places offered in the report, ") +
                       arrives(v_.report);
    if (report_alone) {
      text += s(". Aangezien de verdeling uit het verslag sluitend is, is deze één op één overgenomen in het "
                "verdeelbesluit.",
                ". Since the allocation in the report covers the task, it has been adopted unchanged in the "
                "allocation decision.");
    } else {
      text += s("; met de kansrijke initiatieven uit het verslag op " + s.number(v_.basis.regulier) +
                    " reguliere opvangplaatsen en " + s.number(v_.basis.amv) +
                    " amv-plaatsen. Aangezien de verdeling uit het verslag met de kansrijke initiatieven sluitend is, "
                    "is deze één op één overgenomen in het verdeelbesluit.",
                "; with the promising initiatives (" + dutch_term("kansrijke initiatieven") + ") from the report, at " +
                    s.number(v_.basis.regulier) + " regular reception places and " + s.number(v_.basis.amv) +
                    " amv places. Since the allocation in the report together with the promising initiatives covers "
                    "the task, it has been adopted unchanged in the allocation decision.");
    }
    add(K::paragraph, text);
    if (!report_alone) initiatives();
  }

  void initiatives() {
    std::vector<std::string> yes, no;
    for (const auto& in : v_.initiatives) {
      std::string crit;
      for (const auto& c : in.criteria) crit += (crit.empty() ? "" : "; ") + criterion(c, s);
      std::string line = v_.naam(in.code) + ": " + places(in.plaatsen);
      (in.kansrijk ? yes : no).push_back(line + (in.kansrijk ? " (" + crit + ")" : ""));
    }
    if (!yes.empty()) {
      add(K::paragraph, s("De volgende kansrijke initiatieven uit het verslag zijn opgenomen in het verdeelbesluit "
                          "(stap 2):",
                          "The following promising initiatives (" + dutch_term("kansrijke initiatieven") + ") from the report have been "
                          "included in the allocation decision (step 2):"));
      list(yes);
    }
    if (!no.empty()) {
      add(K::paragraph, s("De volgende initiatieven bevatten geen van de elementen die een plan kansrijk maken en zijn "
                          "niet opgenomen:",
                          "The following initiatives contain none of the elements that make a plan promising and "
                          "have not been included:"));
      list(no);
    }
  }

  void supplemented() {
    const std::string& P = v_.province;
    intro(false);
    add(K::paragraph, task() +
                          s("Na het overnemen van de plaatsen die aangeboden worden in het verslag (stap 1), ",
                            "After adopting the places offered in the report (step 1), ") +
                          arrives(v_.report) + ".");
    initiatives();
    if (v_.basis != v_.report)
      add(K::paragraph, s("Met de kansrijke initiatieven komt de provincie " + P + " uit op ",
                          "With the promising initiatives the province of " + P + " arrives at ") +
                            places(v_.basis) + ".");
    else if (v_.initiatives.empty())
      add(K::paragraph, s("In het verslag zijn geen kansrijke initiatieven genoemd die aan het verdeelbesluit konden "
                          "worden toegevoegd (stap 2).",
                          "The report names no promising initiatives (" + dutch_term("kansrijke initiatieven") + ") that could be added to "
                          "the allocation decision (step 2)."));
    std::vector<std::string> rest;
    for (const auto& c : v_.category_order)
      if (get(v_.remainder, c) > 0) rest.push_back(s.number(get(v_.remainder, c)) + " " + places_word(c, s.lang));
    std::string covered;
    for (const auto& c : v_.category_order)
      if (get(v_.remainder, c) == 0)
        covered = s(" De opgave voor " + places_word(c) + " is daarmee volledig gedekt.",
                    " The task for " + places_word(c, s.lang) + " is thereby fully covered.");
    add(K::paragraph, s("Daarmee resteert een restopgave van ", "This leaves a remaining task (" + dutch_term("restopgave") + ") of ") +
                          enumerate(rest, s) + s(" (stap 3).", " (step 3).") + covered);
    for (const auto& c : v_.category_order)
      if (get(v_.remainder, c) > 0) category(c);
    closing();
  }

  void category(const std::string& c) {
    std::string word = places_word(c, s.lang);
    add(K::minor, s("Restopgave ", "Remaining task: ") + word);
    std::vector<std::string> excluded;
    std::vector<std::pair<int64_t, std::string>> below;  // by round of step 4b, then name
    for (const auto& g : v_.gemeenten) {
      std::string reasons;
      for (const auto& e : g.exclusions) {
        if (e.categorie != c) continue;
        if (e.rule == "below_minimum")
          below.emplace_back(e.round, g.naam + ": " + reason_with_figures(e, s.lang));
        else
          reasons += (reasons.empty() ? "" : "; ") + reason_with_figures(e, s.lang);
      }
      if (!reasons.empty()) excluded.push_back(g.naam + ": " + reasons);
    }
    if (excluded.empty()) {
      add(K::paragraph, s("Bij de verdeling van de restopgave van " + word +
                              " is op grond van stap 4a geen gemeente uitgesloten.",
                          "In the allocation of the remaining task of " + word +
                              " no municipality has been excluded under step 4a."));
    } else {
      add(K::paragraph, s("Bij de verdeling van de restopgave van " + word +
                              " zijn de volgende gemeenten niet meegenomen (stap 4a):",
                          "The following municipalities have not been included in the allocation of the remaining "
                          "task of " + word + " (step 4a):"));
      list(excluded);
    }
    const auto& p = v_.percentage.at(c);
    auto it = v_.distribution.find(c);
    const CategoryFacts* f = it == v_.distribution.end() ? nullptr : &it->second;
    int64_t shortfall = get(v_.shortfall, c);
    if (p) {
      std::string rest = s.number(get(v_.remainder, c));
      add(K::paragraph,
          s("De restopgave van " + rest + " " + word + " is evenredig verdeeld over de " +
                (excluded.empty() ? "" : "overige ") + "gemeenten, zodat zij allen eenzelfde percentage van hun "
                "indicatieve verdeling realiseren: " + s.percent(*p) + " (exact " + p->to_string() +
                "). Geen gemeente krijgt daarbij meer opvangplaatsen dan het totaal van haar indicatieve verdeling "
                "(stap 4b).",
            "The remaining task of " + rest + " " + word +
                " has been allocated proportionately among the " + (excluded.empty() ? "" : "other ") +
                "municipalities, so that they all provide the "
                "same percentage of their indicative distribution: " + s.percent(*p) + " (exactly " + p->to_string() +
                "). No municipality thereby receives more reception places than the total of its indicative "
                "distribution (step 4b)."));
    }
    if (!below.empty()) {
      std::string min = std::to_string(v_.minimum_places);
      add(K::paragraph,
          s("De volgende gemeenten zouden daarbij minder dan " + min + " " + word +
                " krijgen; zij zijn van de verdeling uitgesloten en hun opvangplaatsen zijn verdeeld over de andere "
                "gemeenten:",
            "The following municipalities would thereby receive fewer than " + min + " " + word +
                "; they have been excluded from the allocation and their reception places have been allocated among "
                "the other municipalities:"));
      std::stable_sort(below.begin(), below.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<std::string> lines;
      for (auto& b : below) lines.push_back(std::move(b.second));
      list(lines);
    }
    if (f) {
      size_t n = f->participants.size();
      std::string among = std::to_string(n);
      std::string rounded = s("; de aantallen zijn afgerond op hele opvangplaatsen volgens de methode van de grootste "
                              "restwaarde.",
                              "; the numbers have been rounded to whole reception places by the largest remainder "
                              "method.");
      if (shortfall > 0)
        add(K::paragraph, s("Zo zijn " + s.number(f->placed) + " van de " + word + " verdeeld over " + among +
                                (n == 1 ? " gemeente" : " gemeenten"),
                            "In this way " + s.number(f->placed) + " of the " + word + " have been allocated among " +
                                among + (n == 1 ? " municipality" : " municipalities")) +
                              rounded);
      else
        add(K::paragraph, s("Zo is de restopgave van " + s.number(f->rest) + " " + word + " verdeeld over " + among +
                                (n == 1 ? " gemeente" : " gemeenten"),
                            "In this way the remaining task of " + s.number(f->rest) + " " + word +
                                " has been allocated among " + among + (n == 1 ? " municipality" : " municipalities")) +
                              rounded);
    }
    if (shortfall > 0)
      add(K::paragraph, s("Ook wanneer iedere gemeente die in aanmerking komt tot haar plafond wordt aangevuld, kunnen " +
                              s.number(shortfall) + " " + word +
                              " niet worden verdeeld. Dit tekort is in dit besluit niet over gemeenten verdeeld.",
                          "Even when every eligible municipality is filled up to its ceiling, " + s.number(shortfall) +
                              " " + word +
                              " cannot be allocated. This shortfall has not been allocated among municipalities in "
                              "this decision."));
  }

  void closing() {
    const std::string& P = v_.province;
    Block t;
    t.kind = K::table;
    t.text = s("Tabel 2: Opvangplaatsen uit de restopgave", "Table 2: Reception places from the remaining task");
    t.rows.push_back({s("Gemeente", "Municipality"), s("Reguliere opvangplaatsen", "Regular reception places"),
                      s("Amv-opvangplaatsen", "Reception places for unaccompanied minors (amv)"), s("Totaal", "Total")});
    for (const auto& g : v_.gemeenten)
      if (g.extra.total() > 0)
        t.rows.push_back({g.naam, s.number(g.extra.regulier), s.number(g.extra.amv), s.number(g.extra.total())});
    PerCategory extra{v_.besluit.regulier - v_.basis.regulier, v_.besluit.amv - v_.basis.amv};
    t.rows.push_back({s("Totaal", "Total"), s.number(extra.regulier), s.number(extra.amv), s.number(extra.total())});
    t.totals = true;
    add(K::paragraph, s("De verdeling van de restopgave is toegevoegd aan de initiële verdeling:",
                        "The allocation of the remaining task has been added to the initial allocation:"));
    out_.push_back(t);
    if (v_.shortfall.total() == 0)
      add(K::paragraph, s("Hiermee is de verdeling van opvangplaatsen voor de provincie " + P + " sluitend gemaakt: ",
                          "This makes the allocation of reception places for the province of " + P +
                              " cover the task in full: ") +
                            places(v_.besluit) +
                            s(", zoals opgenomen in Tabel 1 van artikel I.", ", as set out in Table 1 of Article I."));
    else
      add(K::paragraph, s("Hiermee komt de verdeling van opvangplaatsen voor de provincie " + P + " uit op ",
                          "The allocation of reception places for the province of " + P + " thus comes to ") +
                            places(v_.besluit) +
                            s(", zoals opgenomen in Tabel 1 van artikel I. Door het tekort van ",
                              ", as set out in Table 1 of Article I. Because of the shortfall of ") +
                            places(v_.shortfall) +
                            s(" dekt zij de provinciale opvangopgave niet volledig.",
                              ", it does not fully cover the provincial reception task."));
  }

  void zero_municipalities() {
    std::vector<std::string> none;
    for (const auto& g : v_.gemeenten)
      if (g.besluit.total() == 0) none.push_back(g.naam);
    if (none.empty()) return;
    bool one = none.size() == 1;
    add(K::paragraph,
        s(std::string(one ? "De gemeente " : "De gemeenten ") + enumerate(none, s) + (one ? " krijgt" : " krijgen") +
              " in dit besluit geen opvangplaatsen en " + (one ? "heeft" : "hebben") +
              " daarmee geen wettelijke taak; zij " + (one ? "staat" : "staan") + " daarom niet in Tabel 1.",
          std::string(one ? "The municipality " : "The municipalities ") + enumerate(none, s) +
              (one ? " receives" : " receive") + " no reception places in this decision and so " +
              (one ? "has" : "have") + " no statutory task (" + dutch_term("wettelijke taak") + "); for that reason " +
              (one ? "it is" : "they are") + " not listed in Table 1."));
  }

 private:
  const DecisionView& v_;
  const Say s;
  std::vector<Block>& out_;
};

}  // namespace

void append_toelichting_province(const DecisionView& v, Lang lang, std::vector<Block>& out) {
  Say s{lang};
  Block h;
  h.kind = K::subheading;
  h.text = s("3. Het verdeelbesluit voor de provincie ", "3. The allocation decision (" + dutch_term("verdeelbesluit") + ") for the province of ") +
           v.province;
  out.push_back(h);
  Writer w(v, lang, out);
  if (v.one_to_one())
    w.one_to_one();
  else
    w.supplemented();
  w.zero_municipalities();
}

}  // namespace verdeel::report
