#include "ledger/record.h"

#include <cstdint>

#include "util/canonical_parse.h"

namespace verdeel::ledger {
namespace {

constexpr uint8_t kLeafPrefix = 0x00;  // RFC 9162: SHA-256(0x00 || data) (LEDGER.md)

// The canonical bytes of the envelope, written directly (record.h) rather than built as a JSON
// value, which would copy the body. schema/golden/records.json pins them.
void append_tail(std::string& out, int64_t seq, const Hash& prev, std::string_view kind, std::string_view cycle,
                 std::string_view province, std::string_view subject) {
  std::string cycle_json, kind_json, province_json, subject_json;
  append_canonical_string(cycle, cycle_json);
  append_canonical_string(kind, kind_json);
  append_canonical_string(province, province_json);
  append_canonical_string(subject, subject_json);
  append_envelope_tail(out, cycle_json, kind_json, prev, province_json, seq, subject_json);
}

std::string envelope(int64_t seq, const Hash& prev, const Draft& d) {
  std::string out(kEnvelopeHead);
  append_canonical(d.body, out);
  append_tail(out, seq, prev, d.kind, d.cycle, d.province, d.subject);
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

void PreparedDraft::take(std::string kind, std::string cycle, std::string province, std::string subject) {
  append_canonical_string(cycle, json_[0]);
  append_canonical_string(kind, json_[1]);
  append_canonical_string(province, json_[2]);
  append_canonical_string(subject, json_[3]);
  // The leaf hash of what comes before prev (envelope_tail's order), hashed here on the preparing
  // thread: the sink feeds the fixed bytes and strings and stops at prev.
  struct Feed {
    Sha256Midstate& hash;
    size_t& fed;
    bool lit(std::string_view s) { return hash.update(s), fed += s.size(), true; }
    bool json(std::string_view s) { return lit(s); }
    bool hex(const Hash&) { return false; }
    bool num(int64_t) { return false; }
  } feed{before_prev_, hashed_};
  const char prefix = static_cast<char>(kLeafPrefix);
  before_prev_.update(std::string_view(&prefix, 1));
  feed.lit(kEnvelopeHead);
  feed.lit(body_);
  envelope_tail(feed, std::string_view(json_[0]), std::string_view(json_[1]), kZeroHash, std::string_view(json_[2]),
                int64_t{0}, std::string_view(json_[3]));
  kind_ = std::move(kind);
  cycle_ = std::move(cycle);
  province_ = std::move(province);
  subject_ = std::move(subject);
}

PreparedDraft prepare(Draft draft) {
  PreparedDraft p;
  append_canonical(draft.body, p.body_);
  p.take(std::move(draft.kind), std::move(draft.cycle), std::move(draft.province), std::move(draft.subject));
  return p;
}

PreparedDraft prepare(std::string kind, std::string cycle, std::string province, std::string subject,
                      CanonicalObject body) {
  PreparedDraft p;
  p.body_ = std::move(body).release();
  p.take(std::move(kind), std::move(cycle), std::move(province), std::move(subject));
  return p;
}

Leaf leaf_at(int64_t seq, const Hash& prev, const PreparedDraft& d) {
  Leaf leaf;
  std::string& out = leaf.data;
  // The tail's fixed bytes: its keys, quotes and commas (58), the prev hash (64) and at most 20
  // digits of seq, and the four strings as written.
  constexpr size_t kTailFixed = 58 + 64 + 20;
  out.reserve(kEnvelopeHead.size() + d.body().size() + kTailFixed + d.kind_json().size() + d.cycle_json().size() +
              d.province_json().size() + d.subject_json().size());
  out.append(kEnvelopeHead).append(d.body());
  append_envelope_tail(out, d.cycle_json(), d.kind_json(), prev, d.province_json(), seq, d.subject_json());
  leaf.hash = d.before_prev_.finish(std::string_view(out).substr(d.hashed_));
  return leaf;
}

Hash leaf_hash(std::string_view data) { return sha256_prefixed(kLeafPrefix, data); }

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
  // Records are canonical JSON: read, and proved canonical, in one pass. Anything else goes
  // through the general parser, to say what is wrong with it.
  std::optional<Json> canonical_value = parse_canonical(data);
  const bool canonical_bytes = canonical_value.has_value();
  Json j = canonical_bytes ? std::move(*canonical_value) : Json::parse(data.begin(), data.end(), nullptr, false);
  if (j.is_discarded()) return fail("stored bytes are not JSON");
  if (!j.is_object() || j.size() != 7) return fail("stored bytes are not a record envelope");
  // Each field looked up once: seq, the five strings (kind, cycle, province, subject, prev), body.
  auto& fields = j.get_ref<Json::object_t&>();
  constexpr const char* kKeys[7] = {"seq", "kind", "cycle", "province", "subject", "prev", "body"};
  Json* f[7];
  for (size_t i = 0; i < 7; ++i) {
    auto it = fields.find(kKeys[i]);
    if (it == fields.end()) return fail(std::string("record has no field '") + kKeys[i] + "'");
    f[i] = &it->second;
  }
  Json* seq = f[0];
  Json* const* text = f + 1;  // kind, cycle, province, subject, prev
  Json* body = f[6];
  if (!seq->is_number_integer()) return fail("seq is not an integer");
  for (size_t i = 0; i < 5; ++i)
    if (!text[i]->is_string()) return fail(std::string("field '") + kKeys[i + 1] + "' is not a string");
  Record r;
  r.seq = seq->get<int64_t>();
  const std::string& prev = text[4]->get_ref<const std::string&>();
  try {
    r.prev = hash_from_hex(prev);
  } catch (const std::exception&) {
    return fail("prev is not a SHA-256 hash in hex");
  }
  // Bytes that are canonical JSON of an object with exactly these seven fields are the envelope of
  // those fields, provided prev is lower-case hex and seq fits in 64 signed bits: then
  // re-serialising to compare can be skipped. Otherwise it says what differs.
  const bool proved = canonical_bytes && prev.find_first_of("ABCDEF") == std::string::npos &&
                      (seq->is_number_unsigned() ? seq->get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX) : true);
  r.kind = std::move(text[0]->get_ref<std::string&>());
  r.cycle = std::move(text[1]->get_ref<std::string&>());
  r.province = std::move(text[2]->get_ref<std::string&>());
  r.subject = std::move(text[3]->get_ref<std::string&>());
  r.body = std::move(*body);
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
