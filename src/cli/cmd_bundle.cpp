// verdeel bundle --cycle C --province P [GEMEENTE] --out FILE [--key FILE [--key-name N]]
// [--run N]: writes the objection bundle of a decision run (cli/bundle_format.h).
//
// The inclusion proofs are against one signed checkpoint:
//   - with --key: a fresh checkpoint of the ledger as it is, appended as a `checkpoint` record
//     (as `verdeel checkpoint` does; one transaction), so the bundle is always up to date; its
//     signed note is printed on standard output, as `verdeel checkpoint` prints it, to publish;
//   - without --key: the ledger's newest checkpoint record, when it covers every record of the
//     bundle; otherwise the command refuses (exit 2) and says to give --key.
#include <iostream>
#include <set>

#include "cli/bundle_format.h"
#include "cli/context.h"
#include "cli/keys.h"
#include "cli/output.h"
#include "cli/runs.h"
#include "ledger/checkpoint_state.h"
#include "ledger/store_merkle.h"

namespace verdeel::cli {

namespace {
struct BundleOptions {
  std::string cycle, province, gemeente, out, key, key_name;
  int64_t run = 0;
};

struct Chosen {
  std::string note, verifier_key;
  uint64_t size = 0;
  Hash root{};
};

Chosen sign_fresh(ledger::Store& store, const BundleOptions& opt) {
  Signer signer = load_signer(opt.key, opt.key_name);
  ledger::Store::Writer w(store);
  auto cp = ledger::append_checkpoint(store, w, signer.key, signer.name);
  w.commit();
  std::cerr << "signed a checkpoint of " << cp.checkpoint.size << " records (record " << cp.record.seq
            << "); its note is on standard output: publish it where the ledger's keeper cannot change it\n";
  return Chosen{cp.note, ledger::verifier_key(signer.name, signer.key.public_key()), cp.checkpoint.size,
                cp.checkpoint.root};
}

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

Chosen newest(ledger::Store& store, int64_t last_seq) {
  auto rec = ledger::newest_checkpoint_record(store);
  if (!rec) throw UsageError("the ledger has no checkpoint yet: give --key FILE to sign one for the bundle");
  auto c = ledger::parse_checkpoint_record(*rec);
  if (c.size <= static_cast<uint64_t>(last_seq))
    throw UsageError("the newest checkpoint (record " + std::to_string(rec->seq) + ", " + std::to_string(c.size) +
                     " records) does not cover record " + std::to_string(last_seq) +
                     " of the bundle: give --key FILE to sign a fresh one");
  return Chosen{c.note, c.verifier_key, c.size, c.root};
}
}  // namespace

void register_bundle(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<BundleOptions>();
  auto* sub = app.add_subcommand("bundle", "Write one JSON file with a decision's records, their proofs and a signed checkpoint");
  add_db_option(*sub, g);
  add_cycle_option(*sub, opt->cycle);
  sub->add_option("--province", opt->province, "Province name")->required();
  sub->add_option("gemeente", opt->gemeente, "Only this municipality's records of the run (CBS code or name), "
                                             "with the province-wide ones and every input");
  sub->add_option("--out", opt->out, "Bundle file to write")->required();
  sub->add_option("--key", opt->key, "Sign a fresh checkpoint with this private key (else use the newest one)");
  sub->add_option("--key-name", opt->key_name, "Signer name (default: the key file's name without extension)");
  sub->add_option("--run", opt->run, "An earlier run (1 = the first); default the latest")->check(at_least_one());
  sub->callback([&g, opt] {
    auto store = g.open(opt->key.empty() ? ledger::Store::Mode::read_only : ledger::Store::Mode::read_write);
    const std::string province = resolve_province(*store, opt->cycle, opt->province);
    const std::vector<RunSpan> spans = run_spans(*store, opt->cycle, province);
    const decision::Run run = load_run(*store, spans, opt->cycle, province, opt->run);
    const std::string code = opt->gemeente.empty() ? "" : resolve_gemeente(*store, opt->gemeente, province);

    std::vector<ledger::Record> records;
    const auto& start = *run.start();
    auto set = store->by_hash(hash_from_hex(start.body.at("input_set").get<std::string>()));
    if (!set) throw UsageError("the input set of run " + std::to_string(run.number) + " is not in the ledger");
    records.push_back(*set);
    for (const auto& h : set->body.at("records")) {
      auto r = store->by_hash(hash_from_hex(h.get<std::string>()));
      if (!r) throw UsageError(set->label() + " names a record that is not in the ledger: " + h.get<std::string>());
      records.push_back(*r);
    }
    bool about = false;
    for (const auto& r : store->range(run.start()->seq, run.result()->seq + 1)) {
      if (!code.empty() && !r.subject.empty() && r.subject != code) continue;
      about = about || (r.kind == "result.gemeente" && r.subject == code);
      records.push_back(r);
    }
    if (!code.empty() && !about)
      throw UsageError(code + " is not part of the decision of " + province + " " + opt->cycle);
    std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
    records.erase(std::unique(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.seq == b.seq; }),
                  records.end());

    const Chosen cp = opt->key.empty() ? newest(*store, records.back().seq) : sign_fresh(*store, *opt);
    ledger::StoreTree tree(*store, cp.size);
    auto entries = [&](const std::vector<ledger::Record>& list) {
      Json out = Json::array();
      for (const auto& r : list) {
        Json proof = Json::array();
        for (const Hash& h : ledger::inclusion_proof(tree, static_cast<uint64_t>(r.seq), cp.size)) proof.push_back(to_hex(h));
        out.push_back(Json{{"seq", r.seq}, {"hash", to_hex(r.hash)}, {"data", r.data}, {"proof", proof}});
      }
      return out;
    };
    // The runs of this province after the bundle's, as far as the checkpoint covers them: their first
    // and last records, so that whoever checks a superseded run sees that it was superseded.
    std::vector<ledger::Record> later;
    std::vector<std::string> uncovered;
    for (const auto& l : later_runs_of(spans, run.number)) {
      if (static_cast<uint64_t>(l.end) >= cp.size) {
        uncovered.push_back("run " + std::to_string(l.run));
        continue;
      }
      for (int64_t seq : {l.start, l.end}) later.push_back(*store->get(seq));
    }
    if (const std::string note = superseded_note(spans, run.number, opt->cycle, province); !note.empty())
      std::cerr << note << (later.empty() ? "" : "; the bundle names the runs its checkpoint covers (later_runs), and "
                                                 "verify-bundle says the run was superseded")
                << "\n";
    if (!uncovered.empty())
      std::cerr << "note: " << listed(uncovered) << " of " << province << " " << opt->cycle
                << " came after the checkpoint the bundle uses, so the bundle cannot name them: give --key FILE to "
                   "sign a fresh checkpoint\n";
    const Json recs = entries(records);
    Json bundle{{"format", kBundleFormat},
                {"ledger", ledger::ledger_id(*store)},
                {"cycle", opt->cycle},
                {"province", province},
                {"run", run.number},
                {"gemeente", code.empty() ? Json(nullptr) : Json(code)},
                {"later_runs", entries(later)},
                {"checkpoint", Json{{"note", cp.note}, {"key", cp.verifier_key}, {"size", cp.size}, {"root", to_hex(cp.root)}}},
                {"records", recs}};
    emit(bundle.dump(2) + "\n", opt->out);
    if (!opt->key.empty()) std::cout << cp.note;  // as `verdeel checkpoint` prints the one it signs
    std::cerr << "wrote " << opt->out << ": " << records.size() << " records of " << province << " " << opt->cycle
              << " run " << run.number << (code.empty() ? "" : " about " + code) << ", proofs against a checkpoint of "
              << cp.size << " records\n";
  });
}

VERDEEL_COMMAND(87, "bundle", register_bundle);

}  // namespace verdeel::cli
