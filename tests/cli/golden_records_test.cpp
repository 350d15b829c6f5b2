// The bytes of every record an import and a decision write, pinned for the two shipped examples.
// replay recomputes a decision and compares it with the recorded records byte for byte, so any
// change in how records are written (their members, order or encoding) would make every decision
// recorded before it fail to replay: such a change must be a deliberate new format, never a side
// effect of making the code faster. Record hashes depend on the ledger's random id (its genesis
// record), so each hash a body names is replaced by the kind, subject and seq of the record it
// names before the whole is digested; an input set's "source" (the case directory's path) is
// blanked. decision.start is left out: it names the engine's version.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "cli_fixture.h"
#include "ledger/store.h"
#include "util/canonical_json.h"
#include "util/sha256.h"

using verdeel::testing::Cli;

namespace {

// Replaces each record hash in `j` by the record it names. A step's "inputs" are kept sorted by
// hash (checked); their names are sorted again, as their order follows the random hashes. Other
// lists (an input set's records) keep their order.
void name_hashes(verdeel::Json& j, const std::map<std::string, std::string>& names, bool sorted_by_hash = false) {
  if (j.is_string()) {
    auto it = names.find(j.get<std::string>());
    if (it != names.end()) j = "<" + it->second + ">";
  } else if (j.is_array()) {
    if (sorted_by_hash) {
      CHECK(std::is_sorted(j.begin(), j.end()));
      for (auto& e : j) CHECK(names.count(e.get<std::string>()) == 1);
    }
    for (auto& e : j) name_hashes(e, names);
    if (sorted_by_hash) std::sort(j.begin(), j.end());
  } else if (j.is_object()) {
    for (auto& [key, value] : j.items()) name_hashes(value, names, key == "inputs");
  }
}

// Every record but genesis and decision.start, one per line: kind, subject, canonical body, with
// each record hash replaced by the record it names.
std::string ledger_text(const std::string& db) {
  verdeel::ledger::Store store(db);
  const uint64_t slow = verdeel::ledger::rows_read_the_slow_way();
  auto records = store.range(0, store.size());
  CHECK(verdeel::ledger::rows_read_the_slow_way() == slow);  // every kind of record read the fast way
  std::map<std::string, std::string> names;
  for (const auto& r : records) names[verdeel::to_hex(r.hash)] = r.kind + " " + r.subject + " #" + std::to_string(r.seq);
  std::string text;
  for (auto& r : records) {
    if (r.kind == "genesis" || r.kind == "decision.start") continue;
    name_hashes(r.body, names);
    if (r.kind == "input.set") r.body["source"] = "<the case directory, which differs by machine>";
    text += r.kind + "\t" + r.subject + "\t" + verdeel::canonical(r.body) + "\n";
  }
  return text;
}

void check_pinned(const std::string& example, const std::string& province, const std::string& digest) {
  Cli cli;
  cli.decided(example, province);
  const std::string text = ledger_text(cli.db);
  const std::string got = verdeel::to_hex(verdeel::sha256(text));
  if (got != digest) {  // leave what was written, to see what changed
    std::ofstream("golden-records-" + example + ".txt", std::ios::binary) << text;
    FAIL_CHECK("the records of " << example << " changed; they are in golden-records-" << example
                                 << ".txt in the test directory (digest " << got << ")");
  }
  CHECK(text.find("result.decision") != std::string::npos);
}

}  // namespace

TEST_CASE("the records of the Drenthe 2024 decision are byte for byte those recorded before", "[cli][golden]") {
  check_pinned("drenthe-2024", "Drenthe", "2f86133321d27118d9309cfd43cf35bc6cb73e536ae0143b61455a5967f151e7");
}

TEST_CASE("the records of the synthetic Zuiderland decision are byte for byte those recorded before",
          "[cli][golden]") {
  // Zuiderland has every exclusion rule, promising initiatives, exchanges, groups, the minimum and
  // an equal percentage: every kind of step record and member.
  check_pinned("zuid-synthetisch-2024", "Zuiderland", "86dd8339002db1567f8ac62fd5f611ef887b40bd5368ee4d0d4de6292408eb40");
}
