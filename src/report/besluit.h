#pragma once
// The decision as a Dutch document (`verdeel besluit`), in the structure and
// wording of the published Verdeelbesluit Drenthe 2024
// (../shared/reference/verdeelbesluit-drenthe-2024.txt): the Besluit with
// Artikel I (Tabel 1) and Artikel II, the signature, the Bezwaar paragraph and
// the Toelichting, whose section 3 is generated from the recorded steps; and a
// Bijlage that anchors the text in the ledger (decision record hash, ledger
// size and Merkle root). Built once as blocks, rendered as Markdown or HTML.
//
// With Lang::en (`besluit --lang en`) the same document in English, for a
// reader abroad or a court interpreter: every sentence translated, the Dutch
// legal terms kept beside their English meaning ("bezwaar (objection)"),
// numbers and dates as an English reader writes them, and a note at the top
// that the Dutch text is the decision.
#include <string>
#include <vector>

#include "report/exact_text.h"
#include "report/view.h"

namespace verdeel::report {

struct BesluitOptions {
  std::string datum;   // "20 december 2024"; a placeholder when empty
  std::string nummer;  // "6015725"; a placeholder when empty
  Lang lang = Lang::nl;
};

struct Block {
  enum class Kind {
    title,       // the long title of the Besluit
    heading,     // "Artikel I", "Toelichting"
    subheading,  // "1. Algemene uitgangspunten"
    minor,       // "Bijzondere opvangplaatsen", "Stap 1: ..."
    paragraph,
    bullets,     // items
    letters,     // items as a., b., c.
    table,       // rows: header first; `totals`: the last row is a totals row
    lines,       // items, one per line (signature)
    note,        // a remark above the document: that a translation is not the decision
  };
  Kind kind = Kind::paragraph;
  std::string text;                            // title, headings, paragraph, table caption
  std::vector<std::string> items;              // bullets, letters, lines
  std::vector<std::vector<std::string>> rows;  // table
  bool totals = false;
  // heading: the part it opens, whatever its language (the Toelichting starts a
  // printed page; the Bijlage is a section of its own).
  enum class Part { none, toelichting, bijlage };
  Part opens = Part::none;
};

struct Document {
  std::string title;  // "Verdeelbesluit Drenthe 2024" (the citeertitel)
  Lang lang = Lang::nl;
  std::vector<Block> blocks;
};

Document besluit_document(const DecisionView& v, const BesluitOptions& options = {});

// A block of one text (a heading, a paragraph), as the parts below build the document.
Block text_block(Block::Kind kind, std::string text);

// The fixed sections 1 and 2 of the Toelichting (Algemene uitgangspunten;
// Methode voor het aanvullen van de verdeelbesluiten), with the dates of the
// cycle and the minimum of the policy; and the same in English.
void append_toelichting_general(const DecisionView& v, std::vector<Block>& out);
void append_toelichting_general_en(const DecisionView& v, std::vector<Block>& out);
// Section 3: the decision for the province, from the recorded steps.
void append_toelichting_province(const DecisionView& v, Lang lang, std::vector<Block>& out);
// The Bijlage: the ledger facts that anchor the text.
void append_bijlage(const DecisionView& v, Lang lang, std::vector<Block>& out);

std::string besluit_markdown(const Document& d);
// A standalone page (inline CSS for screen and A4 print, no script, no external reference).
std::string besluit_html(const Document& d);

}  // namespace verdeel::report
