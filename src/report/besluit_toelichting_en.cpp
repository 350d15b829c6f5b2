// Toelichting, sections 1 and 2, in English (`besluit --lang en`): a
// translation of besluit_toelichting.cpp, paragraph for paragraph, of the
// published Verdeelbesluit Drenthe 2024 (../shared/reference/
// verdeelbesluit-drenthe-2024.txt). The Dutch names of the act, the policy rule
// and the bodies stay beside their English meaning, in brackets, the first time
// they occur; the dates follow the cycle (besluit_dates.h), the minimum the policy.
#include "report/besluit.h"
#include "report/besluit_dates.h"
#include "report/dutch_terms.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;


}  // namespace

void append_toelichting_general_en(const DecisionView& v, std::vector<Block>& out) {
  CycleDates d = cycle_dates(v.cycle, Lang::en);
  auto sub = [&](std::string t) { out.push_back(text_block(K::subheading, std::move(t))); };
  auto minor = [&](std::string t) { out.push_back(text_block(K::minor, std::move(t))); };
  auto para = [&](std::string t) { out.push_back(text_block(K::paragraph, std::move(t))); };

  sub("1. General principles");
  para("Under article 5, first paragraph, of the Act on the municipal task of enabling asylum reception facilities "
       "(" + dutch_term("Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen") +
       "; hereinafter: the Act), the Minister of Asylum and Migration takes an allocation decision (" +
       dutch_term("verdeelbesluit") +
       ") per province once every two years. These decisions allocate the reception places per province, as set in "
       "the provincial reception task (" + dutch_term("provinciale opvangopgave") + ") published before 1 February of the same calendar year, among the municipalities designated in "
       "the decision.");
  minor("Special reception places");
  para("In the provincial reception task, municipalities may be given, besides a task for regular reception places, "
       "a separate task for special reception places. The provincial reception task for this cycle was published on " +
       d.opgave_bekendgemaakt +
       ". It includes a task for special reception places, namely reception places for unaccompanied minor aliens "
       "(" + dutch_term("alleenstaande minderjarige vreemdelingen, amv") + "). For this cycle the allocation decisions allocate both the "
       "regular reception places and the amv reception places needed. The allocation adds up to the provincial "
       "reception task. Where the rest of these explanatory notes refers to the provincial reception task, this "
       "covers both the task for regular places and the task for amv.");
  minor("Statutory task");
  para("The allocation decisions give effect to the task that the Act creates for municipalities: they must enable "
       "the reception places of the allocation decision. Municipalities without a task in the allocation decision "
       "therefore have no statutory task (" + dutch_term("wettelijke taak") +
       "). In making the allocation decisions, the Minister observes a number of principles laid down in the Act and "
       "in the Allocation Decisions Policy Rule (" + dutch_term("Beleidsregel verdeelbesluiten") + ", " +
       d.beleidsregel + ").");
  minor("Provincial report");
  para("On 31 October of this year the King's Commissioners (" + dutch_term("commissarissen van de Koning") +
       "), in their role as organ of central government and chair of the Provincial Steering Table (" +
       dutch_term("Provinciale regietafel, PRT") + "), reported (as "
       "referred to in article 4, second paragraph, of the Act) on the consultation held at the PRT. In this report "
       "an allocation of the provincial reception task for the two following years among a number of municipalities "
       "has been proposed, distinguishing between regular reception places and amv reception places. This provincial "
       "report (" + dutch_term("verslag") + ") is the Minister's starting point in taking the allocation decision.");
  para("Where the report shows that agreement has been reached at the PRT on a complete and feasible fulfilment of "
       "the provincial reception task, the Minister adopts the allocation from the report in the allocation decision "
       "(article 2, second paragraph, Allocation Decisions Policy Rule). A complete fulfilment is understood to mean "
       "one that fully covers the set number of regular reception places and amv reception places of the provincial "
       "reception task.");
  para("Where the report shows that the PRT has not succeeded in arriving at a complete and feasible allocation "
       "covering the entire provincial reception task, the Minister supplements the allocation decision, so that it "
       "fully covers the provincial reception task. In this case too, the allocation in the report is the starting "
       "point.");
  minor("Considerations in supplementing the allocation decision");
  para("In supplementing the allocation decision, the Minister is guided, under article 3 of the Allocation "
       "Decisions Policy Rule, by the following considerations:");
  minor("a. Balanced distribution");
  para("The Minister seeks as balanced a distribution as possible across the territory of the Netherlands, taking "
       "account of the SES-WOA score (socio-economic status: wealth, education and employment) at municipal level. "
       "The indicative distribution per municipality is the starting point for this, as it takes account of a "
       "balanced distribution by number of inhabitants and of the SES-WOA score.");
  minor("b. Earlier and special efforts in asylum reception");
  para("Account is taken of the asylum reception provided earlier in municipalities over the past ten years, and "
       "also of the reception of displaced persons in acute emergencies (as in the case of Ukraine). The duration "
       "(months, years) and the scale (number of reception places) of the asylum reception provided earlier play a "
       "part in this. The presence of special forms of reception within the municipalities is also considered. For "
       "the overview of the earlier and special efforts in asylum reception per municipality, the Minister uses "
       "information already known, including the information from the report and information from other parties "
       "such as the COA (Central Agency for the Reception of Asylum Seekers). If a municipality turns out to do, or "
       "to have done over the past ten years, much more than was determined on the basis of the indicative "
       "distribution, it is not to be expected that this municipality will be given an (additional) task when the "
       "allocation is made to cover the task in full.");
  minor("c. Feasibility and practicability");
  para("The allocation also takes account of the feasibility and practicability of the reception places for the "
       "implementing organisations in the migration chain and of the consequences for the asylum, return and "
       "reception process. The circumstances that can contribute to the likely realisation of a reception facility "
       "in a municipality are also weighed. To assess the feasibility and practicability of an allocation decision, "
       "the Minister uses the information already known on this and information from other parties such as the "
       "COA, the IND (Immigration and Naturalisation Service) and the DTenV (Repatriation and Departure Service).");

  sub("2. Method for supplementing the allocation decisions");
  para("Where the allocation in the report does not cover the entire provincial reception task, the Minister has "
       "supplemented the allocation decision so that it ultimately covers the provincial reception task in full. "
       "Several steps have been taken to arrive at an allocation that covers the task. These steps are explained "
       "below.");
  minor("Step 1: Adopting the reception places of the provincial report");
  para("Where the allocation in a provincial report does not cover the task, it is nevertheless the starting point "
       "for the allocation decision. The regular and amv asylum reception places from the report are taken over in "
       "the allocation decision. In this way the choices and agreements made at the PRT are respected as far as "
       "possible.");
  minor("Step 2: Adding reception places from promising initiatives");
  para("The reports may also mention reception places for which it is insufficiently clear whether they will be "
       "available in time (within six months of publication of the allocation decision) and/or will in any case "
       "remain available until the date of the next capacity estimate (" +
       d.volgende_raming + "). Plans for these reception places are often already at an advanced stage.");
  para("Plans are regarded as promising (" + dutch_term("kansrijk") + ") if they contain at least one of the following elements:");
  Block elements;
  elements.kind = K::bullets;
  elements.items = {"Local decision-making has been completed;",
                    "An intended location is not available within six months of publication of the allocation "
                    "decision, but is available before publication of the new capacity estimate on " +
                        d.volgende_raming + ";",
                    "An existing location is not available until the date of the next capacity estimate, but there "
                    "is a demonstrable prospect of extension of the location;",
                    "There is a clear commitment by a municipality to provide the reception places in time (within 6 "
                    "months of publication of the allocation decision)."};
  out.push_back(elements);
  para("Where the report mentions reception places that contain one or more of the elements above, these promising "
       "initiatives have been included in the allocation decision. This is desirable for reasons of feasibility and "
       "practicability. It avoids municipalities that already have promising plans being given no statutory "
       "task while municipalities that have no plans are given one.");
  minor("Step 3: Calculating the remaining task");
  para("After the reception places from the report and the promising initiatives have been taken over, the "
       "allocation may still not add up to the provincial reception task. Where that is the case, the remaining task "
       "(" + dutch_term("restopgave") + ") has been calculated. This is the number of regular and/or amv reception places needed to meet "
       "the provincial reception task. Since all provinces have a reception task for regular reception places and "
       "amv reception places, they can have a remaining task for regular reception places, for amv reception places "
       "or for both.");
  minor("Step 4: Allocating the remaining task");
  para("The remaining task has then been allocated among the municipalities, taking account of a number of "
       "factors:");
  minor("Step 4a: Excluding municipalities from the allocation of the remaining task");
  para("In allocating the remaining task, the principles of the Allocation Decisions Policy Rule have been "
       "observed. On the basis of these principles, municipalities may be excluded from the allocation of the "
       "remaining task.");
  minor("Meeting the number of reception places of the indicative distribution");
  para("Where a municipality has indicated in the provincial report that it does as much as or more than the number "
       "of reception places of the indicative distribution, this municipality has not been included in the "
       "allocation of the remaining task. This respects the principle of seeking as balanced a distribution as "
       "possible. The remaining task has therefore been allocated only among municipalities that do not yet make "
       "this proportionate contribution.");
  minor("Exceptional historical contribution");
  para("Where a municipality has over the past ten years on average made a larger contribution to the reception task "
       "than could be expected of it on the basis of the indicative distribution, this municipality has not been "
       "included in the allocation of the remaining task. To assess this, the reception places that a municipality "
       "provided on average per year over the past 10 years (from " +
       d.historie +
       ") have been considered. Where the average historical contribution of a municipality was higher than the "
       "indicative distribution, the municipality has not been included in the allocation of the remaining task. "
       "This respects the principle that the allocation of the remaining task takes account of the asylum reception "
       "provided earlier in municipalities over the past ten years.");
  para("Municipalities that have made an exceptional contribution to the reception of Ukrainians have also been "
       "excluded from the allocation of the remaining task. This is the case if their contribution to the number of "
       "reception places for Ukrainians from " +
       d.oekraine +
       " was more than 200% of the number of reception places they would have had to provide on the basis of a "
       "proportionate distribution of the total number of reception places among all municipalities.");
  minor("Exchange between municipalities");
  para("At the PRT, municipalities have been able to make agreements on exchanging reception places within the "
       "province. Where municipality A provides reception places for municipality B, these have been regarded as "
       "reception places of municipality B in the allocation of the remaining task. If municipality A provides for "
       "municipality B a number of reception places equal to the number of reception places that municipality B "
       "would have to provide on the basis of the indicative distribution, municipality B has not been included in "
       "the allocation of the remaining task of regular reception places. Where the exchange agreement for a "
       "municipality is not equal to the indicative distribution, this has been taken into account in the "
       "allocation of the remaining task; the municipality then receives a smaller share of the remaining task.");
  para("Where several municipalities have indicated that they exchange their tasks among themselves, this has been "
       "taken into account in the allocation of the remaining task of regular reception places. If the number of "
       "regular reception places they provide together is equal to or greater than the number of reception places "
       "they would together have to provide on the basis of their indicative distribution, these municipalities have "
       "been excluded from the allocation of the remaining task of regular reception places.");
  minor("Step 4b: Allocating the remaining reception places among municipalities");
  para("Some of the municipalities have not been included in the allocation of the remaining task on the basis of "
       "the criteria above. A number of municipalities remain among which the remaining task has been allocated. The "
       "remaining task has been allocated proportionately among all these municipalities, so that they must all "
       "provide the same percentage of the number of reception places they would have to provide on the basis of "
       "the indicative distribution. How high this percentage is depends on the size of the remaining task and on "
       "the number of municipalities excluded from the allocation of the remaining task. Municipalities do not "
       "receive more reception places in the allocation decision than the total number of reception places "
       "(regular and amv) of the indicative distribution. This method of allocating the remaining task respects the "
       "principle of a balanced distribution. Municipalities that have already indicated in the report that they "
       "will enable a number of reception places, but fewer than the number of reception places of the indicative "
       "distribution, can also receive a share of the remaining task. This is the case when the number of reception "
       "places they indicated in the report stays below the percentage of the indicative distribution that "
       "municipalities in the province concerned must provide to make the allocation cover the task.");
  para("Should a municipality, through this allocation of the remaining task, end up with fewer than " +
       std::to_string(v.minimum_places) +
       " reception places (regular or amv), it is excluded from the allocation and these reception places are "
       "allocated among the other municipalities that do qualify for the allocation of the remaining task. This "
       "respects the principle of feasibility and practicability, since such small numbers are hard to realise. The "
       "allocation of the remaining task is then added to the initial allocation. This makes the allocation of "
       "reception places for the province cover the task in full.");
}

}  // namespace verdeel::report
