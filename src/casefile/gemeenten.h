#pragma once
// The municipalities of a case (gemeenten.csv) and how other files name them:
// by CBS code (`GM0106`) or by name exactly as in gemeenten.csv (`Assen`).
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace verdeel::casefile {

struct Gemeente {
  std::string code;
  std::string naam;
  std::string provincie;
  int line = 0;  // in gemeenten.csv
};

class Gemeenten {
 public:
  // False (and `why`) on a duplicate code or name.
  bool add(const Gemeente& g, std::string& why);

  // By code (letters in any case), else by exact name. nullptr when unknown.
  const Gemeente* resolve(std::string_view ref) const;
  // The message for an unknown reference, with a hint when only case or
  // spacing differs from a known name.
  std::string unknown(std::string_view ref) const;

  bool has_province(const std::string& p) const { return provinces_.count(p) > 0; }
  const std::set<std::string>& provinces() const { return provinces_; }
  const std::map<std::string, Gemeente>& by_code() const { return by_code_; }
  bool empty() const { return by_code_.empty(); }

 private:
  std::map<std::string, Gemeente> by_code_;
  std::map<std::string, std::string> code_by_name_;
  std::set<std::string> provinces_;
};

// "GM0106 (Assen)" for messages.
std::string describe(const Gemeente& g);
// A CBS municipality code: "GM" and four digits.
bool is_cbs_code(std::string_view s);

}  // namespace verdeel::casefile
