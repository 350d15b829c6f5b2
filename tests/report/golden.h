#pragma once
// Golden files for the report tests: tests/report/golden/NAME.
//
// Volatile parts are normalised before comparing (normalise()): every hash
// (64 hex digits; the ledger id, 32 hex digits; short hashes, 12 hex digits)
// and the engine version. The
// times are fixed by the fixture (VERDEEL_TIME), the seqs by the fixed order
// of import and decide.
//
// To regenerate after an intended change of output, run the tests with
//   VERDEEL_UPDATE_GOLDEN=1 build/tests/test_report
// and review `git diff tests/report/golden/` before committing.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace verdeel::testing {

inline std::string normalise(const std::string& text) {
  static const std::regex hash64("[0-9a-f]{64}");
  static const std::regex id32("[0-9a-f]{32}");
  static const std::regex short12("\\b[0-9a-f]{12}\\b");
  static const std::regex version("verdeel [0-9]+\\.[0-9]+\\.[0-9]+");
  std::string s = std::regex_replace(text, hash64, "<hash>");
  s = std::regex_replace(s, id32, "<id>");
  s = std::regex_replace(s, short12, "<short>");
  return std::regex_replace(s, version, "verdeel <version>");
}

inline std::filesystem::path golden_path(const std::string& name) {
  return std::filesystem::path(VERDEEL_SOURCE_DIR) / "tests" / "report" / "golden" / name;
}

inline bool updating_golden() {
  const char* u = std::getenv("VERDEEL_UPDATE_GOLDEN");
  return u && *u && std::string(u) != "0";
}

// The golden text of NAME; with VERDEEL_UPDATE_GOLDEN set, first (re)writes it from `actual`.
inline std::string golden(const std::string& name, const std::string& actual) {
  auto p = golden_path(name);
  if (updating_golden()) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary | std::ios::trunc) << actual;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) return "<missing golden file " + p.string() + "; run with VERDEEL_UPDATE_GOLDEN=1>";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first line where a and b differ, for a readable failure.
inline std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string l1, l2;
  for (int n = 1;; ++n) {
    bool g1 = static_cast<bool>(std::getline(x, l1)), g2 = static_cast<bool>(std::getline(y, l2));
    if (!g1 && !g2) return "identical";
    if (!g1 || !g2 || l1 != l2)
      return "line " + std::to_string(n) + ":\n  actual: " + (g1 ? l1 : "<end>") + "\n  golden: " + (g2 ? l2 : "<end>");
  }
}

}  // namespace verdeel::testing
