#include "cli/keys.h"

#include <algorithm>
#include <filesystem>

#include "cli/context.h"
#include "cli/read_file.h"

namespace verdeel::cli {
namespace {

std::string key_name_for(const std::string& file, const std::string& name) {
  std::string n = name.empty() ? std::filesystem::path(file).stem().string() : name;
  try {
    ledger::check_key_name(n);
  } catch (const std::invalid_argument& e) {
    throw UsageError("key name '" + n + "'" + (name.empty() ? " (from the file name '" + file + "')" : "") +
                     ": " + e.what() + "; give one with --key-name");
  }
  return n;
}

}  // namespace

Signer load_signer(const std::string& file, const std::string& name) {
  const std::string n = key_name_for(file, name);
  if (read_whole_file(file, "key file").find("PUBLIC KEY") != std::string::npos)
    throw UsageError("'" + file + "' is a public key; signing needs the private key file (NAME.key)");
  try {
    return Signer{ledger::SigningKey::load(file), n};
  } catch (const std::exception& e) {
    throw UsageError(e.what());
  }
}

ledger::VerifierKey load_verifier(const std::string& file, const std::string& name) {
  // The argument may be the verifier key line itself, as `key generate` prints
  // it (NAME+KEYID+BASE64), instead of a file holding it.
  if (!std::filesystem::exists(file) && std::count(file.begin(), file.end(), '+') >= 2) {
    try {
      ledger::VerifierKey v = ledger::parse_verifier_key(file);
      if (!name.empty() && name != v.name)
        throw UsageError("the verifier key given is that of '" + v.name + "', not of '" + name + "'");
      return v;
    } catch (const UsageError&) {
      throw;
    } catch (const std::exception& e) {
      throw UsageError("'" + file + "' is neither a key file nor a verifier key line: " + e.what());
    }
  }
  const std::string text = read_whole_file(file, "key file");
  try {
    if (text.find("PRIVATE KEY") != std::string::npos)
      throw UsageError("'" + file + "' is a private key; checking a signature needs the public key (NAME.pub), "
                       "and a private key is not to be handed out");
    if (text.rfind("-----BEGIN", 0) == 0) {
      const std::string n = key_name_for(file, name);
      ledger::PublicKey key = ledger::PublicKey::from_pem(text, file);
      return ledger::VerifierKey{n, ledger::key_id(n, key), key};
    }
    std::string line = text;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.pop_back();
    ledger::VerifierKey v = ledger::parse_verifier_key(line);
    if (!name.empty() && name != v.name)
      throw UsageError("'" + file + "' holds the verifier key of '" + v.name + "', not of '" + name + "'");
    return v;
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    throw UsageError("'" + file + "' is neither a public key PEM nor a verifier key line: " + e.what());
  }
}

bool key_named_by_file(const std::string& file, const std::string& name) {
  std::error_code ec;
  return name.empty() && std::filesystem::is_regular_file(file, ec) &&
         read_whole_file(file, "key file").rfind("-----BEGIN", 0) == 0;
}

}  // namespace verdeel::cli
