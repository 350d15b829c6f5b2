#pragma once
// SHA-256 through OpenSSL's EVP interface (LEDGER.md, "Canonical bytes").
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace verdeel {

using Hash = std::array<uint8_t, 32>;

// Looks SHA-256 up in OpenSSL now rather than at the first hash. The first look-up in a process
// builds OpenSSL's tables of algorithms, which costs more (about 0.6 ms) than hashing a whole
// decision; main() has it done on a second core while the command starts. Throws as the first
// hash would when SHA-256 is not available.
void fetch_sha256();

Hash sha256(std::string_view bytes);
// SHA-256 of prefix byte followed by bytes, without copying.
Hash sha256_prefixed(uint8_t prefix, std::string_view bytes);
// SHA-256 of prefix || left || right (RFC 9162 interior node with prefix 0x01).
Hash sha256_node(const Hash& left, const Hash& right);

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
