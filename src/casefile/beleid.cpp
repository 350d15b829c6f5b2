#include "casefile/beleid.h"

#include <algorithm>

#include "decision/policy_json.h"
#include "util/sha256.h"
#include "util/utf8.h"

namespace verdeel::casefile {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFile = "beleid.json";
// A policy is a flat object whose values are at most one level deep.
constexpr int kMaxNesting = 16;

// The deepest nesting of arrays and objects in JSON text, strings skipped;
// checked before parsing so hostile input cannot exhaust the stack.
int nesting(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

int line_at(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// The line of the first `"key"` in the text, for pointing at a bad key; 0 if not found.
int line_of_key(const std::string& text, const std::string& key) {
  size_t at = text.find("\"" + key + "\"");
  return at == std::string::npos ? 0 : line_at(text, at);
}

}  // namespace

std::optional<Json> read_beleid(const fs::path& dir, Problems& problems, std::map<std::string, std::string>& file_sha256) {
  const fs::path path = dir / kFile;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  std::string error;
  std::optional<std::string> bytes = read_bytes(path, error);
  if (!bytes) {
    problems.add(kFile, 0, error);
    return std::nullopt;
  }
  file_sha256[kFile] = to_hex(sha256(*bytes));
  if (!utf8::valid(*bytes)) {
    problems.add(kFile, 0, "not valid UTF-8");
    return std::nullopt;
  }
  if (nesting(*bytes) > kMaxNesting) {
    problems.add(kFile, 0, "nested more than " + std::to_string(kMaxNesting) + " levels deep; a policy is a flat object");
    return std::nullopt;
  }
  Json overrides;
  try {
    overrides = Json::parse(*bytes);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    size_t cut = what.find("syntax error");
    problems.add(kFile, line_at(*bytes, e.byte), "not valid JSON: " + (cut == std::string::npos ? what : what.substr(cut)));
    return std::nullopt;
  }
  if (!overrides.is_object()) {
    problems.add(kFile, 1, "must be a JSON object of policy values, like {\"minimum_places\": 5}");
    return std::nullopt;
  }
  // Each key on its own, so every bad key is reported, each at its line.
  bool ok = true;
  for (auto it = overrides.begin(); it != overrides.end(); ++it) {
    try {
      decision::policy_from_json(Json{{it.key(), it.value()}});
    } catch (const std::invalid_argument& e) {
      problems.add(kFile, line_of_key(*bytes, it.key()), e.what());
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  // The default's name names the Beleidsregel's own values: a policy that departs from them under
  // that name would pass, in every table and in the besluit, for the policy rule itself.
  const method::Policy defaults;
  if (overrides.contains("name") && overrides["name"] == defaults.name) {
    const Json mine = decision::policy_to_json(decision::policy_from_json(overrides));
    std::string differs;
    for (const auto& key : decision::departures_from_beleidsregel(mine))
      differs += (differs.empty() ? "" : ", ") + key + " " + mine[key].dump();
    if (!differs.empty()) {
      problems.add(kFile, line_of_key(*bytes, "name"),
                   "the name '" + defaults.name + "' is that of the Beleidsregel's own values, from which this policy "
                   "departs (" + differs + "): give it a name of its own, or none (it is then called 'aangepast')");
      return std::nullopt;
    }
  }
  return overrides;
}

}  // namespace verdeel::casefile
