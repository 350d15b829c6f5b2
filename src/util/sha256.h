#pragma once
// SHA-256 through OpenSSL (LEDGER.md, "Canonical bytes").
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace verdeel {

using Hash = std::array<uint8_t, 32>;

Hash sha256(std::string_view bytes);
// SHA-256 of prefix byte followed by bytes, without copying.
Hash sha256_prefixed(uint8_t prefix, std::string_view bytes);
// SHA-256 of prefix || left || right (RFC 9162 interior node with prefix 0x01).
Hash sha256_node(const Hash& left, const Hash& right);

// SHA-256 of a message fed in two parts: the first, fed by update (on any thread), is kept as the
// hash's state after it; finish hashes the rest from a copy of that state, so one first part can
// end many messages. finish(rest) is sha256(first + rest).
class Sha256Midstate {
 public:
  struct State {
    alignas(8) unsigned char bytes[128];  // OpenSSL's SHA256_CTX (112 bytes; sha256.cpp checks it fits)
  };
  Sha256Midstate();
  void update(std::string_view bytes);
  Hash finish(std::string_view rest) const;

 private:
  State state_;
};

std::string to_hex(const Hash& h);
std::string to_hex(std::string_view bytes);
// Appends the lower-case hex of bytes to out.
void append_hex(std::string_view bytes, std::string& out);
// Writes the 2 * bytes.size() lower-case hex digits of bytes at out; returns the end.
char* write_hex(std::string_view bytes, char* out);
// Throws std::invalid_argument unless s is exactly 64 hex digits.
Hash hash_from_hex(std::string_view s);
// Throws std::invalid_argument on odd length or a non-hex digit.
std::string bytes_from_hex(std::string_view s);

inline constexpr Hash kZeroHash{};

}  // namespace verdeel
