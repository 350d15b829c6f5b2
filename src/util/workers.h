#pragma once
// How many worker threads a command starts beside its own (verify, decide, import, the case loader).
#include <algorithm>
#include <thread>

namespace verdeel {

// One per core beyond the first, the calling thread working too; at most `at_most` (a container may
// report more cores than it may use); none on one core.
inline unsigned default_workers(unsigned at_most) {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? std::min(cores - 1, at_most) : 0u;
}

}  // namespace verdeel
