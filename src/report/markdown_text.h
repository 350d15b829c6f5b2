#pragma once
// Escaping for Markdown (CommonMark/GFM) text and table cells.
#include <string>

namespace verdeel::report {

// Backslash-escapes the characters that would otherwise format or break a
// table cell: \ ` * _ < > | # and a "]" that would close a link ("](", "][", "]:").
std::string md_escape(const std::string& s);

}  // namespace verdeel::report
