// libFuzzer target: the case loader (src/casefile/casefile.h load_case) on a
// whole case directory made of the input. The input is split at NUL bytes;
// part k becomes file k of kFiles (a missing part means a missing file).
// Contract: never throws, never crashes; either rows or problems, never both.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "casefile/casefile.h"

namespace {
const char* const kFiles[] = {"gemeenten.csv", "opgave.csv",  "indicatief.csv", "verslag.csv",        "kansrijk.csv",
                              "historie.csv",  "oekraine.csv", "uitruil.csv",    "uitruilgroepen.csv", "beleid.json"};

const std::filesystem::path& dir() {
  static const std::filesystem::path d = [] {
    auto p = std::filesystem::temp_directory_path() / ("verdeel-fuzz-case-" + std::to_string(getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  return d;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t k = 0;
  for (const char* name : kFiles) {
    auto path = dir() / name;
    std::filesystem::remove(path);
    if (k > in.size()) continue;
    size_t end = in.find('\0', k);
    if (end == std::string_view::npos) end = in.size();
    std::ofstream(path, std::ios::binary) << in.substr(k, end - k);
    k = end + 1;
  }
  auto res = verdeel::casefile::load_case(dir().string());
  if (res.data.has_value() == !res.problems.empty()) std::abort();
  return 0;
}
