#pragma once
// Rows copied out of SQLite into a few large buffers (Store::rows_in_scope): a read of many rows
// makes one copy of their bytes, not a string per value; the bytes are never moved after (a buffer
// that grew would copy them at each doubling, into memory touched for the first time); and the
// bytes a reader does not keep (a decision's inputs: the body is parsed, the envelope is not kept)
// are never copied again. Not yet interpreted: record_from_row decodes a row, on any thread.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
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
  // Views into this batch: valid while it lives (a move keeps them valid: the bytes stay put).
  StoredRow operator[](size_t i) const {
    const Row& r = rows_[i];
    const char* p = r.at;
    StoredRow out;
    out.seq = r.seq;
    std::string_view* fields[kValues] = {&out.kind, &out.cycle, &out.province, &out.subject, &out.hash, &out.data};
    for (size_t k = 0; k < kValues; ++k) {
      *fields[k] = std::string_view(p, r.size[k]);
      p += r.size[k];
    }
    return out;
  }
  // Copies a row in (its values back to back, in the last chunk, or in a new one when it does not
  // fit: the bytes are never moved, so no row is copied twice, and memory is touched once).
  void add(const StoredRow& row) {
    const std::string_view values[kValues] = {row.kind, row.cycle, row.province, row.subject, row.hash, row.data};
    size_t total = 0;
    for (const auto& v : values) total += v.size();
    if (chunks_.empty() || cap_ - used_ < total) {
      cap_ = total > kChunk ? total : kChunk;
      chunks_.emplace_back(new char[cap_]);  // not zeroed: only what is written is touched
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    Row r{row.seq, p, {}};
    for (size_t k = 0; k < kValues; ++k) {
      r.size[k] = values[k].size();
      if (!values[k].empty()) std::memcpy(p, values[k].data(), values[k].size());
      p += values[k].size();
    }
    used_ += total;
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
  static constexpr size_t kChunk = 64 * 1024;
  struct Row {
    int64_t seq;
    const char* at;                    // where its values begin, in one of chunks_
    std::array<size_t, kValues> size;  // and how long each is
  };
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t cap_ = 0, used_ = 0;  // the last chunk's size, and how much of it holds rows
  std::vector<Row> rows_;
};

}  // namespace verdeel::ledger
