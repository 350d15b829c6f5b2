// verdeel verify-bundle FILE --pubkey FILE [--key-name N]: checks an objection bundle
// (cli/bundle_format.h) offline, with no ledger database: the checkpoint's signature by the given
// key, every record's bytes against its hash, every inclusion proof against the signed root
// (ledger/merkle_verify.h), the chain links between consecutive records, that the bundle holds
// the run's input set and every input it lists, and then recomputes the decision from those
// inputs (decision::replay) and compares it with the recorded steps and results. Prints what it
// verified (exit 0); the first thing that fails, precisely, with exit 1.
//
// What this proves: these records are in the ledger the signer checkpointed, exactly as recorded,
// and the decision follows from its recorded inputs under this program's method. It does not
// prove the inputs are true, nor that the signer's key was not misused: that trust is in the key.
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "cli/bundle_check.h"
#include "cli/bundle_format.h"
#include "cli/context.h"
#include "cli/keys.h"
#include "cli/read_file.h"
#include "cli/runs.h"
#include "decision/replay.h"
#include "ledger/checkpoint.h"
#include "ledger/record.h"
#include "report/explain.h"
#include "util/json_error.h"
#include "version.h"

namespace verdeel::cli {

namespace {
using namespace bundle_check;

struct VerifyBundleOptions {
  std::string file, pubkey, key_name;
  std::string explain;  // a municipality: explain its numbers after verifying
  std::string format = "text", lang = "nl";
  bool fail_if_superseded = false;  // exit 1 when the bundle names a later run (for scripts)
};

// The key to check the checkpoint's signature with, and how to name it in the output. A signed
// note's signature covers its text only: the name on its signature line (and the bundle's
// "checkpoint.key") is a label anyone passing the bundle on can change. So the name printed is
// the one the verifier gave, never the bundle's alone. One relaxation: a PEM file names its key
// only by the file's name, and the signer's public key in a file renamed (ministerie-asiel.pub for
// ministerie.pub) is still the signer's key: it is checked under the checkpoint's name (the key ID
// binds name and key) and shown as the key in that file. A name given with --key-name, or by a
// verifier key line, must be the checkpoint's.
struct SignerKey {
  ledger::VerifierKey key;
  std::string shown;
};

SignerKey signer_key(const std::string& named, const ledger::VerifierKey& given, const VerifyBundleOptions& opt,
                     const Fail& fail) {
  const std::string given_line = ledger::verifier_key(given.name, given.key);
  const std::string shown = given.name + "+" + ledger::key_id_hex(given.id);
  if (named == given_line) return SignerKey{given, shown};
  std::optional<ledger::VerifierKey> signer;
  try {
    signer = ledger::parse_verifier_key(named);
  } catch (const std::invalid_argument& e) {
    fail(std::string("the checkpoint's signer key is not a verifier key: ") + e.what());
  }
  if (!(signer->key == given.key))
    fail("the checkpoint names signer key \"" + named + "\", but --pubkey is \"" + given_line +
         "\": a different public key, so not the key that signed it");
  if (!key_named_by_file(opt.pubkey, opt.key_name))
    fail("the checkpoint calls its signer \"" + signer->name + "\", but the key given is named \"" + given.name +
         "\" (by --key-name or its verifier key line). The public key is the same, but a signer's name is not part "
         "of what is signed, so it is not taken from the bundle: give the name the signer published");
  std::cerr << "verify-bundle: note: '" << opt.pubkey << "' holds the signer's public key; the checkpoint calls it \""
            << signer->name << "\", the file's name \"" << given.name << "\"\n";
  // Shown with the checkpoint's name and key ID, which are what its signer published: the key ID
  // hashes the name, so under the file's name the same key has another.
  return SignerKey{*signer, "the key in '" + opt.pubkey + "', which the checkpoint calls " + signer->name + "+" +
                                ledger::key_id_hex(signer->id)};
}

std::string decided(const ledger::Record& result) {
  const Json& besluit = result.body.value("besluit", Json::object());
  return besluit.value("regulier", Json()).dump() + " regulier + " + besluit.value("amv", Json()).dump() + " amv places";
}

// --explain: the explanation `verdeel explain` gives, from the bundle's own records, once the bundle
// is verified (a whole province's bundle: the rounding and the exchange groups cite the records of
// other municipalities too).
void explain_from_bundle(const VerifyBundleOptions& opt, const decision::Run& run, const ledger::Record& set,
                         const std::map<std::string, const ledger::Record*>& by_hash,
                         const std::vector<ledger::Record>& recs) {
  const std::string code = gemeente_among(recs, opt.explain);
  if (code.empty())
    throw UsageError("verify-bundle: " + opt.file + ": --explain " + opt.explain + ": not a municipality of " +
                     run.province + " " + run.cycle + " in the bundle (give the CBS code or the name of one of its municipalities)");
  std::vector<decision::RecordedStep> inputs{to_step(set)};
  for (const auto& h : set.body.at("records")) inputs.push_back(to_step(*by_hash.at(h.get<std::string>())));
  const report::Explanation e = report::explain(run, inputs, code);
  if (opt.format == "json")
    std::cout << report::explain_json(e).dump(2) << "\n";
  else
    std::cout << report::explain_text(e, opt.lang == "en" ? report::Lang::en : report::Lang::nl);
}

void verify_bundle(const VerifyBundleOptions& opt) {
  // With --explain the explanation is the output; what was verified goes to standard error.
  std::ostream& out = opt.explain.empty() ? std::cout : std::cerr;
  const ledger::VerifierKey given_key = load_verifier(opt.pubkey, opt.key_name);
  const std::string text = read_whole_file(opt.file, "bundle");
  const Fail fail{opt.file};
  using T = Json::value_t;

  Json b;
  try {
    // A key twice in one object would be read as its last value here and perhaps as its first
    // elsewhere: refused, so that what is verified is all the file says.
    std::vector<std::set<std::string>> keys;  // of each object open at this point
    std::string twice;
    b = Json::parse(text, [&](int, Json::parse_event_t event, Json& parsed) {
      if (event == Json::parse_event_t::object_start) keys.emplace_back();
      if (event == Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
      if (event == Json::parse_event_t::key && !keys.empty() && !keys.back().insert(parsed.get<std::string>()).second &&
          twice.empty())
        twice = parsed.get<std::string>();
      return true;
    });
    if (!twice.empty()) fail("the key \"" + twice + "\" appears twice in one object; a bundle names each once");
  } catch (const Json::parse_error& e) {
    fail("not valid JSON at " + json_parse_problem(e));
  } catch (const Json::exception& e) {  // a number beyond what a double holds, say
    fail(std::string("not JSON verdeel writes: ") + json_problem(e));
  }
  if (!b.is_object()) fail("not a bundle (not a JSON object)");
  const std::string format = field(b, "format", T::string, "the bundle", fail).get<std::string>();
  if (format != kBundleFormat && format != kBundleFormatBefore)
    fail("format \"" + format + "\" is not " + kBundleFormat + " (nor " + kBundleFormatBefore + ")");
  const bool names_later_runs = format == kBundleFormat;
  if (names_later_runs != b.contains("later_runs"))
    fail(names_later_runs ? std::string("the bundle has no \"later_runs\", which its format ") + kBundleFormat + " has"
                          : std::string("unknown field \"later_runs\" in a ") + kBundleFormatBefore);
  for (const auto& [k, v] : b.items())
    if (k != "format" && k != "ledger" && k != "cycle" && k != "province" && k != "run" && k != "gemeente" &&
        k != "checkpoint" && k != "records" && k != "later_runs")
      fail("unknown field \"" + k + "\"");

  // The checkpoint: signed by the key given from outside, for the ledger the bundle names.
  const Json& c = field(b, "checkpoint", T::object, "the bundle", fail);
  for (const auto& [k, v] : c.items())
    if (k != "note" && k != "key" && k != "size" && k != "root") fail("unknown checkpoint field \"" + k + "\"");
  const SignerKey signer = signer_key(field(c, "key", T::string, "the checkpoint", fail).get<std::string>(),
                                      given_key, opt, fail);
  const ledger::VerifierKey& key = signer.key;
  ledger::Checkpoint cp;
  try {
    cp = ledger::parse_and_verify_checkpoint(field(c, "note", T::string, "the checkpoint", fail).get<std::string>(), key);
  } catch (const ledger::CheckpointError& e) {
    fail(std::string("the checkpoint note: ") + e.what());
  }
  if (field(c, "size", T::number_unsigned, "the checkpoint", fail).get<uint64_t>() != cp.size)
    fail("the checkpoint's \"size\" " + c["size"].dump() + " is not the signed size " + std::to_string(cp.size));
  if (strict_hash(field(c, "root", T::string, "the checkpoint", fail).get<std::string>(), "the checkpoint's \"root\"", fail) != cp.root)
    fail("the checkpoint's \"root\" " + c["root"].get<std::string>() + " is not the signed root " + to_hex(cp.root));
  const std::string ledger_id = field(b, "ledger", T::string, "the bundle", fail).get<std::string>();
  if (cp.origin != ledger::ledger_origin(ledger_id))
    fail("the checkpoint is of '" + cp.origin + "', not of ledger " + ledger_id + " the bundle names");

  // Every record: bytes -> hash -> inclusion proof against the signed root; decodes; chains.
  const Json& list = field(b, "records", T::array, "the bundle", fail);
  if (list.empty()) fail("the bundle holds no records");
  std::vector<ledger::Record> recs;
  size_t proof_hashes = 0, links = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    ledger::Record rec = proved_entry(list[i], "records[" + std::to_string(i) + "]", cp, fail, proof_hashes);
    if (!recs.empty()) {
      if (rec.seq <= recs.back().seq) fail(rec.label() + ": records are not in increasing seq order");
      if (rec.seq == recs.back().seq + 1) {
        if (rec.prev != recs.back().hash)
          fail(rec.label() + ": prev does not match the hash of record " + std::to_string(recs.back().seq));
        ++links;
      }
    }
    recs.push_back(std::move(rec));
  }
  // The runs after this one that the bundle names: proved as the records are, checked below.
  std::vector<ledger::Record> later_recs;
  if (names_later_runs) {
    const Json& later_list = field(b, "later_runs", T::array, "the bundle", fail);
    for (size_t i = 0; i < later_list.size(); ++i)
      later_recs.push_back(proved_entry(later_list[i], "later_runs[" + std::to_string(i) + "]", cp, fail, proof_hashes));
  }
  out << "ok: checkpoint of ledger " << ledger_id << " signed by " << signer.shown << ": " << cp.size
      << " records, root " << to_hex(cp.root) << "\n"
      << "ok: " << recs.size() << " records"
      << (later_recs.empty() ? std::string() : " and " + std::to_string(later_recs.size()) + " of later runs")
      << ": their bytes hash to their stated hashes and decode as records\n"
      << "ok: " << recs.size() + later_recs.size() << " inclusion proofs (" << proof_hashes
      << " hashes) lead to the signed root\n"
      << "ok: " << links << " chain links between consecutive records\n";

  // The decision run and its inputs, as the bundle claims them.
  std::map<std::string, const ledger::Record*> by_hash;
  for (const auto& r : recs) by_hash[to_hex(r.hash)] = &r;
  const std::string cycle = field(b, "cycle", T::string, "the bundle", fail).get<std::string>();
  const std::string province = field(b, "province", T::string, "the bundle", fail).get<std::string>();
  const ledger::Record* start = nullptr;
  const ledger::Record* result = nullptr;
  for (const auto& r : recs) {
    if (r.kind == "decision.start") {
      if (start) fail(r.label() + ": a second decision.start (a bundle holds one run)");
      start = &r;
    }
    if (r.kind == "result.decision") {
      if (result) fail(r.label() + ": a second result.decision (a bundle holds one run)");
      result = &r;
    }
  }
  if (!start || !result) fail("the bundle lacks the run's decision.start or result.decision record");
  if (start->cycle != cycle || start->province != province)
    fail(start->label() + " is of " + start->province + " " + start->cycle + ", not of the bundle's " + province + " " + cycle);
  if (!result->body.is_object() || result->body.value("start", int64_t{-1}) != start->seq)
    fail(result->label() + " does not close the run that starts at record " + std::to_string(start->seq));
  if (!start->body.is_object() || !start->body.contains("run") || field(b, "run", T::number_integer, "the bundle", fail) != start->body["run"])
    fail("the bundle's \"run\" " + b["run"].dump() + " is not the run number of " + start->label());
  const std::optional<std::vector<LaterRun>> later =
      names_later_runs ? std::optional(later_runs(later_recs, cycle, province, *start, *result, fail)) : std::nullopt;
  if (!later)
    out << "note: the bundle does not say whether " << province << " " << cycle << " was decided again after run "
        << start->body["run"].dump() << " (its format, " << kBundleFormatBefore << ", names no later runs)\n";
  else if (later->empty())
    out << "ok: the bundle names no later run of " << province << " " << cycle << " (a bundle cannot prove "
        << "that there is none: the ledger, or a bundle of a later run, can show one)\n";
  else
    for (const LaterRun& l : *later)
      out << "ok: a later run is in the signed ledger: " << province << " " << cycle << " run " << l.number
          << ", records " << l.start->seq << ".." << l.result->seq << ", decided " << decided(*l.result) << "\n";
  const std::string set_hash = start->body.value("input_set", std::string());
  auto set_it = by_hash.find(set_hash);
  if (set_it == by_hash.end()) fail("the input set " + set_hash + " of the run is not in the bundle");
  const ledger::Record& set = *set_it->second;
  if (set.kind != "input.set" || set.cycle != cycle || set.province != province)
    fail(set.label() + " is not the input set of " + province + " " + cycle);
  std::vector<decision::InputRef> inputs;
  std::set<int64_t> expected{set.seq};
  if (!set.body.contains("records") || !set.body["records"].is_array()) fail(set.label() + " lists no records");
  for (const auto& h : set.body["records"]) {
    auto it = h.is_string() ? by_hash.find(h.get<std::string>()) : by_hash.end();
    if (it == by_hash.end()) fail(set.label() + " lists input " + h.dump() + ", which is not in the bundle");
    inputs.push_back(to_input(*it->second));
    expected.insert(it->second->seq);
  }
  decision::Run run;
  run.cycle = cycle;
  run.province = province;
  run.number = start->body["run"].is_number_integer() ? start->body["run"].get<int64_t>() : 0;
  std::set<std::string> subjects;
  for (const auto& r : recs) {
    if (r.seq < start->seq || r.seq > result->seq) continue;
    if (r.cycle != cycle || r.province != province) fail(r.label() + " is not of " + province + " " + cycle);
    run.records.push_back(to_step(r));
    expected.insert(r.seq);
    if (!r.subject.empty()) subjects.insert(r.subject);
  }
  for (const auto& r : recs)
    if (!expected.count(r.seq)) fail(r.label() + " is neither an input of the run nor one of its records");
  out << "ok: " << set.label() << " lists " << inputs.size() << " input records, all in the bundle\n";

  // Replay from the bundle's own inputs.
  const size_t span = static_cast<size_t>(result->seq - start->seq + 1);
  const bool whole = run.records.size() == span;
  const Json& gem = b.contains("gemeente") ? b["gemeente"] : Json();
  if (!b.contains("gemeente")) fail("the bundle has no \"gemeente\"");
  if (whole && !gem.is_null()) fail("the bundle says it is about " + gem.dump() + ", but it holds the whole run");
  std::string code;
  if (!whole) {
    if (!gem.is_string()) fail("the bundle holds part of the run, but names no \"gemeente\"");
    code = gem.get<std::string>();
    if (subjects != std::set<std::string>{code})
      fail("the bundle is about \"" + code + "\", but its run records are about " +
           (subjects.empty() ? std::string("no municipality")
                             : subjects.size() == 1 && !subjects.count(code) ? "another municipality, " + *subjects.begin()
                                                                              : std::to_string(subjects.size()) + " municipalities"));
  }
  decision::ReplayResult rr = decision::replay(run, inputs);
  if (!rr.error.empty()) fail("replay: " + rr.error);
  if (whole) {
    if (!rr.identical) {
      const auto& d = *rr.first_difference;
      fail("replay differs at " + (d.seq >= 0 ? "record " + std::to_string(d.seq) : std::string("a missing record")) +
           " (" + d.kind + (d.subject.empty() ? "" : " " + d.subject) + "): recorded " + d.recorded +
           ", recomputed " + d.recomputed);
    }
    out << "replay identical: " << rr.compared << " records of run " << run.number
        << " (all after its decision.start) recomputed from the "
        << inputs.size() << " inputs in the bundle (recorded by " << rr.recorded_engine << ", replayed by verdeel "
        << VERDEEL_VERSION << ")\n";
  } else {
    // Part of the run: every recomputed record about the province or the municipality must be in
    // the bundle, at its place in the run, byte for byte; nothing else may be.
    auto steps = decision::decision_records(*rr.decision, inputs, set_hash);
    if (!steps.empty() && steps.back().kind == "result.decision") steps.back().body("start", start->seq);
    if (steps.size() + 1 != span) fail("replay: the run recomputes to " + std::to_string(steps.size() + 1) +
                                       " records, but the recorded run spans " + std::to_string(span));
    std::map<int64_t, const decision::RecordedStep*> present;
    for (const auto& s : run.records) present[s.seq] = &s;
    size_t compared = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
      const int64_t seq = start->seq + 1 + static_cast<int64_t>(i);
      const auto& now = steps[i];
      auto it = present.find(seq);
      const bool wanted = now.subject.empty() || now.subject == code;
      if (it == present.end()) {
        if (wanted) fail("record " + std::to_string(seq) + " (" + now.kind + (now.subject.empty() ? "" : " " + now.subject) +
                         ") of the run is missing from the bundle");
        continue;
      }
      const auto& rec = *it->second;
      const std::string recomputed = now.body.str();
      if (rec.kind != now.kind || rec.subject != now.subject || canonical(rec.body) != recomputed)
        fail("replay differs at record " + std::to_string(seq) + " (" + rec.kind + (rec.subject.empty() ? "" : " " + rec.subject) +
             "): recorded " + rec.kind + " " + rec.subject + " " + canonical(rec.body) + ", recomputed " + now.kind + " " +
             now.subject + " " + recomputed);
      ++compared;
    }
    out << "replay identical: the " << compared << " records of run " << run.number << " in the bundle (about "
        << code << " and the province) equal the decision recomputed from the " << inputs.size()
        << " inputs (recorded by " << rr.recorded_engine << ", replayed by verdeel " << VERDEEL_VERSION << ")\n";
  }

  // The layout is no part of what is verified: every record is checked by its hash and every
  // proof against the signed checkpoint, whatever the spacing, line ends or escapes of the file (a
  // copy sent by e-mail, opened and saved on another system). Said, so that nobody takes the bytes
  // of the file for what was signed.
  if (text != b.dump(2) + "\n")
    out << "note: the file's layout (spacing, line ends, escapes) differs from the bundle as verdeel writes it; "
           "its content is what was verified\n";

  out << "verified: " << province << " " << cycle << " run " << run.number << ": decided " << decided(*result)
      << "; " << result->label() << "\n";
  if (!code.empty())
    for (const auto& r : recs)
      if (r.kind == "result.gemeente" && r.subject == code) {
        const Json& g = r.body.value("besluit", Json::object());
        out << "verified: " << code << " " << r.body.value("naam", std::string()) << ": "
            << g.value("regulier", Json()).dump() << " regulier + " << g.value("amv", Json()).dump() << " amv; "
            << r.label() << "\n";
      }
  if (later && !later->empty()) {  // last, where it is read: this run is not the decision in force
    const LaterRun& last = later->back();
    out << "SUPERSEDED: run " << run.number << " is not the latest decision of " << province << " " << cycle
        << " in the signed ledger; the latest run this bundle names is run " << last.number << " (records "
        << last.start->seq << ".." << last.result->seq << ") decided " << decided(*last.result)
        << (last.start->body.value("input_set", std::string()) == set_hash
                ? " on the same input set"
                : " on another input set, " + last.start->body.value("input_set", std::string()).substr(0, 12) +
                      " (inputs corrected or added)")
        << (code.empty() ? "" : "; ask for its bundle for " + code) << "\n";
    if (opt.fail_if_superseded)
      throw CheckFailed("verify-bundle: " + opt.file + ": the bundle verifies, but its run " + std::to_string(run.number) +
                        " is superseded by run " + std::to_string(last.number) + " (--fail-if-superseded)");
  }

  if (!opt.explain.empty()) {
    if (!whole)
      throw UsageError("verify-bundle: " + opt.file + ": --explain needs the bundle of the whole province; this one "
                       "holds the records about " + code + " only (ask for `verdeel bundle` without a municipality)");
    explain_from_bundle(opt, run, set, by_hash, recs);
  }
}
}  // namespace

void register_verify_bundle(CLI::App& app, Globals&) {
  auto opt = std::make_shared<VerifyBundleOptions>();
  auto* sub = app.add_subcommand("verify-bundle", "Check a bundle offline: proofs, signature, and a replay of the decision");
  sub->add_option("file", opt->file, "Bundle file (from `verdeel bundle`)")->required();
  sub->add_option("--pubkey", opt->pubkey, "Public key (NAME.pub, or a verifier key line) of the checkpoint's signer")->required();
  sub->add_option("--key-name", opt->key_name, "Signer name (default: the key file's name without extension)");
  auto* explain = sub->add_option("--explain", opt->explain,
                                  "Once verified, explain this municipality's numbers (CBS code or name) from the "
                                  "bundle, as `verdeel explain` does from the ledger; what was verified then goes to "
                                  "standard error. Needs the bundle of the whole province");
  sub->add_option("--format", opt->format, "Of the explanation: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->needs(explain);
  sub->add_option("--lang", opt->lang, "Of the explanation: nl (default) or en")
      ->check(CLI::IsMember({"nl", "en"}))
      ->needs(explain);
  sub->add_flag("--fail-if-superseded", opt->fail_if_superseded,
                "Exit 1 when the bundle names a later run of the province (it is verified all the same; a bundle "
                "cannot show that no later run exists)");
  sub->callback([opt] { verify_bundle(*opt); });
}

VERDEEL_COMMAND(88, "verify-bundle", register_verify_bundle);

}  // namespace verdeel::cli
