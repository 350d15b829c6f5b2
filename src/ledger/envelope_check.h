#pragma once
// verify's fast path (docs/performance.md): proves that stored bytes are the
// canonical record envelope of the row's columns and the expected prev
// without parsing them into a JSON value. The canonical envelope is
//   {"body":<body>,"cycle":C,"kind":K,"prev":"<64 hex>","province":P,"seq":N,"subject":S}
// (keys in this order; record.h), so the bytes after the body are written from
// the columns and the expected prev into a reused buffer, by the same
// envelope_tail definition that make_record writes them with (a column that needs
// no escaping is copied between quotes, not converted), and compared in one go;
// the body is proved canonical by check_canonical (util/canonical_check.h) in one
// pass.
//
// true means: decode_record(data) would succeed with exactly these seq, kind,
// cycle, province, subject and prev. false means: not proved; the caller takes
// the slow path (decode_record), which names the problem, if any.
#include <array>
#include <string>
#include <string_view>

#include "ledger/store.h"

namespace verdeel::ledger {

class EnvelopeCheck {
 public:
  // On success, `body` (optional) receives the bytes of the body.
  bool matches(const StoredRow& row, const Hash& prev, std::string_view* body = nullptr);
  // The same for a reader that does not know prev (record_from_row): prev is read from the bytes,
  // where the envelope of these columns has it, and must be 64 lower-case hex digits; on success it
  // is in `prev` and the body's value in `body`, proved canonical and built in one pass
  // (util/canonical_parse.h), as decode_record builds it.
  bool matches_reading(const StoredRow& row, Hash& prev, Json& body);

 private:
  // Both of the above: `expected` null means read prev into `found`; `value` non-null means build
  // the body's value there.
  bool check(const StoredRow& row, const Hash* expected, Hash* found, std::string_view* body, Json* value);

  // A column as canonical JSON writes it, kept while consecutive rows repeat it (cycle, kind and
  // province mostly do).
  struct Quoted {
    std::string raw, json;
    bool valid = false;
  };
  // The JSON string of s, or nullptr when s is not valid UTF-8.
  static const std::string* quoted(Quoted& q, std::string_view s);

  std::array<Quoted, 4> columns_;  // cycle, kind, province, subject
  std::string tail_;               // the expected tail, written here; reused between rows
};

}  // namespace verdeel::ledger
