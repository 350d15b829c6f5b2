#pragma once
// Signed checkpoints (LEDGER.md, "Checkpoints"): a C2SP tlog-checkpoint body
//
//   <origin>\n<decimal tree size>\n<base64 root hash>\n[<extension line>\n ...]
//
// wrapped in a C2SP signed note: the body, a blank line, then one line per signature,
//
//   "\u2014 " <key name> " " base64(4-byte key ID || 64-byte Ed25519 signature) "\n"
//
// (U+2014 EM DASH, then a space). Pure text and crypto: no files, no database.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "ledger/signing.h"
#include "util/sha256.h"

namespace verdeel::ledger {

struct Checkpoint {
  std::string origin;  // for a verdeel ledger: ledger_origin(ledger id)
  uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions{};  // optional extension lines, without their newlines
};

// Every refusal of a note or checkpoint; the message says precisely what is wrong.
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "verdeel/<ledger id>".
std::string ledger_origin(const std::string& ledger_id);

// The checkpoint body text. Throws CheckpointError if the origin is empty or any line (origin or
// extension) is empty or contains a newline or another control character.
std::string checkpoint_body(const Checkpoint& checkpoint);

// Parses a checkpoint body (without signatures). Throws CheckpointError on a missing line, a size
// that is not a canonical decimal uint64 (no sign, no leading zeros), a root that is not the
// canonical base64 of 32 bytes, or an empty extension line.
Checkpoint parse_checkpoint_body(const std::string& body);

// A signed note: text (non-empty, ending in a newline, UTF-8 without control characters other
// than newline) followed by one signature line by key_name.
std::string sign_note(const std::string& text, const SigningKey& key, const std::string& key_name);

// Checks the note's format and that it carries a valid signature by key_name's key (matched by
// name and key ID; signatures by other keys are ignored), and returns the signed text. Throws
// CheckpointError: malformed note, no signature by this key (naming the keys that did sign),
// or a bad signature: any line of this key that fails, even beside one that verifies.
std::string open_note(const std::string& note, const PublicKey& key, const std::string& key_name);

// The key names on a note's signature lines, in order; empty for a note without any. Names only,
// unchecked: a name is a label outside the signature (open_note checks it with the key).
std::vector<std::string> note_signer_names(const std::string& note);

// sign_note(checkpoint_body(checkpoint), ...).
std::string sign_checkpoint(const Checkpoint& checkpoint, const SigningKey& key, const std::string& key_name);

// open_note, then parse_checkpoint_body. The caller must still compare the origin (and size and
// root) with what it expects: the same key may sign checkpoints of several ledgers.
Checkpoint parse_and_verify_checkpoint(const std::string& note, const PublicKey& key, const std::string& key_name);
Checkpoint parse_and_verify_checkpoint(const std::string& note, const VerifierKey& key);

}  // namespace verdeel::ledger
