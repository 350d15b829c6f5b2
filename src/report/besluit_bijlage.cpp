// The Bijlage of the besluit: the ledger facts that anchor the published text
// (LEDGER.md: the decision record, the steps of its run, the input set, the
// ledger's size, Merkle root and head, a signed checkpoint when there is one),
// and how a reader checks them with verify and replay.
#include "report/besluit.h"
#include "report/besluit_say.h"
#include "report/dutch_terms.h"

namespace verdeel::report {
namespace {

using K = Block::Kind;

}  // namespace

void append_bijlage(const DecisionView& v, Lang lang, std::vector<Block>& out) {
  const Say s{lang};
  auto n = [](int64_t x) { return std::to_string(x); };  // record numbers: no separators, as the ledger writes them
  Block heading;
  heading.kind = K::heading;
  heading.text = s("Bijlage: vastlegging van de berekening", "Appendix (" + dutch_term("Bijlage") + "): record of the calculation");
  heading.opens = Block::Part::bijlage;
  out.push_back(heading);
  const std::string engine = v.engine.empty() ? "verdeel" : v.engine;
  out.push_back(text_block(
      K::paragraph,
      s("De verdeling in dit besluit is berekend met " + engine + " volgens het beleid " + v.policy + " (berekening " +
            n(v.run) + ") en vastgelegd in een grootboek waarin ieder gegeven, iedere rekenstap en iedere uitkomst een "
            "record is dat met een SHA-256-hash aan het vorige record is gekoppeld.",
        "The allocation in this decision was calculated with " + engine + " under the policy " + v.policy +
            " (run " + n(v.run) + ") and recorded in a ledger in which every input, every calculation step "
            "and every outcome is a record linked to the previous record by a SHA-256 hash.")));
  if (!v.policy_deviations.empty()) {
    std::string list;
    for (const auto& d : v.policy_deviations) list += (list.empty() ? "" : "; ") + d;
    out.push_back(text_block(
        K::paragraph,
        s("Het beleid van deze berekening, '" + v.policy + "', wijkt af van de waarden van de Beleidsregel "
          "verdeelbesluiten: " + list + ".",
          "The policy of this run, '" + v.policy + "', departs from the values of the Allocation Decisions Policy Rule (" +
              dutch_term("Beleidsregel verdeelbesluiten") + "): " + list + ".")));
  }
  Block facts;
  facts.kind = K::bullets;
  auto& f = facts.items;
  f.push_back(s("Besluitrecord: record ", "Decision record: record ") + n(v.record_seq) + ", hash " + v.record_hash);
  f.push_back(s("Rekenstappen: records " + n(v.start_seq) + " tot en met " + n(v.record_seq),
                "Calculation steps: records " + n(v.start_seq) + " to " + n(v.record_seq) + " inclusive"));
  if (!v.input_set.empty()) f.push_back(s("Invoerset: hash ", "Input set: hash ") + v.input_set);
  if (v.ledger) {
    const auto& l = *v.ledger;
    f.push_back(s("Grootboek bij het opmaken van dit document: " + n(l.size) + " records",
                  "Ledger when this document was drawn up: " + n(l.size) + " records"));
    if (!l.root.empty())
      f.push_back(s("Merkle-wortel (RFC 9162) over records 0 tot en met " + n(l.size - 1) + ": ",
                    "Merkle root (RFC 9162) over records 0 to " + n(l.size - 1) + " inclusive: ") +
                  l.root);
    f.push_back(s("Laatste record: record ", "Last record: record ") + n(l.size - 1) + ", hash " + l.head_hash);
    if (l.checkpoint)
      f.push_back(s("Ondertekend checkpoint: record " + n(l.checkpoint->seq) + ", over records 0 tot en met " +
                        n(l.checkpoint->size - 1) + ", wortel ",
                    "Signed checkpoint: record " + n(l.checkpoint->seq) + ", covering records 0 to " +
                        n(l.checkpoint->size - 1) + " inclusive, root ") +
                  l.checkpoint->root);
  }
  // A document of a superseded run says so where its ledger facts are too: not the decision in force.
  if (v.newer_inputs && v.newer_inputs->withdrawn)
    f.push_back(s("Alle invoer ingetrokken na deze berekening: input set " + v.newer_inputs->input_set + " (record " +
                      n(v.newer_inputs->seq) + ")",
                  "Every input withdrawn after this run: input set " + v.newer_inputs->input_set + " (record " +
                      n(v.newer_inputs->seq) + ")"));
  else if (v.newer_inputs)
    f.push_back(s("Invoer gecorrigeerd na deze berekening: input set " + v.newer_inputs->input_set + " (record " +
                      n(v.newer_inputs->seq) + ")",
                  "Inputs corrected after this run: input set " + v.newer_inputs->input_set + " (record " +
                      n(v.newer_inputs->seq) + ")"));
  for (const auto& later : v.later_runs)
    f.push_back(s("Vervangen door een latere berekening: berekening " + n(later.run) + " (records " + n(later.start) +
                      " tot en met " + n(later.end) + ")",
                  "Superseded by a later run: run " + n(later.run) + " (records " + n(later.start) + " to " +
                      n(later.end) + " inclusive)"));
  out.push_back(facts);
  // Always with --run: without it replay takes the latest run, which is another
  // one for a document of an earlier run, or once the province is decided again.
  const std::string replay =
      "verdeel replay --cycle " + v.cycle + " --province " + v.province + " --run " + n(v.run);
  out.push_back(text_block(
      K::paragraph,
      s("Wie over een kopie van het grootboek beschikt, kan met verdeel verify nagaan dat de keten ongeschonden is en "
        "dat de Merkle-wortel hierboven de vastgelegde records omvat, en met " + replay +
            " dat de verdeling opnieuw uit de vastgelegde gegevens volgt.",
        "Anyone who has a copy of the ledger can check with verdeel verify that the chain is intact and that the "
        "Merkle root above covers the recorded records, and with " + replay +
            " that the allocation is reproduced from the recorded data.")));
}

}  // namespace verdeel::report
