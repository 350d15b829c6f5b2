// OpenSSL's SHA-256 functions (SHA256_Init, _Update, _Final), not its EVP interface: the same
// implementation (its assembly, with the processor's SHA instructions where it has them), without
// EVP's per-call cost (about 40 ns a hash) and without the look-up of the algorithm in OpenSSL's
// provider tables, which cost about 0.6 ms at every start. OpenSSL 3 marks these functions
// deprecated in favour of EVP; they are the documented low-level interface to the same code, and
// their context is a plain struct, which Sha256Midstate copies. Ed25519 (signing.cpp) stays on EVP.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "util/sha256.h"

#include <openssl/sha.h>

#include <array>
#include <cstring>
#include <stdexcept>

namespace verdeel {
namespace {

static_assert(sizeof(SHA256_CTX) <= sizeof(Sha256Midstate::State) && alignof(SHA256_CTX) <= alignof(Sha256Midstate::State),
              "Sha256Midstate holds OpenSSL's SHA256_CTX");

SHA256_CTX* ctx_of(Sha256Midstate::State& s) { return reinterpret_cast<SHA256_CTX*>(s.bytes); }
const SHA256_CTX* ctx_of(const Sha256Midstate::State& s) { return reinterpret_cast<const SHA256_CTX*>(s.bytes); }

void update(SHA256_CTX* c, const void* bytes, size_t n) {
  if (SHA256_Update(c, bytes, n) != 1) throw std::runtime_error("OpenSSL: SHA-256 update failed");
}

Hash final(SHA256_CTX* c) {
  Hash out{};
  if (SHA256_Final(out.data(), c) != 1) throw std::runtime_error("OpenSSL: SHA-256 final failed");
  return out;
}

template <typename F>
Hash digest(F&& feed) {
  SHA256_CTX c;
  if (SHA256_Init(&c) != 1) throw std::runtime_error("OpenSSL: SHA-256 init failed");
  feed(&c);
  return final(&c);
}

// The value of each byte as a hex digit (either case), or -1: one look-up instead of three ranges
// (an input set names a thousand hashes).
struct HexValues {
  signed char v[256];
  constexpr HexValues() : v() {
    for (int c = 0; c < 256; ++c)
      v[c] = static_cast<signed char>(c >= '0' && c <= '9'   ? c - '0'
                                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                             : -1);
  }
};
constexpr HexValues kHexValues;

int hex_value(char c) { return kHexValues.v[static_cast<unsigned char>(c)]; }

}  // namespace

Sha256Midstate::Sha256Midstate() {
  if (SHA256_Init(ctx_of(state_)) != 1) throw std::runtime_error("OpenSSL: SHA-256 init failed");
}

void Sha256Midstate::update(std::string_view bytes) { verdeel::update(ctx_of(state_), bytes.data(), bytes.size()); }

Hash Sha256Midstate::finish(std::string_view rest) const {
  SHA256_CTX c;
  std::memcpy(&c, ctx_of(state_), sizeof c);
  verdeel::update(&c, rest.data(), rest.size());
  return final(&c);
}

Hash sha256(std::string_view bytes) {
  return digest([&](SHA256_CTX* c) { update(c, bytes.data(), bytes.size()); });
}

Hash sha256_prefixed(uint8_t prefix, std::string_view bytes) {
  return digest([&](SHA256_CTX* c) {
    update(c, &prefix, 1);
    update(c, bytes.data(), bytes.size());
  });
}

Hash sha256_node(const Hash& left, const Hash& right) {
  return digest([&](SHA256_CTX* c) {
    const uint8_t prefix = 0x01;
    update(c, &prefix, 1);
    update(c, left.data(), left.size());
    update(c, right.data(), right.size());
  });
}

// The two lower-case hex digits of every byte.
constexpr std::array<char, 512> kHexPairs = [] {
  std::array<char, 512> t{};
  constexpr char digits[] = "0123456789abcdef";
  for (size_t b = 0; b < 256; ++b) t[2 * b] = digits[b >> 4], t[2 * b + 1] = digits[b & 15];
  return t;
}();

char* write_hex(std::string_view bytes, char* out) {
  for (const char ch : bytes) std::memcpy(out, &kHexPairs[2 * size_t{static_cast<unsigned char>(ch)}], 2), out += 2;
  return out;
}

void append_hex(std::string_view bytes, std::string& out) {
  const size_t at = out.size();
  out.resize(at + bytes.size() * 2);
  write_hex(bytes, &out[at]);
}

std::string to_hex(std::string_view bytes) {
  std::string out;
  append_hex(bytes, out);
  return out;
}

std::string to_hex(const Hash& h) {
  return to_hex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

std::string bytes_from_hex(std::string_view s) {
  if (s.size() % 2 != 0) throw std::invalid_argument("hex string of odd length");
  std::string out;
  out.reserve(s.size() / 2);
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
    if (hi < 0 || lo < 0) throw std::invalid_argument("not a hex digit");
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

Hash hash_from_hex(std::string_view s) {
  if (s.size() != 64) throw std::invalid_argument("a SHA-256 hash is 64 hex digits");
  Hash h{};
  for (size_t i = 0; i < h.size(); ++i) {
    int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);
    if (hi < 0 || lo < 0) throw std::invalid_argument("not a hex digit");
    h[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  return h;
}

}  // namespace verdeel
