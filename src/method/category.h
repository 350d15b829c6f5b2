#pragma once
// The two categories of places (METHOD.md, "Terms").
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace verdeel::method {

enum class Category { regulier, amv };
inline constexpr std::array<Category, 2> kCategories = {Category::regulier, Category::amv};

constexpr std::string_view name(Category c) { return c == Category::regulier ? "regulier" : "amv"; }
inline std::optional<Category> parse_category(std::string_view s) {
  if (s == "regulier") return Category::regulier;
  if (s == "amv") return Category::amv;
  return std::nullopt;
}

// A whole number of places per category.
struct PerCategory {
  int64_t regulier = 0;
  int64_t amv = 0;
  int64_t& operator[](Category c) { return c == Category::regulier ? regulier : amv; }
  int64_t operator[](Category c) const { return c == Category::regulier ? regulier : amv; }
  int64_t total() const { return regulier + amv; }
  friend bool operator==(const PerCategory& a, const PerCategory& b) { return a.regulier == b.regulier && a.amv == b.amv; }
  friend bool operator!=(const PerCategory& a, const PerCategory& b) { return !(a == b); }
};

}  // namespace verdeel::method
