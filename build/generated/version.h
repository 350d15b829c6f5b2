#pragma once
// The engine version recorded with every decision (LEDGER.md, "Replay").
#define VERDEEL_VERSION "0.1.0"
