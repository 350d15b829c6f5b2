#include <catch2/catch.hpp>

#include <string>

#include "util/sha256.h"

using namespace verdeel;

// FIPS 180-2 and NIST's examples: the functions the ledger's hashes rest on.
TEST_CASE("SHA-256 gives the published digests", "[util][sha256]") {
  CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(to_hex(sha256(std::string(1000000, 'a'))) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("the prefixed and node hashes are SHA-256 of the prefix and the bytes", "[util][sha256]") {
  const std::string data = "{\"body\":{}}";
  CHECK(sha256_prefixed(0x00, data) == sha256(std::string(1, '\0') + data));
  Hash left = sha256("left"), right = sha256("right");
  std::string node(1, '\x01');
  node.append(reinterpret_cast<const char*>(left.data()), left.size());
  node.append(reinterpret_cast<const char*>(right.data()), right.size());
  CHECK(sha256_node(left, right) == sha256(node));
  CHECK(sha256_node(right, left) != sha256(node));
}

TEST_CASE("a midstate finishes the hash of the whole message, however it is split", "[util][sha256]") {
  std::string message;
  for (int i = 0; i < 300; ++i) message.push_back(static_cast<char>('!' + (i * 7) % 90));
  for (size_t split = 0; split <= message.size(); ++split) {
    Sha256Midstate m;
    m.update(std::string_view(message).substr(0, split / 2));
    m.update(std::string_view(message).substr(split / 2, split - split / 2));
    const Hash whole = sha256(message);
    REQUIRE(m.finish(std::string_view(message).substr(split)) == whole);
    REQUIRE(m.finish(std::string_view(message).substr(split)) == whole);  // finish leaves the state as it was
  }
  CHECK(Sha256Midstate().finish("abc") == sha256("abc"));
}
