#pragma once
// Where a rendered report goes: standard output, or the file of --out.
#include <string>

namespace verdeel::cli {

// Writes `text` to `path` (replacing it, via a temporary file beside it and a
// rename), or to standard output when `path` is empty. Throws UsageError
// naming the file when it cannot be written.
void emit(const std::string& text, const std::string& path);

}  // namespace verdeel::cli
