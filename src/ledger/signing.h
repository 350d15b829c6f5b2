#pragma once
// Ed25519 keys and signatures through OpenSSL 3 (LEDGER.md, "Checkpoints"), with the key naming
// of C2SP signed-note: key ID = the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key),
// and the verifier key text "<name>+<hex key ID>+<base64(0x01 || public key)>".
//
// Errors are std::runtime_error (files, OpenSSL) or std::invalid_argument (malformed text), with
// messages that name the file or the input.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace verdeel::ledger {

using KeyId = std::array<uint8_t, 4>;
using RawPublicKey = std::array<uint8_t, 32>;
inline constexpr uint8_t kSignatureTypeEd25519 = 0x01;  // signed-note signature type
inline constexpr size_t kEd25519SignatureSize = 64;

// Standard base64 (RFC 4648 section 4) with padding. Decoding is strict: the length must be a
// multiple of 4, padding only at the end, no whitespace, and unused bits zero, so every byte
// string has exactly one accepted encoding. Throws std::invalid_argument.
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);

class PublicKey {
 public:
  static PublicKey from_raw(const RawPublicKey& raw) { return PublicKey(raw); }
  // SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"); `source` names the input in error messages.
  static PublicKey from_pem(std::string_view pem, const std::string& source = "public key PEM");
  static PublicKey load(const std::string& path);

  std::string to_pem() const;
  // Writes the PEM with mode 0644; refuses to overwrite an existing file.
  void save(const std::string& path) const;

  const RawPublicKey& raw() const { return raw_; }
  // True iff signature is a valid 64-byte Ed25519 signature of message under this key.
  bool verify(std::string_view message, std::string_view signature) const;

  bool operator==(const PublicKey& o) const { return raw_ == o.raw_; }
  bool operator!=(const PublicKey& o) const { return raw_ != o.raw_; }

 private:
  explicit PublicKey(const RawPublicKey& raw) : raw_(raw) {}
  RawPublicKey raw_;
};

class SigningKey {
 public:
  static SigningKey generate();
  // PKCS#8 PEM ("BEGIN PRIVATE KEY"), unencrypted; an encrypted key is refused, never prompted for.
  static SigningKey from_pem(std::string_view pem, const std::string& source = "private key PEM");
  static SigningKey load(const std::string& path);

  // Writes PKCS#8 PEM to a new file with mode 0600 (set with fchmod, whatever the umask);
  // refuses to overwrite an existing file, and removes a partly written one.
  void save(const std::string& path) const;

  // The 64-byte Ed25519 signature of message.
  std::string sign(std::string_view message) const;
  const PublicKey& public_key() const { return public_; }

 private:
  SigningKey(std::shared_ptr<evp_pkey_st> pkey, const PublicKey& pub) : pkey_(std::move(pkey)), public_(pub) {}
  std::shared_ptr<evp_pkey_st> pkey_;
  PublicKey public_;
};

// Throws std::invalid_argument unless name is a valid signed-note key name: non-empty UTF-8
// without Unicode white space, control characters or '+'.
void check_key_name(std::string_view name);

// signed-note key ID of an Ed25519 key under a name.
KeyId key_id(std::string_view name, const PublicKey& key);
std::string key_id_hex(const KeyId& id);  // 8 lowercase hex digits

// The signed-note verifier key: "<name>+<8 hex digits key ID>+<base64(0x01 || public key)>".
std::string verifier_key(std::string_view name, const PublicKey& key);

struct VerifierKey {
  std::string name;
  KeyId id{};
  PublicKey key;
};
// Parses and checks a verifier key (name valid, Ed25519 type, 32-byte key, key ID matching).
// Throws std::invalid_argument.
VerifierKey parse_verifier_key(std::string_view vkey);

}  // namespace verdeel::ledger
