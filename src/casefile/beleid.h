#pragma once
// beleid.json: the policy values of a case that override the defaults of
// METHOD.md ("Policy record"), validated by decision::policy_from_json so that
// import and replay apply the very same rules.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "casefile/sheet.h"
#include "util/canonical_json.h"

namespace verdeel::casefile {

// The overrides object as written in dir/beleid.json (only known keys with
// valid values), or nullopt when the file is absent or bad; every bad key is
// reported at its line. Records the file's SHA-256 when it exists.
std::optional<Json> read_beleid(const std::filesystem::path& dir, Problems& problems,
                                std::map<std::string, std::string>& file_sha256);

}  // namespace verdeel::casefile
