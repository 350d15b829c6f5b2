// verdeel: exact, verifiable verdeelbesluiten. Maps every error to one line on
// stderr and an exit status: 0 ok, 1 a check failed, 2 bad usage or input.
#include <SQLiteCpp/Exception.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <iostream>
#include <string_view>

#include "cli/context.h"
#include "version.h"

namespace {
// The command the command line names, when it names one of ours: then only that command is
// registered with CLI11 (building all sixteen commands' options took about a quarter of a
// millisecond at every start). Otherwise (no command, --help or --version before it, an unknown
// word) every command is, so that help and errors are as they always were. Only --db, the one
// global option with a value, may stand before the command.
const verdeel::cli::Command* named_command(int argc, char** argv, const std::vector<verdeel::cli::Command>& all) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;  // its value
      continue;
    }
    if (arg.rfind("--db=", 0) == 0) continue;
    if (arg.empty() || arg.front() == '-') return nullptr;
    for (const auto& c : all)
      if (arg == c.name) return &c;
    return nullptr;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace verdeel;
  // SHA-256 and Ed25519 from OpenSSL's built-in default provider, whatever the machine's
  // openssl.cnf says: a record's hash and a signature's check must not depend on where they are
  // computed (and reading the configuration costs more than hashing a whole decision).
  if (OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr) != 1) {
    std::cerr << "verdeel: OpenSSL could not be initialised\n";
    return 2;
  }
  CLI::App app{"verdeel: computes, records and verifies verdeelbesluiten (Spreidingswet) exactly", "verdeel"};
  app.set_version_flag("--version", "verdeel " VERDEEL_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  cli::Globals g;
  app.add_option("--db", g.db, "Ledger file (default $VERDEEL_DB, else verdeel.db)");
  auto commands = cli::commands();
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  if (const auto* only = named_command(argc, argv, commands))
    only->add(app, g);
  else
    for (const auto& c : commands) c.add(app, g);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const cli::CheckFailed& e) {
    std::cerr << e.what() << "\n";
    return 1;
  } catch (const cli::InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const cli::UsageError& e) {
    std::cerr << "verdeel: " << e.what() << "\n";
    return 2;
  } catch (const ledger::StoreError& e) {
    std::cerr << "verdeel: " << e.what() << "\n";
    return 2;
  } catch (const SQLite::Exception& e) {
    std::cerr << "verdeel: ledger error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "verdeel: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
