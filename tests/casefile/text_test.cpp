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
  CHECK(c == std::string("xxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\nxxxx\\n...").substr(0, c.size()));
  CHECK(c.size() > 60);
  CHECK(c.substr(c.size() - 3) == "...");
}
