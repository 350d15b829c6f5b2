#include "util/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace verdeel {
namespace {

struct CtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

// One reusable digest context per thread: creating a context per hash costs
// more than hashing a small record.
EVP_MD_CTX* context() {
  thread_local std::unique_ptr<EVP_MD_CTX, CtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx) throw std::runtime_error("OpenSSL: cannot allocate a digest context");
  return ctx.get();
}

// SHA-256 fetched once: EVP_sha256() makes OpenSSL 3 look the algorithm up, under a lock, on
// every EVP_DigestInit_ex, which costs as much as hashing a small record.
const EVP_MD* algorithm() {
  static const EVP_MD* md = [] {
    EVP_MD* m = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!m) throw std::runtime_error("OpenSSL: SHA-256 is not available");
    return m;
  }();
  return md;
}

template <typename F>
Hash digest(F&& feed) {
  EVP_MD_CTX* ctx = context();
  if (EVP_DigestInit_ex(ctx, algorithm(), nullptr) != 1) throw std::runtime_error("OpenSSL: SHA-256 init failed");
  feed(ctx);
  Hash out{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx, out.data(), &len) != 1 || len != out.size())
    throw std::runtime_error("OpenSSL: SHA-256 final failed");
  return out;
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

void fetch_sha256() { algorithm(); }

Hash sha256(std::string_view bytes) {
  return digest([&](EVP_MD_CTX* ctx) { EVP_DigestUpdate(ctx, bytes.data(), bytes.size()); });
}

Hash sha256_prefixed(uint8_t prefix, std::string_view bytes) {
  return digest([&](EVP_MD_CTX* ctx) {
    EVP_DigestUpdate(ctx, &prefix, 1);
    EVP_DigestUpdate(ctx, bytes.data(), bytes.size());
  });
}

Hash sha256_node(const Hash& left, const Hash& right) {
  uint8_t node[1 + 2 * sizeof(Hash)];  // one update: OpenSSL's per-call cost is a third of this hash
  node[0] = 0x01;
  std::memcpy(node + 1, left.data(), left.size());
  std::memcpy(node + 1 + left.size(), right.data(), right.size());
  return digest([&](EVP_MD_CTX* ctx) { EVP_DigestUpdate(ctx, node, sizeof node); });
}

// The two lower-case hex digits of every byte.
constexpr std::array<char, 512> kHexPairs = [] {
  std::array<char, 512> t{};
  constexpr char digits[] = "0123456789abcdef";
  for (size_t b = 0; b < 256; ++b) t[2 * b] = digits[b >> 4], t[2 * b + 1] = digits[b & 15];
  return t;
}();

char* write_hex(std::string_view bytes, char* out) {
  for (unsigned char b : bytes) std::memcpy(out, &kHexPairs[2 * size_t{b}], 2), out += 2;
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
