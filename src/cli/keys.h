#pragma once
// Keys named on the command line. `verdeel key generate NAME` writes NAME.key (private, 0600) and
// NAME.pub (public PEM); a key's signed-note name defaults to the file name without extension.
// A public key may also be given as a file holding the verifier key line
// ("NAME+KEYID+BASE64", as `key generate` prints it), which carries its own name.
// Unreadable or malformed key files are UsageError (exit 2), naming the file.
#include <string>

#include "ledger/signing.h"

namespace verdeel::cli {

struct Signer {
  ledger::SigningKey key;
  std::string name;
};

// `name` empty: the file's stem.
Signer load_signer(const std::string& file, const std::string& name);

// PEM public key (name: `name`, else the file's stem) or a verifier key line (its own name,
// which `name`, when given, must equal).
ledger::VerifierKey load_verifier(const std::string& file, const std::string& name);

// True when load_verifier(file, name) took the key's name from the file's name: a PEM public key
// file and no name given.
bool key_named_by_file(const std::string& file, const std::string& name);

}  // namespace verdeel::cli
