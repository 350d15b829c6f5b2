// Ed25519 keys, key files, signed-note key IDs and verifier keys (src/ledger/signing.h).
#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ledger/signing.h"
#include "util/sha256.h"

using namespace verdeel;
using namespace verdeel::ledger;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "verdeel-signing-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

// PKCS#8 PEM of an Ed25519 private key given by its 32-byte seed (RFC 8410).
std::string pkcs8_pem(const std::string& seed) {
  const std::string der = bytes_from_hex("302e020100300506032b657004220420") + seed;
  return "-----BEGIN PRIVATE KEY-----\n" + base64_encode(der) + "\n-----END PRIVATE KEY-----\n";
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("stat failed");
  return st.st_mode & 07777;
}

// Go's golang.org/x/mod/sumdb/note example key.
const std::string kPeterSkey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const std::string kPeterVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

}  // namespace

TEST_CASE("Base64 encodes and decodes the RFC 4648 vectors", "[ledger][signing]") {
  const std::pair<std::string, std::string> cases[] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
                                                       {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                                                       {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : cases) {
    CHECK(base64_encode(plain) == encoded);
    CHECK(base64_decode(encoded) == plain);
  }
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (size_t n = 0; n <= all.size(); ++n) {
    const std::string part = all.substr(all.size() - n);
    REQUIRE(base64_decode(base64_encode(part)) == part);
  }
}

TEST_CASE("Base64 decoding refuses every non-canonical or malformed input", "[ledger][signing]") {
  for (const char* bad : {"Zg", "Zg=", "Zh==", "Zm9=", "Z===", "====", "Zm9v\n", " Zm9v", "Zm 9", "Zg==Zg==", "Zm9v====",
                          "Zm-v", "Zm_v", "Z=g="}) {
    INFO(bad);
    CHECK_THROWS_AS(base64_decode(bad), std::invalid_argument);
  }
}

TEST_CASE("Ed25519 signing matches RFC 8032 test 1", "[ledger][signing]") {
  const SigningKey key = SigningKey::from_pem(
      pkcs8_pem(bytes_from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
  const RawPublicKey pub = key.public_key().raw();
  CHECK(to_hex(std::string_view(reinterpret_cast<const char*>(pub.data()), pub.size())) ==
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const std::string sig = key.sign("");
  CHECK(to_hex(sig) ==
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  CHECK(key.public_key().verify("", sig));
}

TEST_CASE("A signature verifies under its key and not under another key or for another message",
          "[ledger][signing]") {
  const SigningKey key = SigningKey::generate();
  const SigningKey other = SigningKey::generate();
  REQUIRE(key.public_key() != other.public_key());
  const std::string msg = "verdeel/test\n3\nAAAA\n";
  const std::string sig = key.sign(msg);
  REQUIRE(sig.size() == 64);
  CHECK(key.public_key().verify(msg, sig));
  CHECK_FALSE(other.public_key().verify(msg, sig));
  CHECK_FALSE(key.public_key().verify(msg + "x", sig));
  for (size_t i = 0; i < sig.size(); ++i) {
    std::string bad = sig;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    if (key.public_key().verify(msg, bad)) FAIL("flipped signature byte " << i << " accepted");
  }
  CHECK_FALSE(key.public_key().verify(msg, sig.substr(0, 63)));
  CHECK_FALSE(key.public_key().verify(msg, sig + '\0'));
  CHECK_FALSE(key.public_key().verify(msg, ""));
}

TEST_CASE("Key files round trip, the private key file has mode 0600 whatever the umask", "[ledger][signing]") {
  TempDir dir;
  const SigningKey key = SigningKey::generate();
  const mode_t old = ::umask(0);  // the most permissive umask: the mode must still be 0600
  key.save(dir.file("ledger.key"));
  key.public_key().save(dir.file("ledger.pub"));
  ::umask(old);
  CHECK(mode_of(dir.file("ledger.key")) == 0600);
  CHECK(mode_of(dir.file("ledger.pub")) == 0644);
  CHECK(read_all(dir.file("ledger.key")).rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
  CHECK(read_all(dir.file("ledger.pub")).rfind("-----BEGIN PUBLIC KEY-----\n", 0) == 0);

  const SigningKey loaded = SigningKey::load(dir.file("ledger.key"));
  const PublicKey pub = PublicKey::load(dir.file("ledger.pub"));
  CHECK(loaded.public_key() == key.public_key());
  CHECK(pub == key.public_key());
  CHECK(pub.verify("hello", loaded.sign("hello")));
  CHECK(PublicKey::from_pem(pub.to_pem()) == pub);
}

TEST_CASE("Saving a key refuses to overwrite an existing file", "[ledger][signing]") {
  TempDir dir;
  const std::string path = dir.file("ledger.key");
  write_all(path, "precious");
  const SigningKey key = SigningKey::generate();
  try {
    key.save(path);
    FAIL("overwrote an existing file");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("already exists"));
  }
  CHECK(read_all(path) == "precious");
  CHECK_THROWS_WITH(key.public_key().save(path), Catch::Contains("refusing to overwrite"));
  CHECK(read_all(path) == "precious");
  // A file that cannot be created is reported with its name.
  CHECK_THROWS_WITH(key.save(dir.file("missing/ledger.key")), Catch::Contains("missing/ledger.key"));
}

TEST_CASE("Loading a missing, malformed, encrypted or non-Ed25519 key fails with the file's name",
          "[ledger][signing]") {
  TempDir dir;
  CHECK_THROWS_WITH(SigningKey::load(dir.file("none.key")),
                    Catch::Contains("private key file") && Catch::Contains("none.key"));
  CHECK_THROWS_WITH(PublicKey::load(dir.file("none.pub")), Catch::Contains("none.pub"));

  write_all(dir.file("garbage.key"), "not a key\n");
  CHECK_THROWS_WITH(SigningKey::load(dir.file("garbage.key")), Catch::Contains("garbage.key"));

  const SigningKey key = SigningKey::generate();
  key.public_key().save(dir.file("a.pub"));
  CHECK_THROWS_WITH(SigningKey::load(dir.file("a.pub")), Catch::Contains("a.pub"));  // a public key is not a private key
  key.save(dir.file("a.key"));
  CHECK_THROWS_WITH(PublicKey::load(dir.file("a.key")), Catch::Contains("a.key"));

  // A passphrase-protected key is refused, not prompted for.
  {
    const SigningKey plain = SigningKey::load(dir.file("a.key"));
    const std::string pem = read_all(dir.file("a.key"));
    BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY* pkey = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO* out = BIO_new(BIO_s_mem());
    char pass[] = "secret";
    REQUIRE(PEM_write_bio_PKCS8PrivateKey(out, pkey, EVP_aes_256_cbc(), pass, 6, nullptr, nullptr) == 1);
    char* data = nullptr;
    const long len = BIO_get_mem_data(out, &data);
    write_all(dir.file("encrypted.key"), std::string(data, static_cast<size_t>(len)));
    BIO_free(out);
    EVP_PKEY_free(pkey);
    BIO_free(in);
    CHECK_THROWS_WITH(SigningKey::load(dir.file("encrypted.key")), Catch::Contains("encrypted.key"));
  }

  // An X25519 key (same curve, other algorithm) is refused as not Ed25519.
  {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
    EVP_PKEY* x = nullptr;
    REQUIRE(EVP_PKEY_keygen_init(ctx) == 1);
    REQUIRE(EVP_PKEY_keygen(ctx, &x) == 1);
    BIO* out = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(out, x, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long len = BIO_get_mem_data(out, &data);
    write_all(dir.file("x25519.key"), std::string(data, static_cast<size_t>(len)));
    BIO_free(out);
    EVP_PKEY_free(x);
    EVP_PKEY_CTX_free(ctx);
    CHECK_THROWS_WITH(SigningKey::load(dir.file("x25519.key")),
                      Catch::Contains("x25519.key") && Catch::Contains("not an Ed25519 private key"));
  }
}

TEST_CASE("Key IDs and verifier keys match the Go signed-note implementation", "[ledger][signing]") {
  // The signer key's base64 is 0x01 || seed; it must yield the published verifier key.
  const std::string typed = base64_decode(kPeterSkey.substr(std::string("PRIVATE+KEY+PeterNeumann+c74f20a3+").size()));
  REQUIRE(typed.size() == 33);
  const SigningKey peter = SigningKey::from_pem(pkcs8_pem(typed.substr(1)));
  CHECK(key_id_hex(key_id("PeterNeumann", peter.public_key())) == "c74f20a3");
  CHECK(verifier_key("PeterNeumann", peter.public_key()) == kPeterVkey);

  const VerifierKey v = parse_verifier_key(kPeterVkey);
  CHECK(v.name == "PeterNeumann");
  CHECK(key_id_hex(v.id) == "c74f20a3");
  CHECK(v.key == peter.public_key());

  const VerifierKey enoch = parse_verifier_key("EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop");
  CHECK(enoch.name == "EnochRoot");
  CHECK(key_id_hex(enoch.id) == "af0cfe78");
  // A key whose base64 contains '+' (transparency-dev/formats tests).
  CHECK(parse_verifier_key("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").name == "TEST");
}

TEST_CASE("Mangled verifier keys are refused", "[ledger][signing]") {
  for (size_t i = 0; i < kPeterVkey.size(); ++i) {
    std::string bad = kPeterVkey;
    bad[i] = static_cast<char>(bad[i] + 1);
    INFO(bad);
    CHECK_THROWS_AS(parse_verifier_key(bad), std::invalid_argument);
  }
  for (size_t len = 0; len < kPeterVkey.size(); ++len) {
    INFO(kPeterVkey.substr(0, len));
    CHECK_THROWS_AS(parse_verifier_key(kPeterVkey.substr(0, len)), std::invalid_argument);
  }
  CHECK_THROWS_WITH(parse_verifier_key("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                    Catch::Contains("does not match"));
  CHECK_THROWS_WITH(parse_verifier_key("PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                    Catch::Contains("not an Ed25519 key"));
}

TEST_CASE("Key names follow the signed-note rules", "[ledger][signing]") {
  CHECK_NOTHROW(check_key_name("verdeel/2025-zuiderland"));
  CHECK_NOTHROW(check_key_name("example.com/log\xC3\xA9"));
  for (const char* bad : {"", "a b", "a+b", "a\tb", "a\nb", "a\x7f" "b", "a\xC2\xA0" "b", "a\xE2\x80\x83" "b", "a\xE3\x80\x80" "b",
                          "a\xFF" "b", "a\xC3"}) {
    INFO(to_hex(std::string_view(bad)));
    CHECK_THROWS_AS(check_key_name(bad), std::invalid_argument);
  }
  const SigningKey key = SigningKey::generate();
  CHECK_THROWS_AS(verifier_key("a b", key.public_key()), std::invalid_argument);
  CHECK(key_id("a", key.public_key()) != key_id("b", key.public_key()));
}
