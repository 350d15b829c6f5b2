#include "util/canonical_writer.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace verdeel {

bool CanonicalObject::plain_key(std::string_view key) {
  for (const char ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
  }
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
  return (*this)(key, CanonicalObject()("den", value.den())("num", value.num()));
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
  bool sorted = true;
  for (size_t i = 0; i < n; ++i) {
    order[i] = &members[i];
    if (i > 0 && !(members[i - 1].first < members[i].first)) sorted = false;
  }
  if (!sorted) {
    // At most kAtOnce keys: an insertion sort. (std::sort's path for more than 16 elements,
    // unreachable here, made GCC's -Warray-bounds fire on this array under the sanitizers at -O2.)
    for (size_t i = 1; i < n; ++i)
      for (size_t j = i; j > 0 && order[j]->first < order[j - 1]->first; --j) std::swap(order[j], order[j - 1]);
    for (size_t i = 1; i < n; ++i)
      if (order[i]->first == order[i - 1]->first)
        throw CanonicalError("object key given twice: " + std::string(order[i]->first));
  }
  return member(key, [&] {
    // Written in place, into room made once: the members are a few short keys and numbers, and
    // this is the most frequent value of a decision's records.
    size_t most = 2;  // {}
    for (size_t i = 0; i < n; ++i) most += order[i]->first.size() + 4 + 20;  // ,"key": and a number
    const size_t at = buf_.size();
    buf_.resize(at + most);
    char* const begin = buf_.data() + at;
    char* p = begin;
    *p++ = '{';
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) *p++ = ',';
      *p++ = '"';
      std::memcpy(p, order[i]->first.data(), order[i]->first.size());
      p += order[i]->first.size();
      *p++ = '"';
      *p++ = ':';
      p = std::to_chars(p, begin + most, order[i]->second).ptr;
    }
    *p++ = '}';
    buf_.resize(at + static_cast<size_t>(p - begin));
  });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const CanonicalObject& value) {
  return member(key, [&] { value.append_to(buf_); });
}

CanonicalObject& CanonicalObject::operator()(std::string_view key, const Json& value) {
  return member(key, [&] { append_canonical(value, buf_); });
}

bool CanonicalObject::key_less(const Member& a, std::string_view ka, const Member& b, std::string_view kb) {
  return a.plain && b.plain ? ka < kb : canonical_key_less(ka, kb);
}

// The key and its colon; the member's record, completed by end_member. Throws CanonicalError when
// the key is not valid UTF-8.
void CanonicalObject::begin_member(std::string_view key, bool plain) {
  if (members_.empty()) {
    members_.reserve(kTypicalMembers);
    buf_.reserve(kTypicalBytes);
  }
  if (!members_.empty()) buf_.push_back(',');
  Member m{buf_.size(), 0, 0, key.size(), plain};
  if (plain) {  // "key": in place, into room made once
    const size_t at = buf_.size();
    buf_.resize(at + key.size() + 3);
    char* p = buf_.data() + at;
    *p = '"';
    std::memcpy(p + 1, key.data(), key.size());
    p[key.size() + 1] = '"';
    p[key.size() + 2] = ':';
    m.key_at = at + 1;
  } else {
    append_canonical_string(key, buf_);
    m.key_at = raw_keys_.size();
    raw_keys_.emplace_back(key);
    buf_.push_back(':');
  }
  members_.push_back(m);
}

void CanonicalObject::end_member() {
  Member& m = members_.back();
  m.end = buf_.size();
  if (members_.size() > 1 && in_order_) {
    const Member& before = members_[members_.size() - 2];
    in_order_ = key_less(before, key_of(before), m, key_of(m));
  }
}

// Back to what the object was before the member begun at `size` (its comma included).
void CanonicalObject::take_back(size_t size, size_t raw_keys) {
  if (!members_.empty() && members_.back().at >= size) members_.pop_back();
  raw_keys_.resize(raw_keys);
  buf_.resize(size);
}

void CanonicalObject::append_to(std::string& out) const {
  if (in_order_) {
    out.reserve(out.size() + buf_.size() + 1);
    out.append(buf_).push_back('}');
    return;
  }
  std::vector<const Member*> order;
  order.reserve(members_.size());
  for (const Member& m : members_) order.push_back(&m);
  std::sort(order.begin(), order.end(),
            [&](const Member* a, const Member* b) { return key_less(*a, key_of(*a), *b, key_of(*b)); });
  out.reserve(out.size() + buf_.size() + 1);
  out.push_back('{');
  for (size_t i = 0; i < order.size(); ++i) {
    const Member& m = *order[i];
    if (i > 0) {
      if (key_of(m) == key_of(*order[i - 1])) throw CanonicalError("object key given twice: " + std::string(key_of(m)));
      out.push_back(',');
    }
    out.append(buf_, m.at, m.end - m.at);
  }
  out.push_back('}');
}

std::string CanonicalObject::str() const {
  std::string out;
  append_to(out);
  return out;
}

std::string CanonicalObject::release() && {
  if (!in_order_) return str();
  std::string out = std::move(buf_);
  out.push_back('}');
  buf_.assign(1, '{');
  members_.clear();
  raw_keys_.clear();
  return out;
}

}  // namespace verdeel
