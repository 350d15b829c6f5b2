#include "ledger/envelope_check.h"

#include "util/canonical_check.h"
#include "util/canonical_json.h"
#include "util/sha256.h"
#include "util/utf8.h"

namespace verdeel::ledger {
namespace {

constexpr std::string_view kHead = "{\"body\":";

// Appends s as canonical_json.h writes a string; false when s is not valid UTF-8.
bool append_string(std::string& out, std::string_view s) {
  if (!utf8::valid(s)) return false;
  append_canonical_string(s, out);
  return true;
}

}  // namespace

bool EnvelopeCheck::matches(const StoredRow& row, const Hash& prev, std::string_view* body) {
  suffix_.clear();
  suffix_ += ",\"cycle\":";
  if (!append_string(suffix_, row.cycle)) return false;
  suffix_ += ",\"kind\":";
  if (!append_string(suffix_, row.kind)) return false;
  suffix_ += ",\"prev\":\"";
  append_hex(std::string_view(reinterpret_cast<const char*>(prev.data()), prev.size()), suffix_);
  suffix_ += "\",\"province\":";
  if (!append_string(suffix_, row.province)) return false;
  suffix_ += ",\"seq\":";
  suffix_ += std::to_string(row.seq);
  suffix_ += ",\"subject\":";
  if (!append_string(suffix_, row.subject)) return false;
  suffix_ += "}";

  std::string_view data = row.data;
  if (data.size() < kHead.size() + suffix_.size() || data.substr(0, kHead.size()) != kHead ||
      data.substr(data.size() - suffix_.size()) != suffix_)
    return false;
  std::string_view b = data.substr(kHead.size(), data.size() - kHead.size() - suffix_.size());
  if (check_canonical(b) != CanonicalCheck::yes) return false;
  if (body) *body = b;
  return true;
}

}  // namespace verdeel::ledger
