#pragma once
// What every command shares: the ledger path, the exit-code errors, and
// helpers to open the store. Commands are one file each (cmd_*.cpp).
#include <CLI/CLI.hpp>

#include <memory>
#include <stdexcept>
#include <string>

#include "ledger/store.h"

namespace verdeel::cli {

// Exit status 1: a check failed (verify, replay).
class CheckFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// Exit status 2: bad usage or bad input. The message is printed as it is.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Exit status 2 for bad input files: the message holds `file:line: problem`
// lines and is printed without a prefix.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Globals {
  std::string db;  // --db, else $VERDEEL_DB, else verdeel.db

  std::string db_path() const;
  std::unique_ptr<ledger::Store> open(ledger::Store::Mode mode) const;
};

// Registers one command on the app. Each is defined in its own cmd_*.cpp.
void register_init(CLI::App& app, Globals& g);
void register_import(CLI::App& app, Globals& g);
void register_decide(CLI::App& app, Globals& g);
void register_show(CLI::App& app, Globals& g);
void register_log(CLI::App& app, Globals& g);
void register_verify(CLI::App& app, Globals& g);

// Adds --db to a subcommand too, so it may stand after the command.
void add_db_option(CLI::App& sub, Globals& g);

}  // namespace verdeel::cli
