#pragma once
// What every command shares: the ledger path, the exit-code errors, and
// helpers to open the store. Commands are one file each (cmd_*.cpp).
#include <CLI/CLI.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

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

// Every command registers itself from its own cmd_*.cpp with
// VERDEEL_COMMAND(order, "name", function); `order` sets its place in --help, and `function` adds
// the subcommand `name` (main registers only the command named on the command line, when it is one:
// tests/cli/commands_test.cpp holds each name to its command).
using RegisterFn = void (*)(CLI::App& app, Globals& g);
struct Command {
  int order;
  const char* name;
  RegisterFn add;
};
std::vector<Command>& commands();
struct CommandRegistration {
  CommandRegistration(int order, const char* name, RegisterFn add) { commands().push_back(Command{order, name, add}); }
};
#define VERDEEL_COMMAND(order, name, fn) \
  static const ::verdeel::cli::CommandRegistration registration_##fn(order, name, fn)

// A whole number of 1 or more (run numbers, limits), with a plain message.
CLI::Validator at_least_one();

// The required --cycle of a command: the year of the capacity estimate that opens the cycle, four
// digits from 2024 (the first cycle of the Spreidingswet). Anything else is refused: a cycle is
// recorded in every record, and "2024 " or "24" would be another cycle for good.
CLI::Option* add_cycle_option(CLI::App& sub, std::string& cycle, const std::string& help = "Cycle (2024)");

// Adds --db to a subcommand too, so it may stand after the command.
void add_db_option(CLI::App& sub, Globals& g);

}  // namespace verdeel::cli
