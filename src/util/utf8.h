#pragma once
// UTF-8 validation and decoding (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
#include <string>
#include <string_view>

namespace verdeel::utf8 {

bool valid(std::string_view s);
// Decodes the code point at s[i] and advances i. Precondition: valid(s).
char32_t decode(std::string_view s, size_t& i);
// Number of code points; for aligning columns in text tables.
size_t length(std::string_view s);

}  // namespace verdeel::utf8
