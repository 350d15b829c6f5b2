// Small text helpers of the case readers (casefile/text.h): what messages quote of a user's file.
#include <catch2/catch.hpp>

#include "casefile/text.h"

using verdeel::casefile::clip;
using verdeel::casefile::quote;

TEST_CASE("clip cuts at code points and marks the cut", "[casefile]") {
  CHECK(clip("Assen") == "Assen");
  CHECK(clip("abcdef", 3) == "abc...");
  CHECK(clip("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9...");  // éé of ééé, never half a character
  CHECK(quote(std::string(10000, 'x')).size() == 60 + 3 + 2);
}

TEST_CASE("clip writes control characters as escapes: one line, and no NUL to end a C string", "[casefile]") {
  CHECK(clip(std::string("10\0" "00", 5)) == "10\\x0000");
  CHECK(clip("a\nb\r\tc\x7f") == "a\\nb\\r\\tc\\x7f");
  CHECK(quote("\x01") == "'\\x01'");
  // A field of many lines stays on one line, and is cut after 60 characters as any other.
  std::string lines;
  for (int i = 0; i < 100; ++i) lines += "xxxx\n";
  const std::string c = clip(lines);
  CHECK(c.find('\n') == std::string::npos);
  // 60 code points: twelve times "xxxx\n", each newline written as two characters.
  CHECK(c == "xxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\n...");
}

TEST_CASE("clip shows what would reorder or hide text as escapes, and bytes that are not UTF-8", "[casefile]") {
  CHECK(clip("Ass\xE2\x80\xAE" "en") == "Ass\\u{202e}en");       // right-to-left override
  CHECK(clip("a\xE2\x80\xA8" "b") == "a\\u{2028}b");            // line separator
  CHECK(clip("a\xC2\x85" "b") == "a\\u{0085}b");                 // next line (C1)
  CHECK(clip("a\xC2\x9B" "b") == "a\\u{009b}b");                 // control sequence introducer (C1)
  CHECK(clip("a\xFF" "b") == "a\\xffb");                          // not UTF-8
  CHECK(clip("a\xEF\xBF\xBD" "b") == "a\xEF\xBF\xBD" "b");     // U+FFFD itself is shown
  CHECK(clip("\xC3\xA9t\xC3\xA9") == "\xC3\xA9t\xC3\xA9");   // été: as it is
}
