#include "util/canonical_writer.h"

#include <algorithm>
#include <charconv>

#include "util/utf8.h"

namespace verdeel {

bool CanonicalObject::plain_key(std::string_view key) {
  for (unsigned char c : key)
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
  return true;
}

void CanonicalObject::append_number(int64_t v) {
  char digits[24];
  auto r = std::to_chars(digits, digits + sizeof digits, v);
  buf_.append(digits, r.ptr);
}

void CanonicalObject::append_number(uint64_t v) {
  char digits[24];
  auto r = std::to_chars(digits, digits + sizeof digits, v);
  buf_.append(digits, r.ptr);
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, bool value) {
  return member(key, [&] { buf_.append(value ? "true" : "false"); });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, std::nullptr_t) {
  return member(key, [&] { buf_.append("null"); });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, std::string_view value) {
  return member(key, [&] { append_canonical_string(value, buf_); });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const char* value) {
  if (!value) throw CanonicalError("a null string for member " + std::string(key));
  return (*this)(key, std::string_view(value));
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const Rational& value) {
  if (value.is_integer()) return (*this)(key, value.num());
  return (*this)(key, CanonicalObject()("num", value.num())("den", value.den()));
}

namespace {
template <typename Strings>
void append_strings(const Strings& values, std::string& out) {
  out.push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_canonical_string(values[i], out);
  }
  out.push_back(']');
}
}  // namespace

CanonicalObject& CanonicalObject::operator()(std::string_view key, const std::vector<std::string>& values) {
  return member(key, [&] { append_strings(values, buf_); });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const std::vector<std::string_view>& values) {
  return member(key, [&] { append_strings(values, buf_); });
}

CanonicalObject& CanonicalObject::ints(std::string_view key, const std::pair<std::string_view, int64_t>* members,
                                      size_t n) {
  constexpr size_t kAtOnce = 8;
  bool plain = n <= kAtOnce;
  for (size_t i = 0; i < n && plain; ++i) plain = plain_key(members[i].first);
  if (!plain) {  // the general way, with its checks and messages
    CanonicalObject o;
    for (size_t i = 0; i < n; ++i) o(members[i].first, members[i].second);
    return (*this)(key, o);
  }
  std::array<const std::pair<std::string_view, int64_t>*, kAtOnce> order{};
  for (size_t i = 0; i < n; ++i) order[i] = &members[i];
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (size_t i = 1; i < n; ++i)
    if (order[i]->first == order[i - 1]->first)
      throw CanonicalError("object key given twice: " + std::string(order[i]->first));
  return member(key, [&] {
    buf_.push_back('{');
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) buf_.push_back(',');
      buf_.push_back('"');
      buf_.append(order[i]->first);
      buf_.append("\":");
      append_number(order[i]->second);
    }
    buf_.push_back('}');
  });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const CanonicalObject& value) {
  return member(key, [&] { value.append_to(buf_); });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const Json& value) {
  return member(key, [&] { append_canonical(value, buf_); });
}

void CanonicalObject::append_to(std::string& out) const {
  auto key = [this](const Member& m) { return std::string_view(buf_).substr(m.at, m.key_len); };
  bool all_plain = true;
  for (const Member& m : members_) {
    if (m.plain) continue;
    all_plain = false;
    if (!utf8::valid(key(m))) throw CanonicalError("object key is not valid UTF-8");
  }
  auto less = [&](const Member* a, const Member* b) {
    return all_plain ? key(*a) < key(*b) : canonical_key_less(key(*a), key(*b));
  };
  std::vector<const Member*> order;
  order.reserve(members_.size());
  for (const Member& m : members_) order.push_back(&m);
  std::sort(order.begin(), order.end(), less);
  out.reserve(out.size() + buf_.size() + 4 * members_.size() + 2);
  out.push_back('{');
  for (size_t i = 0; i < order.size(); ++i) {
    const Member& m = *order[i];
    if (i > 0) {
      if (key(m) == key(*order[i - 1])) throw CanonicalError("object key given twice: " + std::string(key(m)));
      out.push_back(',');
    }
    if (m.plain) {
      out.push_back('"');
      out.append(key(m));
      out.push_back('"');
    } else {
      append_canonical_string(key(m), out);
    }
    out.push_back(':');
    out.append(buf_, m.at + m.key_len, m.end - m.at - m.key_len);
  }
  out.push_back('}');
}

std::string CanonicalObject::str() const {
  std::string out;
  append_to(out);
  return out;
}

}  // namespace verdeel
