#include "cli/clock.h"

#include <cstdlib>
#include <ctime>

namespace verdeel::cli {

std::string now_utc() {
  if (const char* fixed = std::getenv("VERDEEL_TIME"); fixed && *fixed) return fixed;
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace verdeel::cli
