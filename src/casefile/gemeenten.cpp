#include "casefile/gemeenten.h"

#include "casefile/text.h"

namespace verdeel::casefile {
namespace {

// Lower case without spaces, for the "did you mean" hint only.
std::string loose(std::string_view s) {
  std::string out;
  for (char c : ascii_lower(s)) {
    if (c != ' ' && c != '-') out.push_back(c);
  }
  return out;
}

}  // namespace

bool is_cbs_code(std::string_view s) {
  if (s.size() != 6 || s[0] != 'G' || s[1] != 'M') return false;
  for (size_t i = 2; i < 6; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::string describe(const Gemeente& g) { return g.code + " (" + clip(g.naam) + ")"; }

bool Gemeenten::add(const Gemeente& g, std::string& why) {
  auto code = by_code_.find(g.code);
  if (code != by_code_.end()) {
    why = "municipality " + g.code + " appears twice (first at line " + std::to_string(code->second.line) + ")";
    return false;
  }
  auto name = code_by_name_.find(g.naam);
  if (name != code_by_name_.end()) {
    why = "name " + quote(g.naam) + " appears twice (first at line " + std::to_string(by_code_.at(name->second).line) +
          "); names must be unique";
    return false;
  }
  by_code_.emplace(g.code, g);
  code_by_name_.emplace(g.naam, g.code);
  provinces_.insert(g.provincie);
  return true;
}

const Gemeente* Gemeenten::resolve(std::string_view ref) const {
  auto code = by_code_.find(ascii_upper(ref));
  if (code != by_code_.end()) return &code->second;
  auto name = code_by_name_.find(std::string(ref));
  if (name != code_by_name_.end()) return &by_code_.at(name->second);
  return nullptr;
}

std::string Gemeenten::unknown(std::string_view ref) const {
  if (ref.empty()) return "municipality missing (empty value)";
  std::string msg = "unknown municipality " + quote(ref) + " (not a code or name in gemeenten.csv)";
  const std::string key = loose(ref);
  for (const auto& [name, code] : code_by_name_) {
    if (loose(name) == key) return msg + "; did you mean " + quote(name) + "?";
  }
  return msg;
}

}  // namespace verdeel::casefile
