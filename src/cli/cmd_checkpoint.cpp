// verdeel checkpoint --key FILE [--key-name NAME]: signs "ledger <id> has n records with Merkle
// root r" (C2SP tlog-checkpoint, origin verdeel/<ledger id>, signed-note Ed25519 signature),
// prints the note on standard output and appends it as a `checkpoint` record, one transaction.
//
// The checkpoint states the ledger BEFORE its own record: n is the number of records before the
// checkpoint record, whose seq is n. Keep the printed note somewhere the ledger's operator cannot
// change it; `verdeel verify --checkpoint NOTE --pubkey KEY` then shows the ledger still extends it.
#include <iostream>

#include "cli/context.h"
#include "cli/keys.h"
#include "ledger/checkpoint_state.h"

namespace verdeel::cli {

namespace {
struct CheckpointOptions {
  std::string key;
  std::string name;
};
}  // namespace

void register_checkpoint(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<CheckpointOptions>();
  auto* sub = app.add_subcommand("checkpoint", "Sign the ledger's size and Merkle root; print and record the checkpoint");
  add_db_option(*sub, g);
  sub->add_option("--key", opt->key, "Private key file (from `verdeel key generate`)")->required();
  sub->add_option("--key-name,--name", opt->name, "Signer name (default: the key file's name without extension)");
  sub->callback([&g, opt] {
    Signer signer = load_signer(opt->key, opt->name);
    auto store = g.open(ledger::Store::Mode::read_write);
    ledger::Store::Writer w(*store);
    auto cp = ledger::append_checkpoint(*store, w, signer.key, signer.name);
    w.commit();
    std::cout << cp.note;
    std::cerr << "checkpoint of " << cp.checkpoint.size << " records (root " << to_hex(cp.checkpoint.root)
              << ") signed by " << signer.name << "; recorded as record " << cp.record.seq << "\n";
  });
}

VERDEEL_COMMAND(84, "checkpoint", register_checkpoint);

}  // namespace verdeel::cli
