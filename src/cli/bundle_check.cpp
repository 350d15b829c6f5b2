#include "cli/bundle_check.h"

#include "cli/context.h"
#include "ledger/merkle_verify.h"

namespace verdeel::cli::bundle_check {

void Fail::operator()(const std::string& what) const { throw CheckFailed("verify-bundle: " + file + ": " + what); }

const Json& field(const Json& obj, const std::string& key, Json::value_t type, const std::string& where, const Fail& fail) {
  if (!obj.is_object() || !obj.contains(key)) fail(where + " has no \"" + key + "\"");
  const Json& v = obj.at(key);
  const bool ok = v.type() == type || (type == Json::value_t::number_integer && v.is_number_unsigned()) ||
                  (type == Json::value_t::number_unsigned && v.is_number_integer() && v.get<int64_t>() >= 0);
  if (!ok) fail(where + ": \"" + key + "\" has the wrong type");
  return v;
}

Hash strict_hash(const std::string& hex, const std::string& what, const Fail& fail) {
  Hash h{};
  try {
    h = hash_from_hex(hex);
  } catch (const std::exception&) {
    fail(what + " is not 64 hex digits: \"" + hex + "\"");
  }
  if (to_hex(h) != hex) fail(what + " is not in lowercase hex: \"" + hex + "\"");
  return h;
}

ledger::Record proved_entry(const Json& e, const std::string& where, const ledger::Checkpoint& cp, const Fail& fail,
                            size_t& proof_hashes) {
  using T = Json::value_t;
  for (const auto& [k, v] : e.items())
    if (k != "seq" && k != "hash" && k != "data" && k != "proof") fail(where + ": unknown field \"" + k + "\"");
  const auto seq = field(e, "seq", T::number_unsigned, where, fail).get<uint64_t>();
  const std::string data = field(e, "data", T::string, where, fail).get<std::string>();
  const std::string stated = field(e, "hash", T::string, where, fail).get<std::string>();
  const Hash h = ledger::leaf_hash(data);
  const std::string name = "record " + std::to_string(seq);
  if (strict_hash(stated, name + ": \"hash\"", fail) != h)
    fail(name + ": its bytes hash to " + to_hex(h) + ", not to the stated hash " + stated + " (the record was altered)");
  std::string why;
  auto rec = ledger::decode_record(data, &why);
  if (!rec) fail(name + ": its bytes are not a record: " + why);
  if (rec->seq < 0 || static_cast<uint64_t>(rec->seq) != seq) fail(name + ": its bytes say seq " + std::to_string(rec->seq));
  std::vector<Hash> proof;
  const Json& p = field(e, "proof", T::array, where, fail);
  for (size_t j = 0; j < p.size(); ++j) {
    if (!p[j].is_string()) fail(rec->label() + ": proof hash " + std::to_string(j) + " is not a string");
    proof.push_back(strict_hash(p[j].get<std::string>(), rec->label() + ": proof hash " + std::to_string(j), fail));
  }
  if (!ledger::verify_inclusion(h, seq, cp.size, proof, cp.root))
    fail(rec->label() + ": the inclusion proof does not lead to the checkpoint root " + to_hex(cp.root) + " of " +
         std::to_string(cp.size) + " records (the record or its proof was altered, or it is not in that ledger)");
  proof_hashes += proof.size();
  return *rec;
}

std::vector<LaterRun> later_runs(const std::vector<ledger::Record>& records, const std::string& cycle,
                                 const std::string& province, const ledger::Record& start,
                                 const ledger::Record& result, const Fail& fail) {
  if (records.size() % 2 != 0) fail("\"later_runs\" holds " + std::to_string(records.size()) +
                                    " records, not pairs of a run's first and last");
  std::vector<LaterRun> out;
  int64_t after = result.seq, number = start.body.value("run", int64_t{0});
  for (size_t i = 0; i < records.size(); i += 2) {
    const ledger::Record& s = records[i];
    const ledger::Record& r = records[i + 1];
    for (const ledger::Record* x : {&s, &r})
      if (x->cycle != cycle || x->province != province)
        fail("later_runs: " + x->label() + " is not of " + province + " " + cycle);
    if (s.kind != "decision.start" || r.kind != "result.decision")
      fail("later_runs: " + s.label() + " and " + r.label() + " are not a run's decision.start and result.decision");
    if (!r.body.is_object() || r.body.value("start", int64_t{-1}) != s.seq)
      fail("later_runs: " + r.label() + " does not close the run that starts at record " + std::to_string(s.seq));
    const int64_t n = s.body.is_object() ? s.body.value("run", int64_t{0}) : 0;
    if (s.seq <= after || n <= number)
      fail("later_runs: " + s.label() + ", run " + std::to_string(n) + ", does not come after run " +
           std::to_string(number) + ", which ends at record " + std::to_string(after));
    after = r.seq;
    number = n;
    out.push_back(LaterRun{n, &s, &r});
  }
  return out;
}

}  // namespace verdeel::cli::bundle_check
