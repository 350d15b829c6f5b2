// Toelichting, sections 1 and 2, as published in the Verdeelbesluit Drenthe
// 2024 (../shared/reference/verdeelbesluit-drenthe-2024.txt), word for word;
// only the dates follow the cycle (besluit_dates.h) and the minimum the policy.
#include "report/besluit.h"
#include "report/besluit_dates.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;


}  // namespace

void append_toelichting_general(const DecisionView& v, std::vector<Block>& out) {
  CycleDates d = cycle_dates(v.cycle);
  auto sub = [&](std::string t) { out.push_back(text_block(K::subheading, std::move(t))); };
  auto minor = [&](std::string t) { out.push_back(text_block(K::minor, std::move(t))); };
  auto para = [&](std::string t) { out.push_back(text_block(K::paragraph, std::move(t))); };

  sub("1. Algemene uitgangspunten");
  para("Op grond van artikel 5, eerste lid, van de Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen "
       "(hierna: de wet) neemt de Minister van Asiel en Migratie eens in de twee jaar een verdeelbesluit per "
       "provincie. In deze besluiten worden de opvangplaatsen per provincie, zoals bepaald in de provinciale "
       "opvangopgave die voor 1 februari van hetzelfde kalenderjaar bekend is gemaakt, verdeeld over de in het "
       "besluit aangewezen gemeenten.");
  minor("Bijzondere opvangplaatsen");
  para("In de provinciale opvangopgave kan aan gemeenten naast een opgave voor reguliere opvangplaatsen een aparte "
       "opgave worden gegeven voor bijzondere opvangplaatsen. De provinciale opvangopgave voor deze cyclus is "
       "bekendgemaakt op " +
       d.opgave_bekendgemaakt +
       ". Hierin is een opgave voor de bijzondere opvangplaatsen meegegeven, namelijk voor opvangplaatsen voor "
       "alleenstaande minderjarige vreemdelingen (amv). In de verdeelbesluiten worden voor deze cyclus zowel de "
       "benodigde reguliere opvangplaatsen als de benodigde amv-opvangplaatsen verdeeld. De verdeling telt op tot de "
       "provinciale opvangopgave. Waar in het vervolg van deze toelichting over de provinciale opvangopgave wordt "
       "gesproken, ziet dit toe op zowel de opgave voor regulier als voor amv.");
  minor("Wettelijke taak");
  para("Met de verdeelbesluiten wordt invulling gegeven aan de taak die de wet creëert voor gemeenten; zij moeten de "
       "opvangplaatsen uit het verdeelbesluit mogelijk maken. Gemeenten die in het verdeelbesluit geen opgave hebben, "
       "hebben dus geen wettelijke taak. Bij het maken van de verdeelbesluiten neemt de minister een aantal "
       "uitgangspunten in acht die zijn opgenomen in de wet en in de Beleidsregel verdeelbesluiten (" +
       d.beleidsregel + ").");
  minor("Provinciaal verslag");
  para("Op 31 oktober van dit jaar hebben de commissarissen van de Koning in hun rol als rijksorgaan en voorzitter "
       "van de Provinciale regietafel (PRT) verslag uitgebracht (zoals bedoeld in artikel 4, tweede lid, van de wet) "
       "naar aanleiding van het overleg dat plaats heeft gevonden aan de PRT. In dit verslag is een verdeling van de "
       "provinciale opvangopgave voor de twee daaropvolgende jaren over een aantal gemeenten voorgesteld. Hierbij "
       "wordt onderscheid gemaakt tussen reguliere opvangplaatsen en amv-opvangplaatsen. Dit provinciale verslag is "
       "voor de minister het uitgangspunt bij het nemen van het verdeelbesluit.");
  para("Wanneer uit het verslag blijkt dat aan de PRT overeenstemming is bereikt over een volledige en uitvoerbare "
       "invulling van de provinciale opvangopgave, wordt de verdeling uit het verslag door de minister overgenomen "
       "in het verdeelbesluit (artikel 2, tweede lid, Beleidsregel verdeelbesluiten). Onder volledige invulling wordt "
       "verstaan: een invulling die het vastgestelde aantal reguliere opvangplaatsen én amv-opvangplaatsen uit de "
       "provinciale opvangopgave volledig dekt.");
  para("Als uit het verslag blijkt dat het aan de PRT niet gelukt is om te komen tot een volledige en uitvoerbare "
       "verdeling die de gehele provinciale opvangopgave dekt, wordt het verdeelbesluit aangevuld door de minister, "
       "zodat het verdeelbesluit de provinciale opvangopgave volledig dekt. Ook in dit geval is de verdeling in het "
       "verslag het uitgangspunt.");
  minor("Overwegingen bij het aanvullen van het verdeelbesluit");
  para("Bij het aanvullen van het verdeelbesluit laat de minister zich volgens artikel 3 van de Beleidsregel "
       "verdeelbesluiten leiden door de volgende overwegingen:");
  minor("a. Evenwichtige verdeling");
  para("De minister streeft naar een zo evenwichtig mogelijke verdeling over het grondgebied van Nederland, rekening "
       "houdend met de SES-WOA-score op gemeenteniveau. De indicatieve verdeling per gemeente is hiervoor het "
       "uitgangspunt, aangezien hierin rekening is gehouden met de evenwichtige verdeling naar inwoneraantal en de "
       "SES-WOA score.");
  minor("b. Eerdere en bijzondere inspanningen op het gebied van asielopvang");
  para("Er wordt rekening gehouden met de eerder geboden asielopvang in gemeenten in de afgelopen tien jaar en ook "
       "de opvang van ontheemden in het geval van acute noodsituaties (zoals in het geval van Oekraïne). Hierbij "
       "speelt de duur (maanden, jaren) en omvang (aantal opvangplaatsen) van de eerder geboden asielopvang een rol. "
       "Ook wordt gekeken naar de aanwezigheid van bijzondere opvangmodaliteiten binnen de gemeenten. Voor het "
       "overzicht van de eerdere en bijzondere inspanningen op gebied van asielopvang per gemeente maakt de minister "
       "gebruik van reeds bekende informatie, waaronder de informatie uit het verslag en informatie van andere "
       "partijen zoals bijvoorbeeld het COA. Als blijkt dat een gemeente veel meer doet of in de afgelopen tien jaar "
       "heeft gedaan, dan op basis van de indicatieve verdeling is bepaald, ligt het niet in de lijn der verwachting "
       "dat deze gemeente een (extra) opgave krijgt bij het sluitend maken van de verdeling.");
  minor("c. Haalbaarheid en uitvoerbaarheid");
  para("Er wordt bij de verdeling ook rekening gehouden met de haalbaarheid en uitvoerbaarheid van de "
       "opvangplaatsen voor de uitvoeringsorganisaties in de migratieketen en de gevolgen hiervan voor het asiel-, "
       "vertrek- en opvangproces. Hierbij worden ook de omstandigheden meegewogen die kunnen bijdragen aan kansrijke "
       "realiseerbaarheid van een opvangvoorziening in een gemeente. Om de haalbaarheid en uitvoerbaarheid van een "
       "verdeelbesluit te beoordelen, maakt de minister gebruik van de al bekende informatie hierover en informatie "
       "van andere partijen zoals bijvoorbeeld het COA, de IND en de DTenV.");

  sub("2. Methode voor het aanvullen van de verdeelbesluiten");
  para("Wanneer de verdeling uit het verslag niet de gehele provinciale opvangopgave dekt, is het verdeelbesluit "
       "aangevuld door de minister zodat het verdeelbesluit uiteindelijk de provinciale opvangopgave volledig dekt. "
       "Om tot een sluitende verdeling te komen, zijn verschillende stappen gezet. Deze stappen worden hieronder "
       "toegelicht.");
  minor("Stap 1: Overnemen opvangplaatsen uit provinciaal verslag");
  para("Wanneer de verdeling uit een provinciaal verslag niet sluitend is, is deze ook het uitgangspunt voor het "
       "verdeelbesluit. De reguliere en amv-asielopvangplaatsen uit het verslag worden overgenomen in het "
       "verdeelbesluit. Zo is zo veel mogelijk recht gedaan aan de keuzes en afspraken die aan de PRT zijn gemaakt.");
  minor("Stap 2: Toevoegen opvangplaatsen vanuit kansrijke initiatieven");
  para("In de verslagen worden mogelijk ook opvangplaatsen genoemd waarvan onvoldoende duidelijk is of deze tijdig "
       "(binnen zes maanden na bekendmaking van het verdeelbesluit) beschikbaar zijn en/of in ieder geval beschikbaar "
       "blijven tot de datum van de volgende capaciteitsraming (" +
       d.volgende_raming + "). Vaak zijn plannen voor deze opvangplaatsen wel al in een vergevorderd stadium.");
  para("Plannen worden als kansrijk beschouwd wanneer deze in ieder geval één van de volgende elementen bevatten:");
  Block elements;
  elements.kind = K::bullets;
  elements.items = {"Lokale besluitvorming is afgerond;",
                    "Een beoogde locatie is niet binnen zes maanden na bekendmaking van het verdeelbesluit "
                    "beschikbaar, maar wel voor publicatie van de nieuwe capaciteitsraming op " +
                        d.volgende_raming + ";",
                    "Een bestaande locatie is niet beschikbaar tot de datum van de volgende capaciteitsraming, maar er "
                    "is aantoonbaar zicht op verlenging van de locatie;",
                    "Er is een duidelijke toezegging van een gemeente om de opvangplaatsen tijdig (binnen 6 maanden na "
                    "bekendmaking van het verdeelbesluit) te realiseren."};
  out.push_back(elements);
  para("Als er in het verslag opvangplaatsen zijn genoemd die een of meerdere van de bovenstaande elementen "
       "bevatten, zijn deze kansrijke initiatieven opgenomen in het verdeelbesluit. Dit is wenselijk vanwege de "
       "haalbaarheid en uitvoerbaarheid. Hiermee wordt voorkomen dat gemeenten die al kansrijke plannen hebben geen "
       "wettelijke taak krijgen en gemeenten die geen plannen hebben wel.");
  minor("Stap 3: Berekenen van de restopgave");
  para("Na het overnemen van de opvangplaatsen uit het verslag en de kansrijke initiatieven kan het zo zijn dat de "
       "verdeling nog niet optelt tot de provinciale opvangopgave. Wanneer dit het geval is, is berekend wat de "
       "restopgave is. Dit is het aantal reguliere en/of amv-opvangplaatsen dat nodig is om te voldoen aan de "
       "provinciale opvangopgave. Aangezien alle provincies een opvangopgave hebben voor reguliere opvangplaatsen en "
       "amv-opvangplaatsen kunnen zij een restopgave hebben voor reguliere opvangplaatsen, amv-opvangplaatsen of "
       "voor beiden.");
  minor("Stap 4: Verdelen restopgave");
  para("De restopgave is vervolgens verdeeld over de gemeenten. Hierbij is rekening gehouden met een aantal "
       "factoren:");
  minor("Stap 4a: Uitsluiten gemeenten voor de verdeling van de restopgave");
  para("Bij het verdelen van de restopgave zijn de uitgangspunten uit de Beleidsregel verdeelbesluiten in acht "
       "genomen. Op grond van deze uitgangspunten kunnen gemeenten worden uitgesloten bij de verdeling van de "
       "restopgave.");
  minor("Realisatie aantal opvangplaatsen indicatieve verdeling");
  para("Wanneer een gemeente in het provinciaal verslag heeft aangegeven evenveel of meer te doen dan het aantal "
       "opvangplaatsen uit de indicatieve verdeling, is deze gemeente niet meegenomen bij de verdeling van de "
       "restopgave. Hiermee wordt recht gedaan aan het uitgangspunt van het streven naar een zo evenwichtig mogelijke "
       "verdeling. Daarom is de restopgave alleen verdeeld over gemeenten die deze evenredige bijdrage nog niet "
       "leveren.");
  minor("Uitzonderlijke historische bijdrage");
  para("Wanneer een gemeente de afgelopen tien jaar gemiddeld een grotere bijdrage aan de opvangopgave heeft "
       "geleverd dan van de gemeente op basis van de indicatieve verdeling mocht worden verwacht, is deze gemeente "
       "niet meegenomen bij de verdeling van de restopgave. Om dit te beoordelen is gekeken naar de opvangplaatsen "
       "die een gemeente in de afgelopen 10 jaar (van " +
       d.historie +
       ") per jaar gemiddeld heeft gerealiseerd. Wanneer de gemiddelde historische bijdrage van een gemeente hoger "
       "was dan de indicatieve verdeling, is de gemeente niet meegenomen bij de verdeling van de restopgave. Dit doet "
       "recht aan het uitgangspunt dat bij het verdelen van de restopgave rekening wordt gehouden met de eerder "
       "geboden asielopvang in gemeenten in de afgelopen tien jaar.");
  para("Ook wanneer gemeenten een uitzonderlijke bijdrage hebben geleverd aan de opvang van Oekraïners, zijn zij "
       "uitgesloten voor de verdeling van de restopgave. Dit is het geval als hun bijdrage aan het aantal "
       "opvangplaatsen voor Oekraïners van " +
       d.oekraine +
       " groter dan 200% was van het aantal opvangplaatsen dat zij hadden moeten realiseren op basis van een "
       "evenredige verdeling van het totaal aantal opvangplaatsen over alle gemeenten.");
  minor("Uitruil tussen gemeenten");
  para("Aan de PRT hebben gemeenten afspraken kunnen maken over het uitruilen van opvangplaatsen binnen de "
       "provincie. Wanneer gemeente A opvangplaatsen realiseert voor gemeente B, zijn deze bij de verdeling van de "
       "restopgave beschouwd als opvangplaatsen van gemeente B. Als gemeente A voor gemeente B een aantal "
       "opvangplaatsen realiseert dat gelijk is aan het aantal opvangplaatsen dat gemeente B op basis van de "
       "indicatieve verdeling zou moeten realiseren, is gemeente B niet meegenomen bij de verdeling van de "
       "restopgave van reguliere opvangplaatsen. Wanneer de uitruilafspraak voor een gemeente niet gelijk is aan de "
       "indicatieve verdeling, is dit bij de verdeling van de restopgave meegewogen; de gemeente krijgt dan een "
       "kleiner deel van de restopgave.");
  para("Wanneer meerdere gemeenten hebben aangegeven hun opgaven onderling uit te ruilen, is dit meegenomen bij de "
       "verdeling van de restopgave van reguliere opvangplaatsen. Als het aantal reguliere opvangplaatsen dat ze "
       "gezamenlijk realiseren gelijk aan of groter is dan het aantal opvangplaatsen dat ze samen op basis van hun "
       "indicatieve verdeling zouden moeten realiseren, zijn deze gemeenten uitgesloten bij de verdeling van de "
       "restopgave van reguliere opvangplaatsen.");
  minor("Stap 4b: Verdelen van resterende opvangplaatsen over gemeenten");
  para("Een deel van de gemeenten is op basis van de hierboven genoemde criteria niet meegenomen bij de verdeling "
       "van de restopgave. Er blijft een aantal gemeenten over waarover de restopgave is verdeeld. De restopgave is "
       "evenredig verdeeld over al deze gemeenten zodat zij allen eenzelfde percentage moeten realiseren van het "
       "aantal opvangplaatsen dat ze op basis van de indicatieve verdeling zouden moeten realiseren. Hoe hoog dit "
       "percentage is, hangt af van de omvang van de restopgave en het aantal gemeenten dat is uitgesloten van de "
       "verdeling van de restopgave. Gemeente krijgen in het verdeelbesluit niet meer opvangplaatsen dan het totaal "
       "aantal opvangplaatsen (regulier en amv) uit de indicatieve verdeling. Deze methode voor verdeling van de "
       "restopgave doet recht aan het uitgangspunt van een evenwichtig verdeling. Ook gemeenten die in het verslag "
       "al hebben aangegeven een aantal opvangplaatsen mogelijk te maken, maar minder dan het aantal opvangplaatsen "
       "uit de indicatieve verdeling, kunnen een deel van de restopgave krijgen. Dit is het geval wanneer het aantal "
       "opvangplaatsen dat zij in het verslag hebben aangegeven onder het percentage blijft van de indicatieve "
       "verdeling die gemeenten in de betreffende provincie moeten realiseren om de verdeling sluitend te maken.");
  para("Mocht een gemeente door deze verdeling van de restopgave uitkomen op een aantal van minder dan " +
       std::to_string(v.minimum_places) +
       " opvangplaatsen (regulier of amv), dan wordt deze gemeente uitgesloten van de verdeling en worden deze "
       "opvangplaatsen verdeeld over de andere gemeenten die wel in aanmerking komen voor de verdeling van de "
       "restopgave. Zo wordt recht gedaan aan het uitgangspunt van haalbaarheid en uitvoerbaarheid, omdat zulke "
       "kleine aantallen moeilijk te realiseren zijn. De verdeling van de restopgave wordt vervolgens toegevoegd aan "
       "de initiële verdeling. Hiermee is de verdeling van opvang plaatsen voor de provincie sluitend gemaakt.");
}

}  // namespace verdeel::report
