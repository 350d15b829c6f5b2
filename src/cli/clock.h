#pragma once
// The wall clock, used only for timestamps recorded as claims (LEDGER.md:
// order comes from seq and hashes, never from time).
#include <string>

namespace verdeel::cli {

// "2026-11-29T14:27:18Z"; $VERDEEL_TIME overrides it (for reproducible tests).
std::string now_utc();

}  // namespace verdeel::cli
