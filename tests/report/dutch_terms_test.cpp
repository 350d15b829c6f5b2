// The marks of Dutch terms in an English document (report/dutch_terms.h): shown as lang="nl" in
// HTML, removed everywhere else, and never unbalanced markup, whatever the text holds.
#include <catch2/catch.hpp>

#include "report/dutch_terms.h"

using namespace verdeel::report;

TEST_CASE("A marked Dutch term is a span lang=nl in HTML, escaped, and plain text elsewhere", "[report][dutch_terms]") {
  const std::string text = "a notice of objection (" + dutch_term("bezwaarschrift") + ") in " + dutch_term("'s-Gravenhage") + " & <b>";
  CHECK(html_with_terms(text) ==
        "a notice of objection (<span lang=\"nl\">bezwaarschrift</span>) in <span lang=\"nl\">&#39;s-Gravenhage</span> "
        "&amp; &lt;b&gt;");
  CHECK(without_term_marks(text) == "a notice of objection (bezwaarschrift) in 's-Gravenhage & <b>");
  CHECK(html_with_terms("no terms at all") == "no terms at all");
  CHECK(html_with_terms(dutch_term("")) == "<span lang=\"nl\"></span>");
}

TEST_CASE("Marks without their partner are dropped, so the HTML stays balanced", "[report][dutch_terms]") {
  const std::string open(1, '\x0E'), close(1, '\x0F');
  CHECK(html_with_terms("a " + open + "b") == "a b");                       // never closed
  CHECK(html_with_terms("a " + close + "b") == "a b");                      // never opened
  CHECK(html_with_terms(open + "a " + open + "b" + close) == "a <span lang=\"nl\">b</span>");  // opened twice
  CHECK(html_with_terms(open + "a" + close + close) == "<span lang=\"nl\">a</span>");
  CHECK(without_term_marks(open + close + "x" + open) == "x");
}
