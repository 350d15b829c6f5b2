#include "util/utf8.h"

namespace verdeel::utf8 {
namespace {

// Length of the sequence at s[i] and its code point, or 0 when invalid.
size_t sequence(std::string_view s, size_t i, char32_t& cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  size_t n;
  char32_t min;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    n = 2; cp = b0 & 0x1F; min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3; cp = b0 & 0x0F; min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4; cp = b0 & 0x07; min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

bool valid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII, the common case
      ++i;
      continue;
    }
    char32_t cp;
    size_t n = sequence(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

char32_t decode(std::string_view s, size_t& i) {
  char32_t cp = 0xFFFD;
  size_t n = sequence(s, i, cp);
  i += n == 0 ? 1 : n;
  return n == 0 ? 0xFFFD : cp;
}

size_t length(std::string_view s) {
  size_t i = 0, count = 0;
  while (i < s.size()) {
    decode(s, i);
    ++count;
  }
  return count;
}

}  // namespace verdeel::utf8
