#include "cli/read_file.h"

#include <fstream>
#include <sstream>

#include "cli/context.h"

namespace verdeel::cli {

std::string read_whole_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + what + " '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace verdeel::cli
