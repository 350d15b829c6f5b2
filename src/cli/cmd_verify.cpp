// verdeel verify [--checkpoint FILE --pubkey FILE [--key-name N]]: re-hashes every record, checks
// every link, recomputes the Merkle tree and compares it with the stored nodes, the checkpoint
// records and the remembered checkpoints (ledger/verify_tree.h); silent when all is well (exit 0),
// else names the first bad record (exit 1).
//
// With --checkpoint, also: the note is signed by the given key, names this ledger, and the ledger
// extends it (an RFC 9162 consistency proof from its size to the ledger's, checked by the
// separate verifier of merkle_verify.h). This is what catches a truncated tail, a restored older
// copy and a history re-hashed by an insider, which the chain alone cannot (LEDGER.md).
#include <SQLiteCpp/Exception.h>

#include <iostream>
#include <optional>

#include "cli/context.h"
#include "cli/keys.h"
#include "cli/read_file.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle_verify.h"
#include "ledger/store_merkle.h"
#include "ledger/verify.h"
#include "ledger/verify_pipeline.h"
#include "ledger/verify_tree.h"
#include "util/workers.h"

namespace verdeel::cli {

namespace {
struct VerifyOptions {
  bool verbose = false;
  std::string checkpoint;
  std::string pubkey;
  std::string key_name;
  // The reading thread checks batches too when it would wait; at most three workers, as beyond
  // that reading the rows is the limit (docs/performance.md).
  unsigned threads = default_workers(3);
};

// Throws CheckFailed unless the ledger (verified, `records` records) extends the checkpoint.
void check_extends(ledger::Store& store, const ledger::VerifyResult& res, const VerifyOptions& opt) {
  ledger::VerifierKey key = load_verifier(opt.pubkey, opt.key_name);
  std::string shown;  // how the signer is named in the output: as the verifier gave the key
  const std::string note = read_whole_file(opt.checkpoint, "checkpoint file");
  const std::string where = "verify: checkpoint " + opt.checkpoint + ": ";
  ledger::Checkpoint cp;
  try {
    cp = ledger::parse_and_verify_checkpoint(note, key);
  } catch (const ledger::CheckpointError& e) {
    // A PEM file names its key only by the file's name: the signer's public key in a renamed file
    // (ministerie-asiel.pub for ministerie.pub) is checked under the name the note gives it, as
    // verify-bundle does (the key ID binds name and key). A name given by --key-name or a verifier
    // key line must be the note's.
    std::optional<ledger::Checkpoint> renamed;
    if (key_named_by_file(opt.pubkey, opt.key_name))
      for (const auto& name : ledger::note_signer_names(note)) {
        if (name == key.name || renamed) continue;
        try {
          renamed = ledger::parse_and_verify_checkpoint(note, key.key, name);
          std::cerr << "verify: note: '" << opt.pubkey << "' holds the signer's public key; the checkpoint calls it \""
                    << name << "\", the file's name \"" << key.name << "\"\n";
          shown = "the key in '" + opt.pubkey + "', which the checkpoint calls " + name + "+" +
                  ledger::key_id_hex(ledger::key_id(name, key.key));
        } catch (const ledger::CheckpointError&) {
        }
      }
    if (!renamed) throw CheckFailed(where + e.what());
    cp = *renamed;
  }
  const std::string origin = ledger::ledger_origin(res.ledger_id);
  if (cp.origin != origin)
    throw CheckFailed(where + "it is a checkpoint of '" + cp.origin + "', not of this ledger ('" + origin + "')");
  const auto n = static_cast<uint64_t>(res.records);
  const std::string states = std::to_string(cp.size) + " records, root " + to_hex(cp.root);
  if (cp.size > n)
    throw CheckFailed(where + "it signs " + states + ", but the ledger has only " + std::to_string(n) +
                      " records: records " + std::to_string(n) + ".." + std::to_string(cp.size - 1) +
                      " are missing (a truncated tail, or an older copy restored)");
  ledger::StoreTree tree(store, n);
  const Hash now = tree.root();
  const auto proof = ledger::consistency_proof(tree, cp.size, n);
  if (!ledger::verify_consistency(cp.size, n, cp.root, now, proof))
    throw CheckFailed(where + "the ledger does not extend it: it signs " + states + ", but the ledger's records 0.." +
                      std::to_string(cp.size - 1) + " hash to root " + to_hex(ledger::merkle_root(tree, cp.size)) +
                      " (history before record " + std::to_string(cp.size) +
                      " was changed and re-hashed, or an older copy was restored and written to)");
  if (opt.verbose)
    std::cout << "ok: extends checkpoint " << opt.checkpoint << " (" << states << ") signed by "
              << (shown.empty() ? key.name + "+" + ledger::key_id_hex(key.id) : shown) << "; consistency proof of "
              << proof.size() << " hashes to " << n << " records, root " << to_hex(now) << "\n";
}
// The checks of `verify`, in order: chain, Merkle tree, then the checkpoint.
void run_checks(ledger::Store& store, const VerifyOptions& opt) {
  const ledger::Store::Snapshot snapshot(store);  // one state of the ledger for every check
  ledger::TreeCheck tree(store);
  ledger::PipelineOptions pipeline;
  pipeline.workers = opt.threads;
  auto res = ledger::verify_pipelined(store, tree, pipeline);
  if (!res.ok) throw CheckFailed("verify: " + res.problem);
  if (auto problem = tree.finish(); !problem.empty()) throw CheckFailed("verify: " + problem);
  if (opt.verbose)
    std::cout << "ok: " << res.records << " records, head " << to_hex(res.head) << ", ledger " << res.ledger_id
              << "\n"
              << "ok: Merkle root " << to_hex(tree.root()) << "; " << tree.nodes_checked() << " stored nodes and "
              << tree.checkpoints_checked() << " checkpoint record(s) agree with the records\n";
  if (!opt.checkpoint.empty()) check_extends(store, res, opt);
}
}  // namespace

void register_verify(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<VerifyOptions>();
  auto* sub = app.add_subcommand("verify", "Check the whole chain; names the first bad record");
  add_db_option(*sub, g);
  sub->add_flag("-v,--verbose", opt->verbose, "Say what was checked when all is well");
  auto* c = sub->add_option("--checkpoint", opt->checkpoint, "Also check the ledger extends this signed checkpoint");
  auto* p = sub->add_option("--pubkey", opt->pubkey, "Public key (NAME.pub, or a verifier key line) of the checkpoint's signer");
  sub->add_option("--threads", opt->threads,
                  "Threads that check records beside the one reading the ledger (which checks too when "
                  "it would wait); 0 checks in that one only (default: one per core beyond the first, at most 3)")
      ->check(CLI::Range(0u, 64u));
  sub->add_option("--key-name", opt->key_name, "Signer name (default: the key file's name without extension)");
  c->needs(p);
  p->needs(c);
  sub->callback([&g, opt] {
    // A ledger file SQLite cannot read (a damaged page, a cut-off file) is a
    // failed check, not bad usage: exit 1. A missing file or another kind of
    // file stays exit 2.
    try {
      auto store = g.open(ledger::Store::Mode::read_only);
      run_checks(*store, *opt);
    } catch (const ledger::LedgerDamaged& e) {
      throw CheckFailed(std::string("verify: ") + e.what());
    } catch (const SQLite::Exception& e) {
      throw CheckFailed(std::string("verify: the ledger file is damaged: ") + e.what());
    }
  });
}

VERDEEL_COMMAND(80, "verify", register_verify);

}  // namespace verdeel::cli
