#include "ledger/record.h"

#include <cstdint>

#include "util/canonical_check.h"

namespace verdeel::ledger {
namespace {

// The canonical bytes of the envelope, written directly (record.h) rather than built as a JSON
// value, which would copy the body. schema/golden/records.json pins them.
std::string envelope(int64_t seq, const Hash& prev, const Draft& d) {
  std::string out(kEnvelopeHead);
  append_canonical(d.body, out);
  std::string cycle, kind, province, subject;
  append_canonical_string(d.cycle, cycle);
  append_canonical_string(d.kind, kind);
  append_canonical_string(d.province, province);
  append_canonical_string(d.subject, subject);
  append_envelope_tail(out, cycle, kind, prev, province, seq, subject);
  return out;
}

}  // namespace

void append_envelope_tail(std::string& out, std::string_view cycle_json, std::string_view kind_json, const Hash& prev,
                          std::string_view province_json, int64_t seq, std::string_view subject_json) {
  struct Append {
    std::string& out;
    bool lit(std::string_view s) { return out.append(s), true; }
    bool json(std::string_view s) { return lit(s); }
    bool hex(const Hash& h) {
      append_hex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()), out);
      return true;
    }
    bool num(int64_t n) { return lit(std::to_string(n)); }
  } sink{out};
  envelope_tail(sink, cycle_json, kind_json, prev, province_json, seq, subject_json);
}

std::string record_label(int64_t seq, std::string_view kind, std::string_view subject) {
  std::string s = "record " + std::to_string(seq) + " (";
  s += kind;
  if (!subject.empty()) s.append(" ").append(subject);
  return s + ")";
}

std::string Record::label() const { return record_label(seq, kind, subject); }

Hash leaf_hash(std::string_view data) { return sha256_prefixed(0x00, data); }

Record make_record(int64_t seq, const Hash& prev, Draft draft) {
  Record r;
  r.data = envelope(seq, prev, draft);
  r.seq = seq;
  r.kind = std::move(draft.kind);
  r.cycle = std::move(draft.cycle);
  r.province = std::move(draft.province);
  r.subject = std::move(draft.subject);
  r.prev = prev;
  r.body = std::move(draft.body);
  r.hash = leaf_hash(r.data);
  return r;
}

std::optional<Record> decode_record(std::string_view data, std::string* why) {
  auto fail = [&](const std::string& m) -> std::optional<Record> {
    if (why) *why = m;
    return std::nullopt;
  };
  Json j = Json::parse(data.begin(), data.end(), nullptr, false);
  if (j.is_discarded()) return fail("stored bytes are not JSON");
  if (!j.is_object() || j.size() != 7) return fail("stored bytes are not a record envelope");
  for (const char* k : {"seq", "kind", "cycle", "province", "subject", "prev", "body"})
    if (!j.contains(k)) return fail(std::string("record has no field '") + k + "'");
  if (!j["seq"].is_number_integer()) return fail("seq is not an integer");
  for (const char* k : {"kind", "cycle", "province", "subject", "prev"})
    if (!j[k].is_string()) return fail(std::string("field '") + k + "' is not a string");
  Record r;
  r.seq = j["seq"].get<int64_t>();
  r.kind = j["kind"].get<std::string>();
  r.cycle = j["cycle"].get<std::string>();
  r.province = j["province"].get<std::string>();
  r.subject = j["subject"].get<std::string>();
  try {
    r.prev = hash_from_hex(j["prev"].get<std::string>());
  } catch (const std::exception&) {
    return fail("prev is not a SHA-256 hash in hex");
  }
  // Bytes that are canonical JSON (one pass, no allocation) of an object with exactly these seven
  // fields are the envelope of those fields, provided prev is lower-case hex and seq fits in 64
  // signed bits: then re-serialising to compare can be skipped. Otherwise it says what differs.
  const Json& seq = j["seq"];
  const bool proved = check_canonical(data) == CanonicalCheck::yes &&
                      j["prev"].get_ref<const std::string&>() == to_hex(r.prev) &&
                      (seq.is_number_unsigned() ? seq.get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX) : true);
  r.body = std::move(j["body"]);
  r.data = std::string(data);
  if (!proved) {
    try {
      if (envelope(r.seq, r.prev, Draft{r.kind, r.cycle, r.province, r.subject, r.body}) != r.data)
        return fail("stored bytes are not in canonical form");
    } catch (const CanonicalError& e) {
      return fail(e.what());
    }
  }
  r.hash = leaf_hash(r.data);
  return r;
}

}  // namespace verdeel::ledger
