#pragma once
// Rows copied out of SQLite into one buffer (Store::rows_in_scope): a read of many rows makes one
// copy of their bytes, not a string per value, and the bytes a reader does not keep (a decision's
// inputs: the body is parsed, the envelope is not kept) are never copied again. Not yet
// interpreted: record_from_row decodes a row, on any thread.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verdeel::ledger {

// A row as stored, before any interpretation (for verify and benchmarks), as Store::scan reads it:
// views into SQLite's memory, valid during the visit only; or into a RowBatch, valid while it lives.
struct StoredRow {
  int64_t seq = 0;
  std::string_view kind, cycle, province, subject;
  std::string_view hash;  // 32 raw bytes as stored (may be wrong length if tampered)
  std::string_view data;
};

class RowBatch {
 public:
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // Views into this batch: valid until it is changed, moved or destroyed.
  StoredRow operator[](size_t i) const {
    const Row& r = rows_[i];
    const char* p = bytes_.data() + r.at;
    StoredRow out;
    out.seq = r.seq;
    std::string_view* fields[kValues] = {&out.kind, &out.cycle, &out.province, &out.subject, &out.hash, &out.data};
    for (size_t k = 0; k < kValues; ++k) {
      *fields[k] = std::string_view(p, r.size[k]);
      p += r.size[k];
    }
    return out;
  }
  // Copies a row in (its values back to back).
  void add(const StoredRow& row) {
    Row r{row.seq, bytes_.size(), {}};
    const std::string_view values[kValues] = {row.kind, row.cycle, row.province, row.subject, row.hash, row.data};
    for (size_t k = 0; k < kValues; ++k) {
      r.size[k] = values[k].size();
      bytes_.append(values[k]);
    }
    rows_.push_back(r);
  }

  class const_iterator {
   public:
    const_iterator(const RowBatch& b, size_t i) : b_(&b), i_(i) {}
    StoredRow operator*() const { return (*b_)[i_]; }
    const_iterator& operator++() { return ++i_, *this; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const RowBatch* b_;
    size_t i_;
  };
  const_iterator begin() const { return {*this, 0}; }
  const_iterator end() const { return {*this, rows_.size()}; }

 private:
  static constexpr size_t kValues = 6;  // kind, cycle, province, subject, hash, data
  struct Row {
    int64_t seq;
    size_t at;                            // where its values begin in bytes_
    std::array<size_t, kValues> size;     // and how long each is
  };
  std::string bytes_;
  std::vector<Row> rows_;
};

}  // namespace verdeel::ledger
