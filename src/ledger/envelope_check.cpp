#include "ledger/envelope_check.h"

#include "util/canonical_check.h"
#include "util/canonical_json.h"
#include "util/utf8.h"

namespace verdeel::ledger {

const std::string* EnvelopeCheck::quoted(Quoted& q, std::string_view s) {
  if (q.valid && q.raw == s) return &q.json;
  q.raw.assign(s.data(), s.size());
  q.json.clear();
  q.valid = utf8::valid(s);
  if (!q.valid) return nullptr;
  append_canonical_string(s, q.json);
  return &q.json;
}

bool EnvelopeCheck::matches(const StoredRow& row, const Hash& prev, std::string_view* body) {
  const std::string* cycle = quoted(columns_[0], row.cycle);
  const std::string* kind = quoted(columns_[1], row.kind);
  const std::string* province = quoted(columns_[2], row.province);
  const std::string* subject = quoted(columns_[3], row.subject);
  if (!cycle || !kind || !province || !subject) return false;
  suffix_.clear();
  append_envelope_tail(suffix_, *cycle, *kind, prev, *province, row.seq, *subject);

  std::string_view data = row.data;
  if (data.size() < kEnvelopeHead.size() + suffix_.size() || data.substr(0, kEnvelopeHead.size()) != kEnvelopeHead ||
      data.substr(data.size() - suffix_.size()) != suffix_)
    return false;
  std::string_view b = data.substr(kEnvelopeHead.size(), data.size() - kEnvelopeHead.size() - suffix_.size());
  if (check_canonical(b) != CanonicalCheck::yes) return false;
  if (body) *body = b;
  return true;
}

}  // namespace verdeel::ledger
