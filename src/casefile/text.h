#pragma once
// Small text helpers shared by the case file readers.
#include <string>
#include <string_view>

namespace verdeel::casefile {

// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);
// A-Z mapped to a-z; other bytes unchanged (UTF-8 stays valid).
std::string ascii_lower(std::string_view s);
// a-z mapped to A-Z.
std::string ascii_upper(std::string_view s);
// `s` cut to at most `max` code points, "..." marking the cut; control characters written as
// \n, \r, \t or \xNN, C1 controls, line separators and right-to-left marks as \u{NNNN}, bytes
// that are not UTF-8 as \xNN: a message stays one line, in its order, and holds no NUL.
std::string clip(std::string_view s, size_t max = 60);
// Levenshtein distance over bytes (an accented letter counts as two edits), for "did you mean".
size_t edit_distance(std::string_view a, std::string_view b);
// `s` in single quotes for a message, cut to at most `max` code points so a
// 10,000-character value cannot flood the terminal.
std::string quote(std::string_view s, size_t max = 60);

}  // namespace verdeel::casefile
