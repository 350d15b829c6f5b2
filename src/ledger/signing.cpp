#include "ledger/signing.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/sha256.h"
#include "util/utf8.h"

namespace verdeel::ledger {
namespace {

// ---- OpenSSL helpers -------------------------------------------------------------------------

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

// The most recent OpenSSL error as text (and the queue cleared), for messages.
std::string openssl_error() {
  unsigned long last = 0, e;
  while ((e = ERR_get_error()) != 0) last = e;
  if (last == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(last, buf, sizeof buf);
  return buf;
}

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + openssl_error()); }

BioPtr memory_bio(std::string_view data) {
  if (data.size() > static_cast<size_t>(INT32_MAX)) throw std::invalid_argument("PEM input too large");
  BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (!bio) fail("OpenSSL: cannot allocate a memory BIO");
  return bio;
}

std::string bio_contents(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  if (len < 0 || (len > 0 && data == nullptr)) fail("OpenSSL: cannot read a memory BIO");
  return std::string(data, static_cast<size_t>(len));
}

// A password callback that refuses: an encrypted PEM fails instead of prompting on the terminal.
int no_password(char*, int, int, void*) { return -1; }

RawPublicKey raw_public_key(EVP_PKEY* pkey, const std::string& source) {
  RawPublicKey raw{};
  size_t len = raw.size();
  if (EVP_PKEY_get_raw_public_key(pkey, raw.data(), &len) != 1 || len != raw.size())
    fail(source + ": cannot extract the Ed25519 public key");
  return raw;
}

void require_ed25519(EVP_PKEY* pkey, const std::string& source, const char* kind) {
  if (EVP_PKEY_get_id(pkey) != EVP_PKEY_ED25519)
    throw std::runtime_error(source + ": not an Ed25519 " + kind + " (found " +
                             (EVP_PKEY_get0_type_name(pkey) ? EVP_PKEY_get0_type_name(pkey) : "unknown type") + ")");
}

// ---- files -----------------------------------------------------------------------------------

std::string read_file(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + what + " file " + path + ": " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw std::runtime_error(std::string("cannot read ") + what + " file " + path);
  return s.str();
}

// Creates path (which must not exist), sets its mode exactly, writes data and syncs it. On any
// failure after creating the file, removes it again.
void write_new_file(const std::string& path, std::string_view data, mode_t mode, const char* what) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) {
    const int err = errno;
    if (err == EEXIST)
      throw std::runtime_error(std::string(what) + " file " + path + " already exists; refusing to overwrite it");
    throw std::runtime_error(std::string("cannot create ") + what + " file " + path + ": " + std::strerror(err));
  }
  auto abandon = [&](const char* step) {
    const int err = errno;
    ::close(fd);
    ::unlink(path.c_str());
    throw std::runtime_error(std::string("cannot ") + step + " " + what + " file " + path + ": " + std::strerror(err));
  };
  if (::fchmod(fd, mode) != 0) abandon("set the mode of");
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) abandon("sync");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(path.c_str());
    throw std::runtime_error(std::string("cannot close ") + what + " file " + path + ": " + std::strerror(err));
  }
}

// ---- base64 ----------------------------------------------------------------------------------

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// ---- key names -------------------------------------------------------------------------------

bool is_unicode_space(char32_t c) {  // Go's unicode.IsSpace, which signed-note refers to
  switch (c) {
    case U'\t': case U'\n': case U'\v': case U'\f': case U'\r': case U' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto at = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t v = at(i) << 16 | at(i + 1) << 8 | at(i + 2);
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest == 1) {
    const uint32_t v = at(i) << 16;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out += "==";
  } else if (rest == 2) {
    const uint32_t v = at(i) << 16 | at(i + 1) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back('=');
  }
  return out;
}

std::string base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) throw std::invalid_argument("base64: length is not a multiple of 4");
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    size_t pad = 0;
    if (last && text[i + 3] == '=') pad = text[i + 2] == '=' ? 2 : 1;
    uint32_t v = 0;
    for (size_t j = 0; j < 4; ++j) {
      const char c = text[i + j];
      if (j >= 4 - pad) continue;  // padding
      const int d = b64_value(c);
      if (d < 0) throw std::invalid_argument(c == '=' ? "base64: '=' padding in the middle" : "base64: invalid character");
      v |= static_cast<uint32_t>(d) << (18 - 6 * j);
    }
    if ((pad == 1 && (v & 0xFF) != 0) || (pad == 2 && (v & 0xFFFF) != 0))
      throw std::invalid_argument("base64: non-zero bits in the padding (not canonical)");
    out.push_back(static_cast<char>((v >> 16) & 0xFF));
    if (pad < 2) out.push_back(static_cast<char>((v >> 8) & 0xFF));
    if (pad < 1) out.push_back(static_cast<char>(v & 0xFF));
  }
  return out;
}

// ---- PublicKey -------------------------------------------------------------------------------

PublicKey PublicKey::from_pem(std::string_view pem, const std::string& source) {
  BioPtr bio = memory_bio(pem);
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, no_password, nullptr));
  if (!pkey) fail(source + ": not a PEM public key");
  require_ed25519(pkey.get(), source, "public key");
  return PublicKey(raw_public_key(pkey.get(), source));
}

PublicKey PublicKey::load(const std::string& path) {
  return from_pem(read_file(path, "public key"), "public key file " + path);
}

std::string PublicKey::to_pem() const {
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw_.data(), raw_.size()));
  if (!pkey) fail("OpenSSL: cannot make an Ed25519 public key");
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1) fail("OpenSSL: cannot write a public key PEM");
  return bio_contents(bio.get());
}

void PublicKey::save(const std::string& path) const { write_new_file(path, to_pem(), 0644, "public key"); }

bool PublicKey::verify(std::string_view message, std::string_view signature) const {
  if (signature.size() != kEd25519SignatureSize) return false;
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw_.data(), raw_.size()));
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx) fail("OpenSSL: cannot set up Ed25519 verification");
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
    fail("OpenSSL: Ed25519 verify init failed");
  const int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                  reinterpret_cast<const unsigned char*>(message.data()), message.size());
  ERR_clear_error();  // a bad signature leaves an error on the queue
  return rc == 1;
}

// ---- SigningKey ------------------------------------------------------------------------------

SigningKey SigningKey::generate() {
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) fail("OpenSSL: cannot set up Ed25519 key generation");
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_keygen(ctx.get(), &raw) != 1 || raw == nullptr) fail("OpenSSL: Ed25519 key generation failed");
  std::shared_ptr<evp_pkey_st> pkey(raw, PkeyFree());
  const PublicKey pub = PublicKey::from_raw(raw_public_key(raw, "generated key"));
  return SigningKey(std::move(pkey), pub);
}

SigningKey SigningKey::from_pem(std::string_view pem, const std::string& source) {
  BioPtr bio = memory_bio(pem);
  EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, no_password, nullptr);
  if (raw == nullptr) fail(source + ": not an unencrypted PEM private key");
  std::shared_ptr<evp_pkey_st> pkey(raw, PkeyFree());
  require_ed25519(raw, source, "private key");
  const PublicKey pub = PublicKey::from_raw(raw_public_key(raw, source));
  return SigningKey(std::move(pkey), pub);
}

SigningKey SigningKey::load(const std::string& path) {
  std::string pem = read_file(path, "private key");
  try {
    SigningKey key = from_pem(pem, "private key file " + path);
    OPENSSL_cleanse(pem.data(), pem.size());
    return key;
  } catch (...) {
    OPENSSL_cleanse(pem.data(), pem.size());
    throw;
  }
}

void SigningKey::save(const std::string& path) const {
  BioPtr bio(BIO_new(BIO_s_secmem()));
  if (!bio) bio.reset(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), pkey_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail("OpenSSL: cannot write the private key PEM for " + path);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  if (len <= 0 || data == nullptr) fail("OpenSSL: cannot read the private key PEM for " + path);
  write_new_file(path, std::string_view(data, static_cast<size_t>(len)), 0600, "private key");
}

std::string SigningKey::sign(std::string_view message) const {
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey_.get()) != 1)
    fail("OpenSSL: Ed25519 sign init failed");
  std::string sig(kEd25519SignatureSize, '\0');
  size_t len = sig.size();
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      len != kEd25519SignatureSize)
    fail("OpenSSL: Ed25519 signing failed");
  return sig;
}

// ---- signed-note key names, IDs and verifier keys --------------------------------------------

void check_key_name(std::string_view name) {
  const std::string shown = "key name \"" + std::string(name) + "\"";
  if (name.empty()) throw std::invalid_argument("key name is empty");
  if (!utf8::valid(name)) throw std::invalid_argument("key name is not valid UTF-8");
  for (size_t i = 0; i < name.size();) {
    const char32_t c = utf8::decode(name, i);
    if (c == U'+') throw std::invalid_argument(shown + " contains '+'");
    if (is_unicode_space(c)) throw std::invalid_argument(shown + " contains white space");
    if (c < 0x20 || c == 0x7F) throw std::invalid_argument(shown + " contains a control character");
  }
}

KeyId key_id(std::string_view name, const PublicKey& key) {
  std::string data(name);
  data.push_back('\n');
  data.push_back(static_cast<char>(kSignatureTypeEd25519));
  data.append(reinterpret_cast<const char*>(key.raw().data()), key.raw().size());
  const Hash h = sha256(data);
  return KeyId{h[0], h[1], h[2], h[3]};
}

std::string key_id_hex(const KeyId& id) {
  return to_hex(std::string_view(reinterpret_cast<const char*>(id.data()), id.size()));
}

std::string verifier_key(std::string_view name, const PublicKey& key) {
  check_key_name(name);
  std::string typed(1, static_cast<char>(kSignatureTypeEd25519));
  typed.append(reinterpret_cast<const char*>(key.raw().data()), key.raw().size());
  return std::string(name) + "+" + key_id_hex(key_id(name, key)) + "+" + base64_encode(typed);
}

VerifierKey parse_verifier_key(std::string_view vkey) {
  const std::string shown = "verifier key \"" + std::string(vkey) + "\"";
  const size_t p1 = vkey.find('+');
  const size_t p2 = p1 == std::string_view::npos ? p1 : vkey.find('+', p1 + 1);
  if (p2 == std::string_view::npos) throw std::invalid_argument(shown + ": expected <name>+<key ID>+<key>");
  const std::string_view name = vkey.substr(0, p1), id_hex = vkey.substr(p1 + 1, p2 - p1 - 1),
                         key64 = vkey.substr(p2 + 1);
  check_key_name(name);
  if (id_hex.size() != 8) throw std::invalid_argument(shown + ": the key ID is not 8 hex digits");
  std::string id_bytes, key_bytes;
  try {
    id_bytes = bytes_from_hex(id_hex);
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument(shown + ": the key ID is not 8 hex digits");
  }
  try {
    key_bytes = base64_decode(key64);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(shown + ": the key is not valid " + e.what());
  }
  if (key_bytes.empty() || static_cast<uint8_t>(key_bytes[0]) != kSignatureTypeEd25519)
    throw std::invalid_argument(shown + ": not an Ed25519 key (signature type 0x01)");
  if (key_bytes.size() != 1 + RawPublicKey().size())
    throw std::invalid_argument(shown + ": an Ed25519 key is 32 bytes");
  RawPublicKey raw{};
  for (size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<uint8_t>(key_bytes[1 + i]);
  VerifierKey out{std::string(name), key_id(name, PublicKey::from_raw(raw)), PublicKey::from_raw(raw)};
  const KeyId given{static_cast<uint8_t>(id_bytes[0]), static_cast<uint8_t>(id_bytes[1]),
                    static_cast<uint8_t>(id_bytes[2]), static_cast<uint8_t>(id_bytes[3])};
  if (given != out.id)
    throw std::invalid_argument(shown + ": key ID " + std::string(id_hex) + " does not match the name and key (expected " +
                                key_id_hex(out.id) + ")");
  return out;
}

}  // namespace verdeel::ledger
