// Signed checkpoints (src/ledger/checkpoint.h): C2SP tlog-checkpoint bodies in C2SP signed notes.
#include <catch2/catch.hpp>

#include <string>

#include "ledger/checkpoint.h"
#include "ledger/signing.h"
#include "util/sha256.h"

using namespace verdeel;
using namespace verdeel::ledger;

namespace {

std::string pkcs8_pem(const std::string& seed) {
  const std::string der = bytes_from_hex("302e020100300506032b657004220420") + seed;
  return "-----BEGIN PRIVATE KEY-----\n" + base64_encode(der) + "\n-----END PRIVATE KEY-----\n";
}

// golang.org/x/mod/sumdb/note's documented example.
const std::string kPeterSeedB64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const std::string kPeterVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const std::string kGoText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
const std::string kGoNote = kGoText +
                            "\n\xE2\x80\x94 PeterNeumann "
                            "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

// The root of the 8-leaf RFC 6962 vector tree.
const Hash kRoot8 = hash_from_hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

const std::string kName = "verdeel/2025-zuiderland";

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Signed notes are byte for byte those of the Go signed-note implementation", "[ledger][checkpoint]") {
  const SigningKey peter = SigningKey::from_pem(pkcs8_pem(base64_decode(kPeterSeedB64).substr(1)));
  CHECK(sign_note(kGoText, peter, "PeterNeumann") == kGoNote);
  const VerifierKey v = parse_verifier_key(kPeterVkey);
  CHECK(open_note(kGoNote, v.key, v.name) == kGoText);
  CHECK_THROWS_WITH(open_note(replace_once(kGoNote, "cryptography", "cryptographY"), v.key, v.name),
                    Catch::Contains("bad signature"));
}

TEST_CASE("A checkpoint body has origin, decimal size and base64 root lines", "[ledger][checkpoint]") {
  CHECK(ledger_origin("2025-zuiderland") == kName);
  const Checkpoint c{kName, 8, kRoot8};
  CHECK(checkpoint_body(c) == "verdeel/2025-zuiderland\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
  const Checkpoint with_ext{kName, 8, kRoot8, {"Timestamp: 2025-06-30", "x"}};
  CHECK(checkpoint_body(with_ext) ==
        "verdeel/2025-zuiderland\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nTimestamp: 2025-06-30\nx\n");
  CHECK_THROWS_AS(checkpoint_body(Checkpoint{"", 1, kRoot8}), CheckpointError);
  CHECK_THROWS_AS(checkpoint_body(Checkpoint{"a\nb", 1, kRoot8}), CheckpointError);
  CHECK_THROWS_AS(checkpoint_body(Checkpoint{kName, 1, kRoot8, {""}}), CheckpointError);
  CHECK_THROWS_AS(checkpoint_body(Checkpoint{kName, 1, kRoot8, {"a\tb"}}), CheckpointError);
}

TEST_CASE("A signed checkpoint round trips", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  for (const Checkpoint& c : {Checkpoint{kName, 8, kRoot8}, Checkpoint{kName, 0, sha256("")},
                              Checkpoint{kName, UINT64_MAX, kRoot8, {"ext one", "ext two"}}}) {
    const std::string note = sign_checkpoint(c, key, kName);
    INFO(note);
    CHECK(note.rfind(checkpoint_body(c) + "\n\xE2\x80\x94 " + kName + " ", 0) == 0);
    const Checkpoint back = parse_and_verify_checkpoint(note, key.public_key(), kName);
    CHECK(back.origin == c.origin);
    CHECK(back.size == c.size);
    CHECK(back.root == c.root);
    CHECK(back.extensions == c.extensions);
    const Checkpoint via_vkey =
        parse_and_verify_checkpoint(note, parse_verifier_key(verifier_key(kName, key.public_key())));
    CHECK(via_vkey.size == c.size);
  }
}

TEST_CASE("A tampered checkpoint is refused", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  const std::string note = sign_checkpoint(Checkpoint{kName, 8, kRoot8}, key, kName);
  const PublicKey pub = key.public_key();
  auto refused = [&](const std::string& bad, const std::string& why) {
    INFO(bad);
    CHECK_THROWS_WITH(parse_and_verify_checkpoint(bad, pub, kName), Catch::Contains(why));
  };
  SECTION("origin") { refused(replace_once(note, "zuiderland\n", "drenthe\n"), "bad signature"); }
  SECTION("size") {
    refused(replace_once(note, "\n8\n", "\n9\n"), "bad signature");
    refused(replace_once(note, "\n8\n", "\n08\n"), "bad signature");
  }
  SECTION("root") { refused(replace_once(note, "Xcnae", "Xcnaf"), "bad signature"); }
  SECTION("an added extension line") {
    refused(replace_once(note, "=\n\n", "=\nextra\n\n"), "bad signature");
  }
  SECTION("every byte of the signature") {
    const size_t sig_at = note.rfind(' ') + 1;
    const std::string sig = base64_decode(note.substr(sig_at, note.size() - sig_at - 1));
    for (size_t i = 4; i < sig.size(); ++i) {
      std::string bad_sig = sig;
      bad_sig[i] = static_cast<char>(bad_sig[i] ^ 0x40);
      const std::string bad = note.substr(0, sig_at) + base64_encode(bad_sig) + "\n";
      CHECK_THROWS_WITH(parse_and_verify_checkpoint(bad, pub, kName), Catch::Contains("bad signature"));
    }
  }
}

TEST_CASE("A checkpoint signed by an unknown key is refused, saying so", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  const SigningKey stranger = SigningKey::generate();
  const Checkpoint c{kName, 8, kRoot8};
  const std::string by_stranger = sign_checkpoint(c, stranger, "stranger.example");
  CHECK_THROWS_WITH(parse_and_verify_checkpoint(by_stranger, key.public_key(), kName),
                    Catch::Contains("not signed by key " + kName + "+" + key_id_hex(key_id(kName, key.public_key()))) &&
                        Catch::Contains("unknown key") && Catch::Contains("stranger.example+"));
  // The same name with another key is another key ID: also unknown.
  const std::string same_name = sign_checkpoint(c, stranger, kName);
  CHECK_THROWS_WITH(parse_and_verify_checkpoint(same_name, key.public_key(), kName), Catch::Contains("unknown key"));
  // Our key under another name is another key ID too.
  CHECK_THROWS_WITH(parse_and_verify_checkpoint(sign_checkpoint(c, key, "other"), key.public_key(), kName),
                    Catch::Contains("unknown key"));
}

TEST_CASE("Signatures by other keys beside ours are ignored", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  const SigningKey witness = SigningKey::generate();
  const Checkpoint c{kName, 8, kRoot8};
  const std::string ours = sign_checkpoint(c, key, kName);
  const std::string theirs = sign_checkpoint(c, witness, "witness.example");
  const std::string our_line = ours.substr(ours.find("\n\n") + 2);
  const std::string their_line = theirs.substr(theirs.find("\n\n") + 2);
  const std::string body = checkpoint_body(c);
  CHECK(parse_and_verify_checkpoint(body + "\n" + their_line + our_line, key.public_key(), kName).size == 8);
  CHECK(parse_and_verify_checkpoint(body + "\n" + our_line + their_line, key.public_key(), kName).size == 8);
  CHECK(parse_and_verify_checkpoint(body + "\n" + our_line + their_line, witness.public_key(), "witness.example").size ==
        8);
}

TEST_CASE("A forged line of our key beside a good one rejects the whole note, in either order", "[ledger][checkpoint]") {
  // C2SP signed-note: "If a signature from a known key fails to verify, clients SHOULD reject the whole note."
  const SigningKey key = SigningKey::generate();
  const Checkpoint c{kName, 8, kRoot8};
  const std::string ours = sign_checkpoint(c, key, kName);
  const std::string good = ours.substr(ours.find("\n\n") + 2);
  // The same key ID, another signature: the last base64 characters changed.
  std::string forged = good;
  const size_t end = forged.size() - 2;  // before the newline, and before a possible '='
  forged[end - 2] = forged[end - 2] == 'A' ? 'B' : 'A';
  const std::string body = checkpoint_body(c);
  for (const std::string& sigs : {forged + good, good + forged}) {
    INFO(sigs);
    try {
      parse_and_verify_checkpoint(body + "\n" + sigs, key.public_key(), kName);
      FAIL("accepted a note with a forged line of the known key");
    } catch (const CheckpointError& e) {
      CHECK_THAT(e.what(), Catch::Contains("bad signature by key"));
      CHECK_THAT(e.what(), Catch::Contains("a note with one forged line of a key is refused whole"));
    }
  }
  CHECK(parse_and_verify_checkpoint(body + "\n" + good, key.public_key(), kName).size == 8);
  // The name on a line is outside the signature: a good line relabelled "alias" (its key ID recomputed for that
  // name) beside the forged one under the real name is refused too, under either name.
  std::string sig = base64_decode(good.substr(good.rfind(' ') + 1, good.size() - good.rfind(' ') - 2));
  const KeyId alias_id = key_id("alias", key.public_key());
  for (size_t i = 0; i < 4; ++i) sig[i] = static_cast<char>(alias_id[i]);
  const std::string relabelled = "\xE2\x80\x94 alias " + base64_encode(sig) + "\n";
  CHECK(parse_and_verify_checkpoint(body + "\n" + relabelled, key.public_key(), "alias").size == 8);
  for (const char* name : {"alias", kName.c_str()}) {
    INFO(name);
    CHECK_THROWS_WITH(parse_and_verify_checkpoint(body + "\n" + relabelled + forged, key.public_key(), name),
                      Catch::Contains("bad signature by key " + kName + "+"));
  }
}

TEST_CASE("Malformed notes are refused with a precise message", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  const PublicKey pub = key.public_key();
  const std::string note = sign_checkpoint(Checkpoint{kName, 8, kRoot8}, key, kName);
  const std::string body = note.substr(0, note.find("\n\n") + 1);
  const std::string sig_line = note.substr(note.find("\n\n") + 2);
  auto refused = [&](const std::string& bad, const std::string& why) {
    INFO(bad);
    CHECK_THROWS_WITH(parse_and_verify_checkpoint(bad, pub, kName), Catch::Contains(why));
  };
  refused(body, "no blank line");
  refused(body + "\n", "no signature lines");
  refused(note.substr(0, note.size() - 1), "does not end with a newline");
  refused(body + "\n" + replace_once(sig_line, "\xE2\x80\x94 ", "-- "), "em dash");
  refused(body + "\n" + replace_once(sig_line, "\xE2\x80\x94 ", "\xE2\x80\x94"), "em dash");
  refused(body + "\n" + sig_line + "\n", "no signature lines");  // a blank line after the signatures
  // A blank line among the signatures: the last blank line ends the text (as in Go), so the
  // first signature becomes part of the signed text, and the second no longer matches it.
  refused(body + "\n" + sig_line + "\n" + sig_line, "bad signature");
  refused(body + "\n" + replace_once(sig_line, " ", "  "), "signature line 1");
  refused(body + "\n" + sig_line.substr(0, sig_line.size() - 2) + "!\n", "signature line 1");
  refused(body + "\n" + "\xE2\x80\x94 " + kName + " AAAA\n", "too short");
  refused(replace_once(note, "8", "\x01"), "control character");
  refused(replace_once(note, "8", "\xFF"), "invalid UTF-8");
  refused("", "no blank line");
}

TEST_CASE("A validly signed body with a bad size or root encoding is refused", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  const std::string good_root = base64_encode(std::string(reinterpret_cast<const char*>(kRoot8.data()), 32));
  auto refused = [&](const std::string& body, const std::string& why) {
    INFO(body);
    CHECK_THROWS_WITH(parse_and_verify_checkpoint(sign_note(body, key, kName), key.public_key(), kName),
                      Catch::Contains(why));
  };
  CHECK(parse_and_verify_checkpoint(sign_note(kName + "\n8\n" + good_root + "\n", key, kName), key.public_key(), kName)
            .size == 8);
  refused(kName + "\n08\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n-8\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n+8\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n8 \n" + good_root + "\n", "bad tree size");
  refused(kName + "\n0x8\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n18446744073709551616\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n99999999999999999999\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n\n" + good_root + "\n", "bad tree size");
  refused(kName + "\n8\n" + good_root.substr(0, 40) + "\n", "bad root hash");
  refused(kName + "\n8\n" + base64_encode(std::string(31, 'a')) + "\n", "bad root hash");
  refused(kName + "\n8\n" + base64_encode(std::string(33, 'a')) + "\n", "bad root hash");
  refused(kName + "\n8\n" + to_hex(kRoot8) + "\n", "bad root hash");
  refused(kName + "\n8\n", "expected origin, size and root lines");
  refused(kName + "\n8\n" + good_root + "\n\next\n", "extension line 1 is empty");
  CHECK(parse_and_verify_checkpoint(sign_note(kName + "\n18446744073709551615\n" + good_root + "\n", key, kName),
                                    key.public_key(), kName)
            .size == UINT64_MAX);
}

TEST_CASE("Notes that cannot be signed are refused", "[ledger][checkpoint]") {
  const SigningKey key = SigningKey::generate();
  CHECK_THROWS_AS(sign_note("no newline", key, kName), CheckpointError);
  CHECK_THROWS_AS(sign_note("", key, kName), CheckpointError);
  CHECK_THROWS_AS(sign_note("tab\there\n", key, kName), CheckpointError);
  CHECK_THROWS_AS(sign_note("text\n", key, "bad name"), CheckpointError);
  CHECK_THROWS_AS(sign_checkpoint(Checkpoint{kName, 1, kRoot8}, key, "a+b"), CheckpointError);
}
