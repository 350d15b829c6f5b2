#pragma once
// The objection bundle (LEDGER.md "Bundles"): one JSON file with everything a third party needs to
// check one decision without the ledger. Written by `verdeel bundle`, checked by
// `verdeel verify-bundle`, which needs nothing but the file and the signer's public key.
//
//   {"format": "verdeel-bundle/2",
//    "ledger": ledger id, "cycle", "province", "run": run number,
//    "gemeente": CBS code, or null for the whole province,
//    "checkpoint": {"note": signed checkpoint note, "key": verifier key line of its signer,
//                   "size": n, "root": hex},
//    "records": [{"seq", "hash": hex, "data": the record's canonical bytes as stored,
//                 "proof": [hex, ...] (RFC 9162 inclusion proof of seq in the tree of size n)}],
//    "later_runs": [entries as in "records"]}
//
// later_runs: for every run of the province after the bundle's that the checkpoint covers, its
// decision.start and its result.decision, in seq order, so that whoever checks a superseded run
// is told so (verify-bundle's last line). It came with format 2; a verdeel-bundle/1 (the same
// without it) is still read, and then nothing is said of later runs. Like any field outside the
// signed note, the list can be shortened by whoever passes the bundle on (or the format set back
// to 1): the runs it names are proved, but that no other run followed is not; only the ledger,
// or a newer bundle, shows that.
//
// records, in seq order: the input.set record the run decided on, every input record it lists, and
// the run's records (decision.start .. result.decision): all of them for a province bundle; for a
// GEMEENTE bundle those of the province as a whole (subject "") and those about the municipality.
// Every field is either signed (the note), hashed (data), or checked against those two; a key
// twice in one object is refused. The layout (verdeel writes two-space indented JSON, keys sorted,
// one final newline) is no part of what is verified: a copy with other spacing, line ends or
// escapes verifies, with a note. schema/FORMAT.md ("Bundles") describes the format for a verifier
// of one's own.
#include <string>

namespace verdeel::cli {

inline constexpr const char* kBundleFormat = "verdeel-bundle/2";
inline constexpr const char* kBundleFormatBefore = "verdeel-bundle/1";  // without later_runs: still read

}  // namespace verdeel::cli
