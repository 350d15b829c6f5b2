#pragma once
// Reading a whole file a user names on the command line.
#include <string>

namespace verdeel::cli {

// The bytes of `path`; throws UsageError "cannot read <what> '<path>'" when it cannot be opened.
std::string read_whole_file(const std::string& path, const std::string& what);

}  // namespace verdeel::cli
