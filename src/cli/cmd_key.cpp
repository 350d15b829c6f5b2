// verdeel key generate NAME [--dir D]: a new Ed25519 signing key for checkpoints. Writes
// D/NAME.key (PKCS#8 PEM, mode 0600) and D/NAME.pub (public PEM), refusing to overwrite either,
// and prints the signed-note verifier key line ("NAME+KEYID+BASE64") to publish beside decisions.
#include <filesystem>
#include <iostream>

#include "cli/context.h"
#include "ledger/signing.h"

namespace verdeel::cli {

namespace {
struct KeyOptions {
  std::string name;
  std::string dir = ".";
};
}  // namespace

void register_key(CLI::App& app, Globals&) {
  auto opt = std::make_shared<KeyOptions>();
  auto* sub = app.add_subcommand("key", "Manage signing keys for checkpoints");
  sub->require_subcommand(1);
  auto* gen = sub->add_subcommand("generate", "Create NAME.key (private, mode 0600) and NAME.pub; print the verifier key");
  gen->add_option("name", opt->name, "Key name (also the signer's name in checkpoints)")->required();
  gen->add_option("--dir", opt->dir, "Directory for the key files (default: the working directory)");
  gen->callback([opt] {
    try {
      ledger::check_key_name(opt->name);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());  // names the key name already
    }
    if (opt->name.find('/') != std::string::npos) throw UsageError("key name '" + opt->name + "' may not contain '/'");
    const auto priv = (std::filesystem::path(opt->dir) / (opt->name + ".key")).string();
    const auto pub = (std::filesystem::path(opt->dir) / (opt->name + ".pub")).string();
    std::error_code ec;
    if (!std::filesystem::is_directory(opt->dir, ec)) {
      std::filesystem::create_directories(opt->dir, ec);
      if (ec) throw UsageError("cannot create the key directory '" + opt->dir + "': " + ec.message());
    }
    for (const auto& f : {priv, pub})
      if (std::filesystem::exists(f, ec)) throw UsageError("refusing to overwrite '" + f + "'");
    ledger::SigningKey key = ledger::SigningKey::generate();
    try {
      key.save(priv);
      key.public_key().save(pub);
    } catch (const std::exception& e) {
      std::filesystem::remove(priv, ec);
      throw UsageError(e.what());
    }
    std::cerr << "wrote " << priv << " (private, keep it safe) and " << pub << "\n";
    std::cout << ledger::verifier_key(opt->name, key.public_key()) << "\n";
  });
}

VERDEEL_COMMAND(82, "key", register_key);

}  // namespace verdeel::cli
