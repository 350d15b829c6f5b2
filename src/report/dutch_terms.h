#pragma once
// Dutch terms inside an English document: "a notice of objection (bezwaarschrift)". The English
// besluit keeps the Dutch legal terms and names beside their meaning; marked, the HTML says they
// are Dutch (<span lang="nl">), so that a screen reader pronounces them as Dutch and a translation
// tool leaves them as they are. Markdown and plain text show them unmarked.
//
// A term is marked by two control characters (SO and SI) around it: no text of a document comes
// from the user with a control character in it (names, groups and dates are refused with one:
// casefile/load.cpp, besluit_dates.h), and every renderer of a document removes the marks.
#include <string>
#include <string_view>

namespace verdeel::report {

// `term`, marked as Dutch.
std::string dutch_term(std::string_view term);

// `text` without the marks.
std::string without_term_marks(std::string_view text);

// `text` HTML-escaped (html_text.h), each marked term as <span lang="nl">...</span>. A mark
// without its partner is dropped, so the markup is always balanced.
std::string html_with_terms(std::string_view text);

}  // namespace verdeel::report
