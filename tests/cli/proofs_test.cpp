// Keys, checkpoints and Merkle proofs through the real program (LEDGER.md "Checkpoints").
#include <catch2/catch.hpp>

#include <filesystem>

#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_fixture.h"
#include "ledger/merkle_verify.h"
#include "ledger/signing.h"
#include "util/sha256.h"

using verdeel::testing::Cli;
using verdeel::testing::slurp;
using Json = nlohmann::json;
using namespace verdeel;

namespace {
std::vector<Hash> hashes(const Json& a) {
  std::vector<Hash> out;
  for (const auto& h : a) out.push_back(hash_from_hex(h.get<std::string>()));
  return out;
}
int64_t records(const Cli& c) { return static_cast<int64_t>(Json::parse(c.run({"log", "--format", "json"}).out).size()); }
}  // namespace

TEST_CASE("key generate writes a private key only its owner can read, a public key, and prints the verifier key",
          "[cli][proofs]") {
  Cli c;
  auto o = c.run({"key", "generate", "ministerie"});
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(std::regex_match(o.out, std::regex("ministerie\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}\n")));
  struct stat st {};
  REQUIRE(stat((c.dir / "ministerie.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(slurp(c.dir / "ministerie.pub").rfind("-----BEGIN PUBLIC KEY-----", 0) == 0);
  auto again = c.run({"key", "generate", "ministerie"});
  CHECK(again.status == 2);
  CHECK(again.err.find("refusing to overwrite") != std::string::npos);
  CHECK(c.run({"key", "generate", "bad name"}).status == 2);
}

TEST_CASE("checkpoint signs the records before its own record, prints the note and records it, verify accepts it",
          "[cli][proofs]") {
  Cli c;
  c.decided("drenthe-2024", "Drenthe");
  c.run({"key", "generate", "ministerie"});
  const int64_t before = records(c);
  auto cp = c.run({"checkpoint", "--key", "ministerie.key"});
  INFO(cp.err);
  REQUIRE(cp.status == 0);
  CHECK(records(c) == before + 1);  // the checkpoint record
  std::smatch m;
  REQUIRE(std::regex_match(cp.out, m, std::regex("verdeel/([0-9a-f]{32})\n([0-9]+)\n([A-Za-z0-9+/=]{44})\n\n\xE2\x80\x94 ministerie [A-Za-z0-9+/=]+\n")));
  CHECK(std::stoll(m[2]) == before);  // not counting itself
  Json last = Json::parse(c.run({"log", "-n", "1", "--format", "json"}).out)[0];
  CHECK(last["kind"] == "checkpoint");
  CHECK(last["seq"] == before);
  CHECK(last["body"]["note"] == cp.out);
  Cli::write(c.dir / "held.note", cp.out);

  auto v = c.run({"verify", "-v", "--checkpoint", "held.note", "--pubkey", "ministerie.pub"});
  INFO(v.out << v.err);
  CHECK(v.status == 0);
  CHECK(v.out.find("ok: extends checkpoint held.note (" + std::to_string(before) + " records") != std::string::npos);

  // The verifier key line as printed by `key generate` serves as the public key too.
  c.run({"key", "generate", "tweede", "--dir", "keys"});
  Cli::write(c.dir / "vkey.txt", c.run({"key", "generate", "derde"}).out);
  auto cp3 = c.run({"checkpoint", "--key", "derde.key"});
  Cli::write(c.dir / "derde.note", cp3.out);
  CHECK(c.run({"verify", "--checkpoint", "derde.note", "--pubkey", "vkey.txt"}).status == 0);
  // ... and later records still extend the first checkpoint.
  CHECK(c.run({"verify", "--checkpoint", "held.note", "--pubkey", "ministerie.pub"}).status == 0);
}

TEST_CASE("verify takes the signer's public key from a renamed file, as verify-bundle does", "[cli][proofs]") {
  Cli c;
  c.decided("drenthe-2024", "Drenthe");
  c.run({"key", "generate", "ministerie"});
  Cli::write(c.dir / "held.note", c.run({"checkpoint", "--key", "ministerie.key"}).out);
  std::filesystem::copy_file(c.dir / "ministerie.pub", c.dir / "ministerie-asiel.pub");
  auto v = c.run({"verify", "-v", "--checkpoint", "held.note", "--pubkey", "ministerie-asiel.pub"});
  INFO(v.out << v.err);
  CHECK(v.status == 0);
  CHECK_THAT(v.err, Catch::Contains("verify: note: 'ministerie-asiel.pub' holds the signer's public key; the checkpoint "
                                    "calls it \"ministerie\", the file's name \"ministerie-asiel\""));
  CHECK_THAT(v.out, Catch::Contains("signed by the key in 'ministerie-asiel.pub', which the checkpoint calls ministerie+"));
  // A name given outright must be the checkpoint's; another key under the signer's name is no signer.
  CHECK(c.run({"verify", "--checkpoint", "held.note", "--pubkey", "ministerie-asiel.pub", "--key-name", "asiel"}).status == 1);
  c.run({"key", "generate", "ander"});
  std::filesystem::copy_file(c.dir / "ander.pub", c.dir / "ministerie2.pub");
  auto other = c.run({"verify", "--checkpoint", "held.note", "--pubkey", "ministerie2.pub"});
  CHECK(other.status == 1);
  CHECK_THAT(other.err, Catch::Contains("not signed by key ministerie2+"));
}

TEST_CASE("a checkpoint signed by an unknown key is refused", "[cli][proofs]") {
  Cli c;
  c.decided("drenthe-2024", "Drenthe");
  c.run({"key", "generate", "ministerie"});
  c.run({"key", "generate", "indringer"});
  Cli::write(c.dir / "fake.note", c.run({"checkpoint", "--key", "indringer.key"}).out);
  auto v = c.run({"verify", "--checkpoint", "fake.note", "--pubkey", "ministerie.pub"});
  CHECK(v.status == 1);
  CHECK(v.err.find("not signed by key ministerie+") != std::string::npos);
  CHECK(v.err.find("unknown key") != std::string::npos);
  CHECK(v.err.find("signed only by indringer+") != std::string::npos);
  // Same name, other key: the key ID differs, so it is still unknown.
  auto same_name = c.run({"verify", "--checkpoint", "fake.note", "--pubkey", "ministerie.pub", "--key-name", "indringer"});
  CHECK(same_name.status == 1);
  CHECK(same_name.err.find("unknown key") != std::string::npos);
  // A checkpoint of another ledger, by the right key, is refused too.
  Cli other;
  other.decided("drenthe-2024", "Drenthe");
  std::filesystem::copy(c.dir / "ministerie.key", other.dir / "ministerie.key");
  Cli::write(c.dir / "other.note", other.run({"checkpoint", "--key", "ministerie.key"}).out);
  auto o = c.run({"verify", "--checkpoint", "other.note", "--pubkey", "ministerie.pub"});
  CHECK(o.status == 1);
  CHECK(o.err.find("not of this ledger") != std::string::npos);
}

TEST_CASE("proof inclusion and consistency print RFC 9162 proofs that verify against the signed root",
          "[cli][proofs]") {
  Cli c;
  c.decided("drenthe-2024", "Drenthe");
  c.run({"key", "generate", "k"});
  auto cp = c.run({"checkpoint", "--key", "k.key"});
  const int64_t size = std::stoll(cp.out.substr(cp.out.find('\n') + 1));
  const std::string root_b64 = cp.out.substr(cp.out.find('\n', cp.out.find('\n') + 1) + 1, 44);
  for (int64_t seq : {int64_t{0}, int64_t{1}, size / 2, size - 1}) {
    auto o = c.run({"proof", "inclusion", std::to_string(seq), "--size", std::to_string(size)});
    INFO(o.err);
    REQUIRE(o.status == 0);
    Json p = Json::parse(o.out);
    CHECK(p["index"] == seq);
    CHECK(p["size"] == size);
    Json rec = Json::parse(c.run({"log", "--format", "json"}).out);
    const Hash leaf = hash_from_hex(p["leaf"].get<std::string>());
    CHECK(leaf == hash_from_hex(rec[static_cast<size_t>(records(c) - 1 - seq)]["hash"].get<std::string>()));
    CHECK(ledger::verify_inclusion(leaf, static_cast<uint64_t>(seq), static_cast<uint64_t>(size), hashes(p["proof"]),
                                   hash_from_hex(p["root"].get<std::string>())));
  }
  // The root of the first `size` records is the root the checkpoint signed.
  Json whole = Json::parse(c.run({"proof", "inclusion", "0", "--size", std::to_string(size)}).out);
  Json cons = Json::parse(c.run({"proof", "consistency", std::to_string(size - 7), std::to_string(size + 1)}).out);
  CHECK(cons["root2"] == Json::parse(c.run({"proof", "inclusion", "0"}).out)["root"]);
  CHECK(ledger::verify_consistency(static_cast<uint64_t>(size - 7), static_cast<uint64_t>(size + 1),
                                   hash_from_hex(cons["root1"].get<std::string>()),
                                   hash_from_hex(cons["root2"].get<std::string>()), hashes(cons["proof"])));
  Json at = Json::parse(c.run({"proof", "consistency", std::to_string(size), std::to_string(size + 1)}).out);
  CHECK(at["root1"] == whole["root"]);
  CHECK(to_hex(ledger::base64_decode(root_b64)) == whole["root"].get<std::string>());
  auto bad = c.run({"proof", "inclusion", std::to_string(size + 5)});
  CHECK(bad.status == 2);
  CHECK(c.run({"proof", "consistency", "9", "3"}).status == 2);
}
