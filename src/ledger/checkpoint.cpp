#include "ledger/checkpoint.h"

#include <string_view>

#include "util/utf8.h"

namespace verdeel::ledger {
namespace {

constexpr std::string_view kEmDashSpace = "\xE2\x80\x94 ";  // U+2014 EM DASH, space
constexpr size_t kMaxSignatures = 100;                     // as the Go implementation

[[noreturn]] void refuse(const std::string& what) { throw CheckpointError("checkpoint: " + what); }

// Valid UTF-8 with no ASCII control character other than newline (signed-note text rule).
bool clean_text(std::string_view s) {
  if (!utf8::valid(s)) return false;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
  }
  return true;
}

std::vector<std::string_view> split_lines(std::string_view text) {  // text ends with '\n'
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string key_label(const std::string& name, const KeyId& id) { return name + "+" + key_id_hex(id); }

void check_line(const std::string& line, const char* what) {
  if (line.empty()) refuse(std::string(what) + " is empty");
  if (line.find('\n') != std::string::npos || !clean_text(line))
    refuse(std::string(what) + " contains a newline, a control character or invalid UTF-8");
}

}  // namespace

std::string ledger_origin(const std::string& ledger_id) { return "verdeel/" + ledger_id; }

std::string checkpoint_body(const Checkpoint& c) {
  check_line(c.origin, "the origin line");
  for (const std::string& e : c.extensions) check_line(e, "an extension line");
  std::string body = c.origin + "\n" + std::to_string(c.size) + "\n" +
                     base64_encode(std::string_view(reinterpret_cast<const char*>(c.root.data()), c.root.size())) + "\n";
  for (const std::string& e : c.extensions) body += e + "\n";
  return body;
}

Checkpoint parse_checkpoint_body(const std::string& body) {
  if (body.empty() || body.back() != '\n') refuse("malformed body: it does not end with a newline");
  if (!clean_text(body)) refuse("malformed body: invalid UTF-8 or a control character");
  const std::vector<std::string_view> lines = split_lines(body);
  if (lines.size() < 3) refuse("malformed body: expected origin, size and root lines, found " + std::to_string(lines.size()) + " line(s)");
  Checkpoint c;
  c.origin = std::string(lines[0]);
  if (c.origin.empty()) refuse("malformed body: the origin line is empty");

  const std::string_view size = lines[1];
  if (size.empty() || size.size() > 20 || (size.size() > 1 && size[0] == '0'))
    refuse("bad tree size \"" + std::string(size) + "\": not a decimal number without leading zeros");
  uint64_t n = 0;
  for (char ch : size) {
    if (ch < '0' || ch > '9') refuse("bad tree size \"" + std::string(size) + "\": not a decimal number");
    const auto d = static_cast<uint64_t>(ch - '0');
    if (n > (UINT64_MAX - d) / 10) refuse("bad tree size \"" + std::string(size) + "\": larger than 2^64 - 1");
    n = n * 10 + d;
  }
  c.size = n;

  std::string root;
  try {
    root = base64_decode(lines[2]);
  } catch (const std::invalid_argument& e) {
    refuse("bad root hash \"" + std::string(lines[2]) + "\": " + e.what());
  }
  if (root.size() != c.root.size())
    refuse("bad root hash \"" + std::string(lines[2]) + "\": " + std::to_string(root.size()) + " bytes, expected 32");
  for (size_t i = 0; i < c.root.size(); ++i) c.root[i] = static_cast<uint8_t>(root[i]);

  for (size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) refuse("malformed body: extension line " + std::to_string(i - 2) + " is empty");
    c.extensions.emplace_back(lines[i]);
  }
  return c;
}

std::string sign_note(const std::string& text, const SigningKey& key, const std::string& key_name) {
  try {
    check_key_name(key_name);
  } catch (const std::invalid_argument& e) {
    refuse(std::string("cannot sign: ") + e.what());
  }
  if (text.empty() || text.back() != '\n') refuse("cannot sign: the note text must end with a newline");
  if (!clean_text(text)) refuse("cannot sign: the note text has invalid UTF-8 or a control character");
  const KeyId id = key_id(key_name, key.public_key());
  std::string sig(reinterpret_cast<const char*>(id.data()), id.size());
  sig += key.sign(text);
  return text + "\n" + std::string(kEmDashSpace) + key_name + " " + base64_encode(sig) + "\n";
}

std::string open_note(const std::string& note, const PublicKey& key, const std::string& key_name) {
  if (!clean_text(note)) refuse("malformed note: invalid UTF-8 or a control character other than newline");
  const size_t split = note.rfind("\n\n");
  if (split == std::string::npos) refuse("malformed note: no blank line between the text and the signatures");
  const std::string text = note.substr(0, split + 1);
  const std::string_view sigs = std::string_view(note).substr(split + 2);
  if (sigs.empty()) refuse("malformed note: no signature lines");
  if (sigs.back() != '\n') refuse("malformed note: the last signature line does not end with a newline");

  const KeyId want = key_id(key_name, key);
  std::vector<std::string> others;
  bool good_signature = false;
  std::string bad_label;  // of the first line of this key that does not verify
  const std::vector<std::string_view> lines = split_lines(sigs);
  if (lines.size() > kMaxSignatures) refuse("malformed note: more than " + std::to_string(kMaxSignatures) + " signatures");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const std::string where = "malformed note: signature line " + std::to_string(i + 1);
    if (line.substr(0, kEmDashSpace.size()) != kEmDashSpace)
      refuse(where + " does not start with an em dash (U+2014) and a space");
    const std::string_view rest = line.substr(kEmDashSpace.size());
    const size_t space = rest.find(' ');
    if (space == std::string_view::npos || space == 0) refuse(where + " has no key name and signature");
    const std::string name(rest.substr(0, space));
    std::string sig;
    try {
      check_key_name(name);
      sig = base64_decode(rest.substr(space + 1));
    } catch (const std::invalid_argument& e) {
      refuse(where + ": " + e.what());
    }
    if (sig.size() < 5) refuse(where + ": the signature is too short");
    const KeyId id{static_cast<uint8_t>(sig[0]), static_cast<uint8_t>(sig[1]), static_cast<uint8_t>(sig[2]),
                   static_cast<uint8_t>(sig[3])};
    // A line whose key ID is that of this key under the line's own name claims this key, whatever
    // the name: the name is a label outside the signature, which anyone passing the note on can
    // change (and recompute the ID for). Every such line must verify (C2SP signed-note: a failing
    // signature from a known key rejects the whole note), not only the first one that does, and
    // not only those under key_name; a relabelled copy of a good line does not excuse a forged one.
    const bool named_so = name == key_name && id == want;
    if (!named_so && id != key_id(name, key)) {
      others.push_back(key_label(name, id));
      continue;
    }
    if (!key.verify(text, std::string_view(sig).substr(4))) {
      if (bad_label.empty()) bad_label = key_label(name, id);
    } else if (named_so) {
      good_signature = true;
    } else {
      others.push_back(key_label(name, id));  // this key, under another label: not the name asked for
    }
  }
  if (!bad_label.empty())
    refuse("bad signature by key " + bad_label + ": the note was altered or not signed by this key" +
           (good_signature || !others.empty()
                ? " (a note with one forged line of a key is refused whole, whatever else verifies)"
                : ""));
  if (good_signature) return text;
  std::string msg = "not signed by key " + key_label(key_name, want) + " (unknown key); signed only by ";
  for (size_t i = 0; i < others.size(); ++i) msg += (i ? ", " : "") + others[i];
  refuse(msg);
}

std::vector<std::string> note_signer_names(const std::string& note) {
  std::vector<std::string> names;
  const size_t split = note.rfind("\n\n");
  if (split == std::string::npos || note.empty() || note.back() != '\n') return names;
  for (std::string_view line : split_lines(std::string_view(note).substr(split + 2))) {
    if (line.substr(0, kEmDashSpace.size()) != kEmDashSpace) continue;
    line.remove_prefix(kEmDashSpace.size());
    const size_t space = line.find(' ');
    if (space != std::string_view::npos && space > 0) names.emplace_back(line.substr(0, space));
  }
  return names;
}

std::string sign_checkpoint(const Checkpoint& checkpoint, const SigningKey& key, const std::string& key_name) {
  return sign_note(checkpoint_body(checkpoint), key, key_name);
}

Checkpoint parse_and_verify_checkpoint(const std::string& note, const PublicKey& key, const std::string& key_name) {
  return parse_checkpoint_body(open_note(note, key, key_name));
}

Checkpoint parse_and_verify_checkpoint(const std::string& note, const VerifierKey& key) {
  return parse_and_verify_checkpoint(note, key.key, key.name);
}

}  // namespace verdeel::ledger
