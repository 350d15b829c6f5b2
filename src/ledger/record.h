#pragma once
// One ledger record and its canonical bytes (LEDGER.md "Records"; schema/FORMAT.md).
//
// data = canonical JSON of {"body","cycle","kind","prev","province","seq","subject"}
// hash = SHA-256(0x00 || data)      (an RFC 9162 leaf hash)
// The stored bytes are exactly `data`; nothing outside it carries meaning.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/canonical_json.h"
#include "util/canonical_writer.h"
#include "util/sha256.h"

namespace verdeel::ledger {

inline constexpr int kFormatVersion = 1;

// What a command asks to append; seq and prev are assigned by the store.
struct Draft {
  std::string kind;
  std::string cycle;
  std::string province;
  std::string subject;
  Json body = Json::object();
};

struct Record {
  int64_t seq = 0;
  std::string kind;
  std::string cycle;
  std::string province;
  std::string subject;
  Hash prev{};
  Json body;
  std::string data;  // canonical bytes, as stored and hashed
  Hash hash{};

  std::string short_hash() const { return to_hex(hash).substr(0, 12); }
  // "record 412 (input.verslag GM0106)"
  std::string label() const;
};

// The same label from a record's columns (verify names a row it could not decode by them).
std::string record_label(int64_t seq, std::string_view kind, std::string_view subject);

// Builds the record that `draft` becomes at position seq after prev.
// Throws CanonicalError when the body holds a float or invalid UTF-8.
Record make_record(int64_t seq, const Hash& prev, Draft draft);  // takes the body over: pass an rvalue to spare a copy

// A record's canonical bytes and their leaf hash.
struct Leaf {
  std::string data;
  Hash hash{};
};

// A draft whose body is already written as canonical JSON, so that the costly part of making a
// record (writing the body) can be done before seq and prev are known, on any thread. Only
// prepare() makes one, so its body bytes are canonical by construction.
class PreparedDraft {
 public:
  const std::string& kind() const { return kind_; }
  const std::string& cycle() const { return cycle_; }
  const std::string& province() const { return province_; }
  const std::string& subject() const { return subject_; }
  const std::string& body() const { return body_; }  // canonical JSON
  // The four strings as canonical JSON strings, written with the body (on the preparing thread).
  const std::string& cycle_json() const { return json_[0]; }
  const std::string& kind_json() const { return json_[1]; }
  const std::string& province_json() const { return json_[2]; }
  const std::string& subject_json() const { return json_[3]; }

 private:
  friend PreparedDraft prepare(Draft draft);
  friend PreparedDraft prepare(std::string kind, std::string cycle, std::string province, std::string subject,
                               CanonicalObject body);
  PreparedDraft() = default;
  friend Leaf leaf_at(int64_t seq, const Hash& prev, const PreparedDraft& draft);
  void take(std::string kind, std::string cycle, std::string province, std::string subject);
  std::string kind_, cycle_, province_, subject_, body_;
  std::string json_[4];  // cycle, kind, province, subject
  // The leaf hash's state after the record's bytes up to prev, which are the same wherever the
  // record lands (the head, the body, cycle and kind), and how many of those bytes that is.
  Sha256Midstate before_prev_;
  size_t hashed_ = 0;
};
// Writes the draft's body, and its kind, cycle, province and subject as JSON strings. Throws
// CanonicalError as make_record does (a float in the body, invalid UTF-8 anywhere), here rather
// than when the draft is appended.
PreparedDraft prepare(Draft draft);
// The same for a body written member by member (canonical by construction too; its bytes are
// taken over); throws CanonicalError as CanonicalObject::str() does.
PreparedDraft prepare(std::string kind, std::string cycle, std::string province, std::string subject,
                      CanonicalObject body);

// The record that `draft` becomes at position seq after prev: its canonical bytes and their leaf
// hash (leaf_hash(data)), of which the appending thread hashes only the part from prev on, as the
// rest was hashed when the draft was prepared.
Leaf leaf_at(int64_t seq, const Hash& prev, const PreparedDraft& draft);

// The canonical envelope {seq, kind, cycle, province, subject, prev, body} (LEDGER.md "Records")
// has ASCII keys, so their UTF-16 order is fixed: body, cycle, kind, prev, province, seq, subject.
// Its bytes are kEnvelopeHead, the canonical body, then the tail below; make_record writes them
// this way and verify's fast path (envelope_check.h) checks them this way.
inline constexpr std::string_view kEnvelopeHead = "{\"body\":";
// The tail, the fields after the body and the closing brace, in one definition that every user
// walks with its own sink: `lit` (fixed bytes), `json` (a column as a JSON string), `hex` (the
// prev hash as 64 lowercase hex digits) and `num` (the seq in decimal), each returning false to
// stop. make_record's sink appends (append_envelope_tail); verify's writes the tail it expects
// into a buffer, to compare with the stored bytes (envelope_check.cpp).
template <typename Sink, typename Str>
bool envelope_tail(Sink& out, const Str& cycle, const Str& kind, const Hash& prev, const Str& province, int64_t seq,
                   const Str& subject) {
  return out.lit(",\"cycle\":") && out.json(cycle) && out.lit(",\"kind\":") && out.json(kind) &&
         out.lit(",\"prev\":\"") && out.hex(prev) && out.lit("\",\"province\":") && out.json(province) &&
         out.lit(",\"seq\":") && out.num(seq) && out.lit(",\"subject\":") && out.json(subject) && out.lit("}");
}
// Appends the tail, the four strings already written as JSON strings (canonical_json.h).
void append_envelope_tail(std::string& out, std::string_view cycle_json, std::string_view kind_json, const Hash& prev,
                          std::string_view province_json, int64_t seq, std::string_view subject_json);

// Hash of the leaf bytes: SHA-256(0x00 || data).
Hash leaf_hash(std::string_view data);

// Parses stored bytes back into a record. Returns nullopt and sets `why` when
// the bytes are not a record of this format, or not in canonical form.
std::optional<Record> decode_record(std::string_view data, std::string* why);

}  // namespace verdeel::ledger
