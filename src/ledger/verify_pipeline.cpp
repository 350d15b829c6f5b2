#include "ledger/verify_pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/verify_row.h"

namespace verdeel::ledger {
namespace {

constexpr size_t kBlock = size_t{1} << TreeCheck::kBlockLevel;
constexpr size_t kColumns = 6;  // kind, cycle, province, subject, hash, data

Hash as_hash(std::string_view stored) {
  Hash h{};  // a malformed stored hash fails its own row's check before it matters as a prev
  if (stored.size() == h.size()) std::copy(stored.begin(), stored.end(), h.begin());
  return h;
}

// Consecutive rows, copied out of SQLite's memory, and what a worker found about them.
struct Batch {
  int64_t first = 0;  // the seq the first row must have
  Hash prev{};        // the stored hash of the row before it
  std::string bytes;  // every row's columns, back to back
  std::vector<int64_t> seqs;
  std::vector<size_t> ends;  // kColumns end offsets into `bytes` per row

  // A worker's findings (valid once `done`).
  std::vector<Hash> hashes;          // of every row the fast path proved
  std::vector<unsigned char> fast;   // RowCheck::fast proved the row: kProved, or kProvedCheckpoint
  std::vector<Hash> blocks;          // root of rows [kBlock * k, kBlock * (k + 1)) ...
  std::vector<unsigned char> whole;  // ... when all of them were proved and none is a checkpoint
  std::exception_ptr error;
  bool done = false;

  size_t size() const { return seqs.size(); }

  void reset(int64_t first_seq, const Hash& before) {
    first = first_seq;
    prev = before;
    bytes.clear();
    seqs.clear();
    ends.clear();
    error = nullptr;
    done = false;
  }

  void add(const StoredRow& r) {
    seqs.push_back(r.seq);
    const std::string_view v[kColumns] = {r.kind, r.cycle, r.province, r.subject, r.hash, r.data};
    // SQLite keeps a row's columns back to back in its page (the record format), so one copy
    // usually takes them all; any gap or other order, and they are copied one by one.
    bool adjacent = !v[0].empty();
    const char* next = v[0].data() + v[0].size();
    size_t total = v[0].size();
    for (size_t c = 1; c < kColumns && adjacent; ++c) {
      if (v[c].empty()) continue;  // an empty column takes no bytes, wherever SQLite points
      adjacent = v[c].data() == next;
      next += v[c].size();
      total += v[c].size();
    }
    if (adjacent) {
      size_t at = bytes.size();
      bytes.append(v[0].data(), total);
      for (const std::string_view& c : v) ends.push_back(at += c.size());
      return;
    }
    for (const std::string_view& c : v) {
      if (!c.empty()) bytes.append(c.data(), c.size());
      ends.push_back(bytes.size());
    }
  }

  StoredRow row(size_t i) const {
    const size_t* e = &ends[i * kColumns];
    size_t at = i == 0 ? 0 : ends[i * kColumns - 1];
    std::string_view v[kColumns];
    for (size_t c = 0; c < kColumns; ++c) {
      v[c] = std::string_view(bytes).substr(at, e[c] - at);
      at = e[c];
    }
    StoredRow r;
    r.seq = seqs[i];
    r.kind = v[0];
    r.cycle = v[1];
    r.province = v[2];
    r.subject = v[3];
    r.hash = v[4];
    r.data = v[5];
    return r;
  }
};

constexpr unsigned char kProved = 1, kProvedCheckpoint = 2;

// What a worker does with a batch: the fast check of every row, then the Merkle blocks.
void check_batch(Batch& b, RowCheck& check) {
  const size_t n = b.size();
  b.hashes.resize(n);
  b.fast.assign(n, 0);
  Hash prev = b.prev;
  for (size_t i = 0; i < n; ++i) {
    const StoredRow r = b.row(i);
    if (check.fast(r, b.first + static_cast<int64_t>(i), prev, b.hashes[i]))
      b.fast[i] = r.kind == "checkpoint" ? kProvedCheckpoint : kProved;
    prev = as_hash(r.hash);
  }
  const size_t blocks = n / kBlock;
  b.blocks.resize(blocks);
  b.whole.assign(blocks, 0);
  for (size_t k = 0; k < blocks; ++k) {
    bool whole = true;
    for (size_t i = k * kBlock; whole && i < (k + 1) * kBlock; ++i) whole = b.fast[i] == kProved;
    if (!whole) continue;
    MerkleFrontier f;
    for (size_t i = k * kBlock; i < (k + 1) * kBlock; ++i) f.append(b.hashes[i], [](unsigned, uint64_t, const Hash&) {});
    b.blocks[k] = f.root();
    b.whole[k] = 1;
  }
}

// check_batch, keeping what it throws for the thread that takes the batch back.
void check_caught(Batch& b, RowCheck& check) {
  try {
    check_batch(b, check);
  } catch (...) {
    b.error = std::current_exception();
  }
}

// Worker threads taking batches from a queue. Destroying it stops and joins them (a batch being
// checked is finished first), so it must go before the batches it was given.
class Workers {
 public:
  explicit Workers(unsigned n) {
    try {
      for (unsigned i = 0; i < n; ++i) threads_.emplace_back([this] { run(); });
    } catch (...) {
      stop_and_join();
      throw;
    }
  }
  ~Workers() { stop_and_join(); }
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void submit(Batch* b) {
    {
      std::lock_guard<std::mutex> lock(m_);
      b->done = false;
      queue_.push_back(b);
    }
    work_.notify_one();
  }

  // The batch submitted last that no worker has started, taken back for the caller to check
  // itself while it would otherwise wait; nullptr unless at least one more waits for a worker
  // (a worker that runs out of work would only idle while the caller checks).
  Batch* steal() {
    std::lock_guard<std::mutex> lock(m_);
    if (queue_.size() < 2) return nullptr;
    Batch* b = queue_.back();
    queue_.pop_back();
    return b;
  }

  void wait(const Batch* b) {
    std::unique_lock<std::mutex> lock(m_);
    done_.wait(lock, [b] { return b->done; });
  }

 private:
  void run() {
    RowCheck check;  // one per thread: it keeps state between rows
    for (;;) {
      Batch* b = nullptr;
      {
        std::unique_lock<std::mutex> lock(m_);
        work_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (stop_) return;
        b = queue_.front();
        queue_.pop_front();
      }
      check_caught(*b, check);
      {
        std::lock_guard<std::mutex> lock(m_);
        b->done = true;
      }
      done_.notify_all();
    }
  }

  void stop_and_join() {
    {
      std::lock_guard<std::mutex> lock(m_);
      stop_ = true;
      queue_.clear();
    }
    work_.notify_all();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }

  std::mutex m_;
  std::condition_variable work_, done_;
  std::deque<Batch*> queue_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// The calling thread's side: reading, handing out, and taking back in order.
class Pipeline {
 public:
  Pipeline(Store& store, TreeCheck& tree, const PipelineOptions& o)
      : store_(store),
        tree_(tree),
        rows_((std::max<size_t>(o.batch_rows, 1) + kBlock - 1) / kBlock * kBlock),
        bytes_(o.batch_bytes) {
    for (unsigned i = 0; i < 2 * o.workers + 4; ++i) batches_.push_back(std::make_unique<Batch>());
    for (auto& b : batches_) free_.push_back(b.get());
    workers_ = std::make_unique<Workers>(o.workers);
  }
  ~Pipeline() { workers_.reset(); }  // joined before the batches go

  VerifyResult run() {
    cur_ = take(0, kZeroHash);
    store_.scan([this](const StoredRow& row) {
      cur_->add(row);
      const bool full = cur_->size() >= rows_ || (cur_->bytes.size() >= bytes_ && cur_->size() % kBlock == 0);
      return !full || hand_out();
    });
    if (res_.ok && cur_->size() > 0) {
      workers_->submit(cur_);
      pending_.push_back(cur_);
    }
    while (res_.ok && !pending_.empty()) take_back_oldest();
    if (res_.ok && res_.records == 0) {
      res_.ok = false;
      res_.problem = "the ledger has no genesis record";
    }
    return res_;
  }

 private:
  Batch* take(int64_t first, const Hash& prev) {
    Batch* b = free_.back();
    free_.pop_back();
    b->reset(first, prev);
    return b;
  }

  // Hands the current batch to the workers and starts the next; false when a record failed.
  bool hand_out() {
    const int64_t next = cur_->first + static_cast<int64_t>(cur_->size());
    const Hash prev = as_hash(cur_->row(cur_->size() - 1).hash);
    workers_->submit(cur_);
    pending_.push_back(cur_);
    while (free_.empty())
      if (!take_back_oldest()) return false;
    cur_ = take(next, prev);
    return true;
  }

  // Waits for the oldest batch and takes its records in order; false when one failed. Rather than
  // wait idle, this thread checks a batch no worker has started yet (the threads share the work
  // whatever their speeds: on two cores, one worker and this thread).
  bool take_back_oldest() {
    if (Batch* mine = workers_->steal()) {
      check_caught(*mine, check_);
      mine->done = true;  // no worker has it: only this thread looks at it now
    }
    Batch* b = pending_.front();
    workers_->wait(b);
    pending_.pop_front();
    if (b->error) std::rethrow_exception(b->error);
    const bool ok = take_back(*b);
    free_.push_back(b);
    return ok;
  }

  bool take_back(const Batch& b) {
    const bool blocks = tree_.takes_blocks();
    for (size_t i = 0; i < b.size();) {
      if (blocks && i % kBlock == 0 && i / kBlock < b.whole.size() && b.whole[i / kBlock]) {
        tree_.add_block(static_cast<uint64_t>(b.first) + i, b.blocks[i / kBlock]);
        i += kBlock;
        res_.records += kBlock;
        prev_ = res_.head = b.hashes[i - 1];
        continue;
      }
      const StoredRow row = b.row(i);
      Hash h = b.hashes[i];
      if (!b.fast[i]) {
        std::string problem = check_.check(row, res_.records, prev_, h, res_.ledger_id);
        if (!problem.empty()) {
          res_.ok = false;
          res_.bad_seq = row.seq;
          res_.problem = std::move(problem);
          return false;
        }
      }
      prev_ = res_.head = h;
      ++res_.records;
      tree_.add(CheckedRecord{row.seq, row.kind, h, row.data});
      ++i;
    }
    return true;
  }

  Store& store_;
  TreeCheck& tree_;
  const size_t rows_, bytes_;
  std::vector<std::unique_ptr<Batch>> batches_;
  std::vector<Batch*> free_;
  std::deque<Batch*> pending_;  // handed out, oldest first
  std::unique_ptr<Workers> workers_;
  Batch* cur_ = nullptr;
  RowCheck check_;
  Hash prev_ = kZeroHash;
  VerifyResult res_;
};

}  // namespace

VerifyResult verify_pipelined(Store& store, TreeCheck& tree, const PipelineOptions& options) {
  auto sequential = [&] { return verify_chain(store, [&](const CheckedRecord& r) { tree.add(r); }); };
  if (options.workers == 0) return sequential();
  std::unique_ptr<Pipeline> p;
  try {
    p = std::make_unique<Pipeline>(store, tree, options);
  } catch (const std::system_error&) {  // no threads to be had: the same checks in this thread
    return sequential();
  }
  return p->run();
}

}  // namespace verdeel::ledger
