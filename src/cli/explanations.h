#pragma once
// The text of `verdeel explain` for every municipality of a run, for the HTML
// report to embed (clicking a municipality shows it, without a server).
#include <map>
#include <string>

#include "decision/run.h"
#include "ledger/store.h"

namespace verdeel::cli {

// Code -> explain_text (Dutch). Loads the run's input set and the records it
// lists, as `verdeel explain` does; throws std::runtime_error when one is missing.
std::map<std::string, std::string> explanation_texts(ledger::Store& store, const decision::Run& run);

}  // namespace verdeel::cli
