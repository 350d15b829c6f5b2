// Objection bundles through the real program (LEDGER.md "Bundles"): written from the ledger,
// checked offline by verify-bundle with nothing but the file and the signer's public key.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "ledger/record.h"
#include "ledger/signing.h"

using verdeel::testing::Cli;
using verdeel::testing::Outcome;
using verdeel::testing::slurp;
using Json = nlohmann::json;
using namespace verdeel;

namespace {

// One decided ledger and its bundles, shared by the sections of a test case.
struct Bundled {
  Cli c;
  std::string note;
  Bundled() {
    c.decided("zuid-synthetisch-2024", "Zuiderland");
    c.run({"key", "generate", "ministerie"});
    auto b = c.run({"bundle", "--cycle", "2024", "--province", "Zuiderland", "--out", "z.json", "--key", "ministerie.key"});
    if (b.status != 0) throw std::runtime_error(b.err);
    note = b.out;  // the signed checkpoint, to publish
  }
  Outcome check(const std::string& file) const {
    std::filesystem::remove(c.db);  // offline: no ledger at all
    return c.run({"verify-bundle", file, "--pubkey", "ministerie.pub"});
  }
  Json bundle() const { return Json::parse(slurp(c.dir / "z.json")); }
  void write(const Json& b) const { Cli::write(c.dir / "m.json", b.dump(2) + "\n"); }
};

size_t index_of(const Json& b, const std::string& kind, const std::string& subject = "") {
  for (size_t i = 0; i < b["records"].size(); ++i) {
    const Json r = Json::parse(b["records"][i]["data"].get<std::string>());
    if (r["kind"] == kind && (subject.empty() || r["subject"] == subject)) return i;
  }
  throw std::runtime_error("no " + kind);
}

bool has(const Outcome& o, const std::string& text) { return o.err.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("a bundle verifies offline: signature, every proof, the chain, the inputs and a replay", "[cli][bundle]") {
  Bundled t;
  Json b = t.bundle();
  CHECK(b["format"] == "verdeel-bundle/2");
  CHECK(b["province"] == "Zuiderland");
  CHECK(b["gemeente"].is_null());
  // input.set + its 129 inputs + the 200 records of the run
  CHECK(b["records"].size() == 330);
  CHECK(slurp(t.c.dir / "z.json") == b.dump(2) + "\n");
  CHECK(t.note == b["checkpoint"]["note"].get<std::string>());  // printed as `checkpoint` prints it
  auto o = t.check("z.json");
  INFO(o.out << o.err);
  CHECK(o.status == 0);
  CHECK(o.out.find("ok: 330 inclusion proofs") != std::string::npos);
  CHECK(o.out.find("signed by ministerie+") != std::string::npos);
  CHECK(o.out.find("replay identical: 199 records of run 1 (all after its decision.start)") != std::string::npos);
  CHECK(o.out.find("decided 9305 regulier + 864 amv") != std::string::npos);
}

TEST_CASE("a bundle for one municipality holds its records, the province's and every input, and replays",
          "[cli][bundle]") {
  Cli c;
  c.decided("zuid-synthetisch-2024", "Zuiderland");
  c.run({"key", "generate", "ministerie"});
  // Without --key the newest checkpoint must cover the records.
  auto none = c.run({"bundle", "--cycle", "2024", "--province", "Zuiderland", "Zuidermeer", "--out", "g.json"});
  CHECK(none.status == 2);
  CHECK(none.err.find("no checkpoint yet") != std::string::npos);
  REQUIRE(c.run({"checkpoint", "--key", "ministerie.key"}).status == 0);
  auto b = c.run({"bundle", "--cycle", "2024", "--province", "Zuiderland", "Zuidermeer", "--out", "g.json"});
  INFO(b.err);
  REQUIRE(b.status == 0);
  Json g = Json::parse(slurp(c.dir / "g.json"));
  CHECK(g["gemeente"] == "GM9036");
  CHECK(g["records"].size() < 330);
  for (const auto& r : g["records"]) {
    Json rec = Json::parse(r["data"].get<std::string>());
    if (rec["kind"].get<std::string>().rfind("input", 0) == 0) continue;
    CHECK((rec["subject"] == "" || rec["subject"] == "GM9036"));
  }
  auto o = c.run({"verify-bundle", "g.json", "--pubkey", "ministerie.pub"});
  INFO(o.out << o.err);
  CHECK(o.status == 0);
  CHECK(o.out.find("about GM9036 and the province) equal the decision recomputed") != std::string::npos);
  CHECK(o.out.find("verified: GM9036 Zuidermeer: 900 regulier + 90 amv") != std::string::npos);
}

TEST_CASE("a mutated bundle is refused with a message that says what", "[cli][bundle]") {
  Bundled t;
  Json b = t.bundle();
  const size_t res = index_of(b, "result.gemeente", "GM9036");
  Json& rec = b["records"][res];
  const std::string seq = std::to_string(rec["seq"].get<int64_t>());

  SECTION("a figure inside a result body: the bytes no longer hash to the stated hash") {
    std::string data = rec["data"];
    data.replace(data.find("\"regulier\":900"), 14, "\"regulier\":901");
    rec["data"] = data;
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "m.json: record " + seq + ": its bytes hash to"));
    CHECK(has(o, "(the record was altered)"));
  }
  SECTION("the same figure with its hash recomputed: the inclusion proof fails") {
    std::string data = rec["data"];
    data.replace(data.find("\"regulier\":900"), 14, "\"regulier\":901");
    rec["data"] = data;
    rec["hash"] = to_hex(ledger::leaf_hash(data));
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "record " + seq + " (result.gemeente GM9036): the inclusion proof does not lead to the checkpoint root"));
  }
  SECTION("a proof hash") {
    std::string h = rec["proof"][2];
    h[5] = h[5] == 'a' ? 'b' : 'a';
    rec["proof"][2] = h;
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "record " + seq + " (result.gemeente GM9036): the inclusion proof does not lead"));
  }
  SECTION("the signature") {
    std::string note = b["checkpoint"]["note"];
    const size_t sig = note.rfind(' ') + 10;
    note[sig] = note[sig] == 'A' ? 'B' : 'A';
    b["checkpoint"]["note"] = note;
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "the checkpoint note: checkpoint: bad signature by key ministerie+"));
  }
  SECTION("the signed root, in the note") {
    std::string note = b["checkpoint"]["note"];
    const size_t root = note.find('\n', note.find('\n') + 1) + 3;
    note[root] = note[root] == 'A' ? 'B' : 'A';
    b["checkpoint"]["note"] = note;
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "the checkpoint note: checkpoint: bad signature"));
  }
  SECTION("the root beside the note") {
    std::string root = b["checkpoint"]["root"];
    root[0] = root[0] == 'a' ? 'b' : 'a';
    b["checkpoint"]["root"] = root;
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "the checkpoint's \"root\" " + root + " is not the signed root"));
  }
  SECTION("the municipality named beside the records, which no signature covers, is still checked") {
    b["gemeente"] = "GM9001";
    t.write(b);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "the bundle says it is about \"GM9001\", but it holds the whole run"));
  }
  SECTION("not JSON") {
    std::string text = slurp(t.c.dir / "z.json");
    Cli::write(t.c.dir / "m.json", text.substr(0, 40));
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "verify-bundle: m.json: not valid JSON at line "));
    CHECK(!has(o, "json.exception"));
    Cli::write(t.c.dir / "m.json", "{\"a\": 1e500}\n");
    auto big = t.check("m.json");
    CHECK(big.status == 1);
    CHECK(has(big, "verify-bundle: m.json: not JSON verdeel writes: number overflow parsing '1e500'"));
  }
  SECTION("spacing, line ends and escapes are no part of what is verified") {
    // A copy saved on another system, or written again by another JSON library, still verifies.
    const std::string text = slurp(t.c.dir / "z.json");
    std::string spaced = text;
    spaced.replace(spaced.find("  \"format\""), 2, " \t");
    std::string crlf;
    for (char ch : text) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    const std::string compact = Json::parse(text).dump();  // one line, no final line end
    std::string escaped = text;
    escaped.replace(escaped.find("\"format\""), 8, "\"\\u0066ormat\"");
    for (const std::string& copy : {spaced, crlf, compact, escaped}) {
      Cli::write(t.c.dir / "m.json", copy);
      auto o = t.check("m.json");
      INFO(o.out << o.err);
      CHECK(o.status == 0);
      CHECK_THAT(o.out, Catch::Contains("note: the file's layout (spacing, line ends, escapes) differs from the bundle "
                                        "as verdeel writes it; its content is what was verified"));
      CHECK_THAT(o.out, Catch::Contains("verified: Zuiderland 2024 run 1"));
    }
    CHECK_THAT(t.check("z.json").out, !Catch::Contains("note: the file's layout"));
  }
  SECTION("a key twice in one object") {
    std::string text = slurp(t.c.dir / "z.json");
    text.replace(text.find("  \"format\""), 0, "  \"format\": \"verdeel-bundle/1\",\n");
    Cli::write(t.c.dir / "m.json", text);
    auto o = t.check("m.json");
    CHECK(o.status == 1);
    CHECK(has(o, "the key \"format\" appears twice in one object"));
  }
  SECTION("a key that did not sign it") {
    t.c.run({"key", "generate", "ander"});
    std::filesystem::remove(t.c.db);
    auto o = t.c.run({"verify-bundle", "z.json", "--pubkey", "ander.pub"});
    CHECK(o.status == 1);
    CHECK(has(o, "the checkpoint names signer key \"ministerie+"));
    CHECK(has(o, "a different public key, so not the key that signed it"));
  }
}

TEST_CASE("the signer's public key is found in a renamed file, and a private key is refused as one",
          "[cli][bundle]") {
  Bundled t;
  std::filesystem::remove(t.c.db);
  std::filesystem::copy_file(t.c.dir / "ministerie.pub", t.c.dir / "ministerie-asiel.pub");
  SECTION("a renamed file: checked under the checkpoint's name, with a note") {
    auto o = t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie-asiel.pub"});
    INFO(o.out << o.err);
    CHECK(o.status == 0);
    CHECK(has(o, "'ministerie-asiel.pub' holds the signer's public key; the checkpoint calls it \"ministerie\""));
    CHECK(o.out.find("signed by the key in 'ministerie-asiel.pub', which the checkpoint calls ministerie+") !=
          std::string::npos);
  }
  SECTION("--key-name that is not the checkpoint's") {
    auto o = t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie-asiel.pub", "--key-name", "asiel"});
    CHECK(o.status == 1);
    CHECK(has(o, "the checkpoint calls its signer \"ministerie\", but the key given is named \"asiel\""));
    CHECK(!has(o, "give --key-name"));
    CHECK(t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie-asiel.pub", "--key-name", "ministerie"}).status == 0);
  }
  SECTION("a checkpoint relabelled by whoever passed the bundle on: checked, but never shown under that label") {
    // The name on a signed note's signature line is outside what is signed: rename it, with a key ID
    // that matches the new name, as an editor of the bundle could.
    Json b = t.bundle();
    const auto signer = ledger::parse_verifier_key(b["checkpoint"]["key"].get<std::string>());
    std::string note = b["checkpoint"]["note"].get<std::string>();
    const std::string line = "\xE2\x80\x94 ministerie ";
    const auto at = note.find(line);
    REQUIRE(at != std::string::npos);
    const std::string sig = ledger::base64_decode(note.substr(at + line.size(), note.size() - 1 - at - line.size()));
    const ledger::KeyId id = ledger::key_id("Rechtbank", signer.key);
    const std::string relabelled = std::string(id.begin(), id.end()) + sig.substr(4);
    note = note.substr(0, at) + "\xE2\x80\x94 Rechtbank " + ledger::base64_encode(relabelled) + "\n";
    b["checkpoint"]["note"] = note;
    b["checkpoint"]["key"] = ledger::verifier_key("Rechtbank", signer.key);
    t.write(b);
    auto o = t.c.run({"verify-bundle", "m.json", "--pubkey", "ministerie-asiel.pub"});
    INFO(o.out << o.err);
    CHECK(o.status == 0);  // the signature is the key's: the text was not changed
    CHECK(o.out.find("signed by the key in 'ministerie-asiel.pub', which the checkpoint calls Rechtbank+") !=
          std::string::npos);
    CHECK(o.out.find("signed by Rechtbank") == std::string::npos);
    // Given by its name, the key is not taken under another: the name is the verifier's.
    auto named = t.c.run({"verify-bundle", "m.json", "--pubkey", "ministerie.pub", "--key-name", "ministerie"});
    CHECK(named.status == 1);
    CHECK(has(named, "the checkpoint calls its signer \"Rechtbank\", but the key given is named \"ministerie\""));
    auto line_given = t.c.run({"verify-bundle", "m.json", "--pubkey", ledger::verifier_key("ministerie", signer.key)});
    CHECK(line_given.status == 1);
  }
  SECTION("a private key given as the public key") {
    auto o = t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie.key"});
    CHECK(o.status == 2);
    CHECK(has(o, "'ministerie.key' is a private key; checking a signature needs the public key (NAME.pub)"));
    CHECK(!has(o, "DECODER"));
  }
}

TEST_CASE("every one-byte change of a bundle is refused", "[cli][bundle]") {
  // A smaller bundle (Drenthe), changed at a spread of positions covering every part of the file.
  Cli c;
  c.decided("drenthe-2024", "Drenthe");
  c.run({"key", "generate", "k"});
  REQUIRE(c.run({"bundle", "--cycle", "2024", "--province", "Drenthe", "--out", "d.json", "--key", "k.key"}).status == 0);
  std::filesystem::remove(c.db);
  const std::string text = slurp(c.dir / "d.json");
  REQUIRE(c.run({"verify-bundle", "d.json", "--pubkey", "k.pub"}).status == 0);
  int refused = 0, tried = 0;
  for (size_t at = 0; at < text.size(); at += text.size() / 97 + 1) {
    std::string m = text;
    m[at] = m[at] == '~' ? '}' : static_cast<char>(m[at] + 1);
    Cli::write(c.dir / "m.json", m);
    auto o = c.run({"verify-bundle", "m.json", "--pubkey", "k.pub"});
    ++tried;
    INFO("byte " << at << ": " << o.err);
    CHECK(o.status == 1);
    CHECK(o.err.rfind("verify-bundle: m.json: ", 0) == 0);
    refused += o.status == 1;
  }
  CHECK(refused == tried);
  CHECK(tried >= 90);
}

TEST_CASE("a bundle of a superseded run names the later runs in the signed ledger, and verify-bundle says so last",
          "[cli][bundle]") {
  Cli c;
  c.decided("zuid-synthetisch-2024", "Zuiderland");
  REQUIRE(c.run({"decide", "--cycle", "2024", "--province", "Zuiderland", "--again"}).status == 0);
  c.run({"key", "generate", "k"});
  auto made = c.run({"bundle", "--cycle", "2024", "--province", "Zuiderland", "--run", "1", "Maasveldt", "--out",
                     "old.json", "--key", "k.key"});
  REQUIRE(made.status == 0);
  CHECK(made.err.find("note: run 1 of Zuiderland 2024 is not the latest: run 2 (records 331..530) came after it") !=
        std::string::npos);
  REQUIRE(c.run({"bundle", "--cycle", "2024", "--province", "Zuiderland", "--out", "new.json"}).status == 0);
  std::filesystem::remove(c.db);

  auto o = c.run({"verify-bundle", "old.json", "--pubkey", "k.pub"});
  INFO(o.out << o.err);
  CHECK(o.status == 0);
  CHECK(o.out.find("ok: a later run is in the signed ledger: Zuiderland 2024 run 2, records 331..530") != std::string::npos);
  const std::string last = o.out.substr(o.out.rfind('\n', o.out.size() - 2) + 1);
  CHECK(last.rfind("SUPERSEDED: run 1 is not the latest decision of Zuiderland 2024 in the signed ledger; the latest "
                   "run this bundle names is run 2 (records 331..530) decided ", 0) == 0);
  CHECK(last.find("ask for its bundle for GM9023") != std::string::npos);
  CHECK(last.find(" on the same input set;") != std::string::npos);  // decided again with --again, not corrected

  auto n = c.run({"verify-bundle", "new.json", "--pubkey", "k.pub"});
  CHECK(n.status == 0);
  CHECK(n.out.find("ok: the bundle names no later run of Zuiderland 2024 (a bundle cannot prove") != std::string::npos);
  CHECK(n.out.find("SUPERSEDED") == std::string::npos);

  // For a script: --fail-if-superseded makes the superseded run exit 1, after saying all of the above.
  auto strict = c.run({"verify-bundle", "old.json", "--pubkey", "k.pub", "--fail-if-superseded"});
  CHECK(strict.status == 1);
  CHECK(strict.out.find("SUPERSEDED: run 1 is not the latest decision") != std::string::npos);
  CHECK(strict.err.find("the bundle verifies, but its run 1 is superseded by run 2 (--fail-if-superseded)") !=
        std::string::npos);
  CHECK(c.run({"verify-bundle", "new.json", "--pubkey", "k.pub", "--fail-if-superseded"}).status == 0);

  const Json old = Json::parse(slurp(c.dir / "old.json"));
  REQUIRE(old["later_runs"].size() == 2);
  auto refused = [&](Json b, const std::string& why) {
    Cli::write(c.dir / "m.json", b.dump(2) + "\n");
    auto m = c.run({"verify-bundle", "m.json", "--pubkey", "k.pub"});
    INFO(m.out << m.err);
    CHECK(m.status == 1);
    CHECK(m.err.find(why) != std::string::npos);
  };
  SECTION("a later run's record altered") {
    Json b = old;
    std::string data = b["later_runs"][1]["data"].get<std::string>();
    data.replace(data.find("\"besluit\""), 9, "\"besluiT\"");
    b["later_runs"][1]["data"] = data;
    refused(b, "record 530: its bytes hash to");
  }
  SECTION("half a run") {
    Json b = old;
    b["later_runs"].erase(1);
    refused(b, "\"later_runs\" holds 1 records, not pairs of a run's first and last");
  }
  SECTION("the bundle's own run named as a later one") {
    Json b = old;
    size_t start = 0, result = 0;
    for (size_t i = 0; i < b["records"].size(); ++i) {
      const Json r = Json::parse(b["records"][i]["data"].get<std::string>());
      if (r["kind"] == "decision.start") start = i;
      if (r["kind"] == "result.decision") result = i;
    }
    b["later_runs"] = Json::array({b["records"][start], b["records"][result]});
    refused(b, " (decision.start), run 1, does not come after run 1, which ends at record 330");
  }
  SECTION("later_runs left out of a bundle whose format has it") {
    Json b = old;
    b.erase("later_runs");
    refused(b, "the bundle has no \"later_runs\", which its format verdeel-bundle/2 has");
  }
  SECTION("the format of before later_runs, without them: read, and nothing said of later runs") {
    Json b = old;
    b.erase("later_runs");
    b["format"] = "verdeel-bundle/1";
    Cli::write(c.dir / "m.json", b.dump(2) + "\n");
    auto m = c.run({"verify-bundle", "m.json", "--pubkey", "k.pub"});
    CHECK(m.status == 0);
    CHECK(m.out.find("note: the bundle does not say whether Zuiderland 2024 was decided again after run 1 (its "
                     "format, verdeel-bundle/1, names no later runs)") != std::string::npos);
    CHECK(m.out.find("SUPERSEDED") == std::string::npos);
  }
}

TEST_CASE("verify-bundle --explain explains a municipality offline, as explain does from the ledger", "[cli][bundle]") {
  Bundled t;
  std::map<std::string, std::string> from_ledger;
  for (const char* lang : {"nl", "en"})
    from_ledger[lang] = t.c.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "Steenwaard", "--lang", lang}).out;
  from_ledger["json"] = t.c.run({"explain", "--cycle", "2024", "--province", "Zuiderland", "GM9031", "--format", "json"}).out;
  REQUIRE(t.c.run({"bundle", "--cycle", "2024", "--province", "Zuiderland", "Steenwaard", "--out", "s.json"}).status == 0);
  std::filesystem::remove(t.c.db);

  for (const char* lang : {"nl", "en"}) {
    auto o = t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie.pub", "--explain", "steenwaard", "--lang", lang});
    INFO(o.err);
    CHECK(o.status == 0);
    CHECK(o.out == from_ledger[lang]);
    CHECK_THAT(o.err, Catch::Contains("verified: Zuiderland 2024 run 1"));  // what was verified, on stderr
  }
  auto j = t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie.pub", "--explain", "GM9031", "--format", "json"});
  CHECK(j.status == 0);
  CHECK(j.out == from_ledger["json"]);

  auto part = t.c.run({"verify-bundle", "s.json", "--pubkey", "ministerie.pub", "--explain", "Steenwaard"});
  CHECK(part.status == 2);
  CHECK_THAT(part.err, Catch::Contains("--explain needs the bundle of the whole province"));
  // A whole bundle claiming to be a part one is a failed check, found before anything is explained.
  Json claimed = t.bundle();
  claimed["gemeente"] = "GM9031";
  t.write(claimed);
  auto tampered = t.c.run({"verify-bundle", "m.json", "--pubkey", "ministerie.pub", "--explain", "Steenwaard"});
  CHECK(tampered.status == 1);
  CHECK(tampered.out.empty());
  CHECK(t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie.pub", "--lang", "en"}).status == 2);  // needs --explain
  auto unknown = t.c.run({"verify-bundle", "z.json", "--pubkey", "ministerie.pub", "--explain", "Atlantis"});
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("--explain Atlantis: not a municipality of Zuiderland 2024 in the bundle"));
  CHECK(unknown.out.empty());
}
