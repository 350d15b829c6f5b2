// The Besluit: title, considerations, Artikel I (Tabel 1), Artikel II, signature,
// Bezwaar; then the Toelichting (besluit_toelichting*.cpp) and the Bijlage
// that anchors the text in the ledger (besluit_bijlage.cpp). In Dutch as
// published (Verdeelbesluit Drenthe 2024); in English as a translation of it,
// the Dutch names of the act, the policy rule and the legal terms kept in
// brackets beside their English meaning.
#include "report/besluit.h"

#include "report/besluit_dates.h"
#include "report/besluit_say.h"
#include "report/dutch_terms.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;

Block items(K kind, std::vector<std::string> v) {
  Block b;
  b.kind = kind;
  b.items = std::move(v);
  return b;
}

// The name of the act (the Spreidingswet) as cited in the decision.
std::string wet(const Say& s) {
  return s("de Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen",
           "the Act on the municipal task of enabling asylum reception facilities (" +
               dutch_term("Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen") + ")");
}

std::string minister(const Say& s) { return s("De Minister van Asiel en Migratie,", "The Minister of Asylum and Migration,"); }

// Tabel 1 as published: the municipalities the decision gives places, and the totals.
Block tabel1(const DecisionView& v, const Say& s) {
  Block t;
  t.kind = K::table;
  t.text = s("Tabel 1: Verdeling asielopvangplaatsen over gemeenten",
             "Table 1: Allocation of asylum reception places among municipalities");
  t.rows.push_back({s("Gemeente", "Municipality"), s("Reguliere opvangplaatsen", "Regular reception places"),
                    s("Amv-opvangplaatsen", "Reception places for unaccompanied minors (amv)"), s("Totaal", "Total")});
  for (const auto& g : v.gemeenten) {
    if (g.besluit.total() == 0) continue;
    t.rows.push_back({g.naam, s.number(g.besluit.regulier), s.number(g.besluit.amv), s.number(g.besluit.total())});
  }
  t.rows.push_back({s("Totaal", "Total"), s.number(v.besluit.regulier), s.number(v.besluit.amv),
                    s.number(v.besluit.total())});
  t.totals = true;
  return t;
}

std::vector<std::string> signature(const std::string& datum, const Say& s) {
  return {minister(s), "", s("[ondertekening]", "[signature]"), "", s("'s-Gravenhage, ", dutch_term("'s-Gravenhage") + " (The Hague), ") + datum};
}

void bezwaar(const Say& s, std::vector<Block>& out) {
  out.push_back(text_block(K::heading, s("Bezwaar", dutch_term("Bezwaar") + " (objection)")));
  out.push_back(text_block(
      K::paragraph,
      s("Op grond van de Algemene wet bestuursrecht kunnen belanghebbenden een bezwaarschrift indienen tegen dit besluit "
        "binnen zes weken na de dag waarop dit is bekendgemaakt. Het bezwaarschrift moet worden gericht aan de Minister "
        "van Asiel en Migratie, Postbus 20301, 2500 EH Den Haag.",
        "Under the General Administrative Law Act (" + dutch_term("Algemene wet bestuursrecht") +
            "), interested parties (" + dutch_term("belanghebbenden") + ") may lodge a notice of objection (" +
            dutch_term("bezwaarschrift") +
            ") against this decision within six weeks after the day on which it was published. The notice of "
            "objection must be addressed to the Minister of Asylum and Migration, " +
            dutch_term("Postbus 20301, 2500 EH Den Haag") + ", the Netherlands.")));
  out.push_back(text_block(K::paragraph, s("Het bezwaarschrift dient te zijn ondertekend en ten minste te bevatten:",
                                     "The notice of objection must be signed and must contain at least:")));
  out.push_back(items(
      K::letters,
      {s("naam en adres van de indiener;", "the name and address of the person lodging it;"),
       s("de dagtekening;", "the date;"),
       s("een omschrijving van het besluit waartegen het bezwaarschrift zich richt (datum en nummer);",
         "a description of the decision objected to (date and number);"),
       s("een opgave van de redenen waarom men zich met het besluit niet kan verenigen;",
         "a statement of the reasons why the person lodging it does not agree with the decision;"),
       s("zo mogelijk een afschrift van het besluit waartegen het bezwaarschrift zich richt.",
         "if possible, a copy of the decision objected to.")}));
  out.push_back(text_block(K::paragraph,
                     s("Het niet voldoen aan deze eisen kan leiden tot niet-ontvankelijkheid van het bezwaarschrift.",
                       "Failure to meet these requirements may lead to the notice of objection being declared "
                       "inadmissible (" + dutch_term("niet-ontvankelijk") + ").")));
  out.push_back(text_block(K::paragraph,
                     s("Een bezwaarschrift kan uitsluitend per gewone post en niet per e-mail worden ingediend.",
                       "A notice of objection can only be lodged by ordinary post, not by e-mail.")));
  out.push_back(text_block(
      K::paragraph,
      s("Machtigt u iemand om namens u bezwaar te maken? Stuur dan ook een kopie van de machtiging mee. Bij indiening "
        "van een bezwaarschrift namens een rechtspersoon, dient u documenten mee te sturen (origineel uittreksel uit "
        "het handelsregister en/of een kopie van de statuten van de rechtspersoon) waaruit blijkt dat u bevoegd bent "
        "namens de rechtspersoon op te treden.",
        "If you authorise someone to object on your behalf, enclose a copy of the authorisation. When lodging "
        "a notice of objection on behalf of a legal person, you must enclose documents (an original extract from the "
        "Commercial Register (" + dutch_term("handelsregister") + ") and/or a copy of the articles of association of the legal person) showing "
        "that you are authorised to act on behalf of the legal person.")));
}

}  // namespace

Block text_block(Block::Kind kind, std::string text) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  return b;
}

Document besluit_document(const DecisionView& v, const BesluitOptions& options) {
  const Say s{options.lang};
  const std::string P = v.province;
  const std::string datum = options.datum.empty() ? s("[datum]", "[date]") : written_date(options.datum, options.lang);
  const std::string nummer = options.nummer.empty() ? s("[nummer]", "[number]") : options.nummer;
  CycleDates dates = cycle_dates(v.cycle, options.lang);
  Document d;
  d.lang = options.lang;
  const std::string citeertitel = "Verdeelbesluit " + P + " " + v.cycle;
  d.title = citeertitel + s("", " (allocation decision)");
  auto& out = d.blocks;
  if (options.lang == Lang::en)
    out.push_back(text_block(K::note, "This is an English translation for information only: the decision is the Dutch text "
                                "of the " + citeertitel + ", which alone is legally binding."));
  if (const std::string notice = superseded_notice(v, options.lang); !notice.empty())
    out.push_back(text_block(K::note, notice));
  out.push_back(text_block(
      K::title,
      s("Besluit van de Minister van Asiel en Migratie, van " + datum + ", nr. " + nummer +
            ", houdende de verdeling van asielopvangplaatsen in het kader van " + wet(s) + " over de provincie " + P,
        "Decision (" + dutch_term("besluit") + ") of the Minister of Asylum and Migration of " + datum + ", no. " + nummer +
            ", allocating the asylum reception places of the province of " + P + " among its municipalities under " +
            wet(s))));
  out.push_back(text_block(K::paragraph, minister(s)));
  out.push_back(text_block(
      K::paragraph,
      s("Gelet op artikel 5 van " + wet(s) + ", de Beleidsregel verdeelbesluiten en de Capaciteitsraming, provinciale "
            "opvangopgave en indicatieve verdeling per gemeente " + v.cycle + ";",
        "Having regard to article 5 of " + wet(s) + ", the Allocation Decisions Policy Rule (" +
            dutch_term("Beleidsregel verdeelbesluiten") +
            ") and the Capacity Estimate, Provincial Reception Task and Indicative Distribution per Municipality " +
            v.cycle + " (" +
            dutch_term("Capaciteitsraming, provinciale opvangopgave en indicatieve verdeling per gemeente " + v.cycle) +
            ");")));
  out.push_back(text_block(K::paragraph, s("Besluit:", "Decides:")));
  out.push_back(text_block(K::heading, s("Artikel I", "Article I")));
  out.push_back(text_block(K::paragraph,
                     s("De asielopvangplaatsen uit de provinciale opvangopgave van de provincie " + P +
                           ", zoals bekendgemaakt op " + dates.opgave_bekendgemaakt +
                           ", worden als volgt over de gemeenten verdeeld:",
                       "The asylum reception places of the provincial reception task (" + dutch_term("provinciale opvangopgave") + ") of "
                       "the province of " + P + ", as published on " + dates.opgave_bekendgemaakt +
                           ", are allocated among the municipalities as follows:")));
  out.push_back(tabel1(v, s));
  out.push_back(text_block(K::heading, s("Artikel II", "Article II")));
  out.push_back(text_block(K::paragraph, s("Dit besluit wordt aangehaald als: ", "This decision may be cited as: ") + citeertitel));
  out.push_back(items(K::lines, signature(datum, s)));
  bezwaar(s, out);
  Block toelichting = text_block(K::heading, s("Toelichting", "Explanatory notes (" + dutch_term("Toelichting") + ")"));
  toelichting.opens = Block::Part::toelichting;
  out.push_back(toelichting);
  if (options.lang == Lang::en)
    append_toelichting_general_en(v, out);
  else
    append_toelichting_general(v, out);
  append_toelichting_province(v, options.lang, out);
  out.push_back(items(K::lines, {minister(s), "", s("[ondertekening]", "[signature]")}));
  append_bijlage(v, options.lang, out);
  return d;
}

}  // namespace verdeel::report
