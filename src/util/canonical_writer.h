#pragma once
// Writes a JSON object's canonical bytes (util/canonical_json.h) member by member, without building
// a Json value: each member is written as it is given, and when the keys were not given in
// canonical order the members are put in that order when the bytes are asked for (given in order,
// the bytes written are already the object's, and str() and release() only close it). For
// records written in bulk (a decision's step records), where building a Json tree, writing it and
// freeing it cost more than the method itself
// (docs/performance.md). canonical(Json) of the same object gives the same bytes
// (tests/util/canonical_writer_test.cpp).
//
//   CanonicalObject()("gemeente", "GM0106")("plaatsen", 12)("inputs", hashes).str()
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "util/canonical_json.h"

namespace verdeel {

// A member whose key or value cannot be written (invalid UTF-8, a floating-point number, ...)
// throws CanonicalError and leaves the object as it was before that member.
class CanonicalObject {
 public:
  CanonicalObject() : buf_(1, '{') {}
  // Whole numbers (not bool, which has its own overload).
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  CanonicalObject& operator()(std::string_view key, T value) {
    return member(key, [&] {
      if constexpr (std::is_signed_v<T>)
        append_number(static_cast<int64_t>(value));
      else
        append_number(static_cast<uint64_t>(value));
    });
  }
  // An enumeration would otherwise be written as its number through the Json overload: name it.
  template <typename T, std::enable_if_t<std::is_enum_v<T>, int> = 0>
  CanonicalObject& operator()(std::string_view key, T value) = delete;
  CanonicalObject& operator()(std::string_view key, bool value);
  CanonicalObject& operator()(std::string_view key, std::nullptr_t);
  // Strings; throws CanonicalError when not valid UTF-8.
  CanonicalObject& operator()(std::string_view key, std::string_view value);
  CanonicalObject& operator()(std::string_view key, const std::string& value) {
    return (*this)(key, std::string_view(value));
  }
  CanonicalObject& operator()(std::string_view key, const char* value);  // not null
  // A rational number as records hold one (canonical_json.h): an integer, or {"den","num"}.
  CanonicalObject& operator()(std::string_view key, const Rational& value);
  // An array of strings, in the order given.
  CanonicalObject& operator()(std::string_view key, const std::vector<std::string>& values);
  CanonicalObject& operator()(std::string_view key, const std::vector<std::string_view>& values);
  // An object of a few whole numbers, written at once without a CanonicalObject of its own:
  // ("basis", Ints<2>{{{"regulier", 3}, {"amv", 1}}}) is ("basis", CanonicalObject()("regulier", 3)("amv", 1)).
  template <size_t N>
  using Ints = std::array<std::pair<std::string_view, int64_t>, N>;
  template <size_t N>
  CanonicalObject& operator()(std::string_view key, const Ints<N>& members) {
    return ints(key, members.data(), N);
  }
  // An object written the same way.
  CanonicalObject& operator()(std::string_view key, const CanonicalObject& value);
  // Any other value, written by append_canonical (throws as it does).
  CanonicalObject& operator()(std::string_view key, const Json& value);

  // The object's canonical bytes. Throws CanonicalError when a key was given twice.
  std::string str() const;
  void append_to(std::string& out) const;
  // The same bytes, the object's own buffer moved out when its keys were given in order.
  std::string release() &&;

 private:
  // buf_ is '{' and then the members as given, each `"key":value`, with a comma before all but the
  // first. A member is buf_[at, end), from its key's opening quote; its key unescaped is
  // buf_[key_at, key_at + key_len) when `plain` (printable ASCII without '"' or '\\', written as
  // it is and ordered by its bytes), else raw_keys_[key_at].
  struct Member {
    size_t at;
    size_t end;
    size_t key_at;
    size_t key_len;
    bool plain;
  };
  std::string_view key_of(const Member& m) const {
    return m.plain ? std::string_view(buf_).substr(m.key_at, m.key_len) : std::string_view(raw_keys_[m.key_at]);
  }
  static bool key_less(const Member& a, std::string_view ka, const Member& b, std::string_view kb);
  void begin_member(std::string_view key, bool plain);
  void end_member();
  void take_back(size_t size, size_t raw_keys);
  CanonicalObject& ints(std::string_view key, const std::pair<std::string_view, int64_t>* members, size_t n);
  // Writes one member: its key, then what `write` appends to buf_. If anything throws, the member
  // is taken back whole.
  template <typename Write>
  CanonicalObject& member(std::string_view key, Write&& write) {
    const size_t size = buf_.size(), raw_keys = raw_keys_.size();
    try {
      begin_member(key, plain_key(key));
      write();
      end_member();
    } catch (...) {
      take_back(size, raw_keys);
      throw;
    }
    return *this;
  }
  static bool plain_key(std::string_view key);
  static constexpr size_t kTypicalMembers = 12;
  static constexpr size_t kTypicalBytes = 512;  // a step record's body: one allocation, not five
  void append_number(int64_t v);
  void append_number(uint64_t v);

  std::string buf_;
  std::vector<Member> members_;
  std::vector<std::string> raw_keys_;  // the keys that are not plain, unescaped
  bool in_order_ = true;               // every key after the one before it in canonical order
};

}  // namespace verdeel
