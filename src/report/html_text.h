#pragma once
// Escaping for HTML text and attribute values.
#include <string>
#include <string_view>

namespace verdeel::report {

// & < > " ' as character references; safe in text and in quoted attributes.
std::string html_escape(std::string_view s);

}  // namespace verdeel::report
