#include "ledger/verify_pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "ledger/merkle.h"
#include "ledger/verify_row.h"
#include "util/thread.h"

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

  // A worker's findings (valid once `done`), sized by the reading thread before it hands the
  // batch out, so that a worker only writes into them.
  std::vector<Hash> hashes;          // of every row the fast path proved
  std::vector<unsigned char> fast;   // RowCheck::fast proved the row: kProved, or kProvedCheckpoint
  std::vector<Hash> blocks;          // root of the k-th block of kBlock rows (block_start() on) ...
  std::vector<unsigned char> whole;  // ... when all of them were proved and none is a checkpoint
  bool done = false;

  size_t size() const { return seqs.size(); }
  // The first row that starts a Merkle block (a seq that is a multiple of kBlock).
  size_t block_start() const { return (kBlock - static_cast<size_t>(first) % kBlock) % kBlock; }
  size_t block_count() const { return size() > block_start() ? (size() - block_start()) / kBlock : 0; }

  // Empties the batch for rows from first_seq on, with room for `rows` rows of `bytes_wanted`
  // bytes in all from the start: grown by doubling, every batch would copy its rows again and
  // touch about twice the memory it holds, and each page of memory touched for the first time
  // costs the kernel a page fault (about a quarter of the reading thread's time at 10^4 records).
  void reset(int64_t first_seq, const Hash& before, size_t rows, size_t bytes_wanted) {
    first = first_seq;
    prev = before;
    if (bytes.capacity() > 4 * bytes_wanted) std::string().swap(bytes);  // after a huge record
    bytes.clear();
    seqs.clear();
    ends.clear();
    bytes.reserve(bytes_wanted);
    seqs.reserve(rows);
    ends.reserve(rows * kColumns);
    done = false;
  }

  void size_findings() {
    hashes.resize(size());
    fast.assign(size(), 0);
    blocks.resize(block_count());
    whole.assign(block_count(), 0);
  }

  // The row counts (seqs) once all of it is in: a row half added by a failing allocation is not.
  void add(const StoredRow& r) {
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
    } else {
      for (const std::string_view& c : v) {
        if (!c.empty()) bytes.append(c.data(), c.size());
        ends.push_back(bytes.size());
      }
    }
    seqs.push_back(r.seq);
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

// What a worker does with a batch: the fast check of every row, then the Merkle blocks. Nothing
// here fails: whatever goes wrong (memory, OpenSSL) leaves rows unproved, and the calling thread
// checks those itself with RowCheck::check, in order, where the same failure, if it persists,
// is met exactly where one thread would meet it.
void check_batch(Batch& b, RowCheck& check) noexcept {
  Hash prev = b.prev;
  for (size_t i = 0; i < b.size(); ++i) {
    const StoredRow r = b.row(i);
    try {
      if (check.fast(r, b.first + static_cast<int64_t>(i), prev, b.hashes[i]))
        b.fast[i] = r.kind == "checkpoint" ? kProvedCheckpoint : kProved;
    } catch (...) {  // unproved: see above
    }
    prev = as_hash(r.hash);
  }
  for (size_t k = 0; k < b.block_count(); ++k) {
    const size_t from = b.block_start() + k * kBlock;
    bool whole = true;
    for (size_t i = from; whole && i < from + kBlock; ++i) whole = b.fast[i] == kProved;
    if (!whole) continue;
    try {
      MerkleFrontier f;
      for (size_t i = from; i < from + kBlock; ++i) f.append(b.hashes[i], [](unsigned, uint64_t, const Hash&) {});
      b.blocks[k] = f.root();
      b.whole[k] = 1;
    } catch (...) {  // the rows are added one by one instead
    }
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
      check_batch(*b, check);
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
  std::vector<Thread> threads_;  // started beside the reading thread (util/thread.h)
};

// The calling thread's side: reading, handing out, and taking back in order.
class Pipeline {
 public:
  Pipeline(Store& store, TreeCheck& tree, const PipelineOptions& o)
      : store_(store),
        tree_(tree),
        options_(o),
        rows_(std::max<size_t>(o.batch_rows, 1)),
        bytes_(std::max<size_t>(o.batch_bytes, 1)),
        in_flight_bytes_((2 * size_t{o.workers} + 4) * bytes_) {
    for (unsigned i = 0; i < 2 * o.workers + 4; ++i) batches_.push_back(std::make_unique<Batch>());
    for (auto& b : batches_) free_.push_back(b.get());
    workers_ = std::make_unique<Workers>(o.workers);
  }
  ~Pipeline() { workers_.reset(); }  // joined before the batches go

  VerifyResult run() {
    cur_ = take(0, kZeroHash);
    try {
      store_.scan([this](const StoredRow& row) {
        try {
          cur_->add(row);
          return (cur_->size() < rows_ && cur_->bytes.size() < bytes_) || hand_out();
        } catch (...) {
          broken_ = true;  // this side failed (memory, the tree check): nothing more is taken back
          throw;
        }
      });
    } catch (...) {
      // SQLite could not read on (a damaged page): one thread would have named any bad record
      // before that point first, so the rows read so far are checked before the error is told.
      if (broken_) throw;
      finish();
      if (res_.ok) throw;
      return res_;
    }
    finish();
    if (res_.ok && res_.records == 0) {
      res_.ok = false;
      res_.problem = "the ledger has no genesis record";
    }
    if (options_.stolen) *options_.stolen = stolen_;
    return res_;
  }

 private:
  Batch* take(int64_t first, const Hash& prev) {
    Batch* b = free_.back();
    free_.pop_back();
    b->reset(first, prev, rows_, bytes_);
    return b;
  }

  void submit(Batch* b) {
    b->size_findings();
    pending_bytes_ += b->bytes.size();
    workers_->submit(b);
    pending_.push_back(b);
  }

  // Takes back everything handed out and the rows read since, in order, until a record fails.
  void finish() {
    if (res_.ok && cur_->size() > 0) submit(cur_);
    while (res_.ok && !pending_.empty()) take_back_oldest();
  }

  // Hands the current batch to the workers and starts the next; false when a record failed.
  // Waits while every batch is out, or while the batches out hold more than their share of
  // bytes (a few records of many megabytes), so memory stays bounded.
  bool hand_out() {
    const int64_t next = cur_->first + static_cast<int64_t>(cur_->size());
    const Hash prev = as_hash(cur_->row(cur_->size() - 1).hash);
    submit(cur_);
    while (free_.empty() || (pending_bytes_ > in_flight_bytes_ && !pending_.empty()))
      if (!take_back_oldest()) return false;
    cur_ = take(next, prev);
    return true;
  }

  // Waits for the oldest batch and takes its records in order; false when one failed. Rather than
  // wait idle, this thread checks a batch no worker has started yet (the threads share the work
  // whatever their speeds: on two cores, one worker and this thread).
  bool take_back_oldest() {
    if (Batch* mine = workers_->steal()) {
      check_batch(*mine, check_);
      mine->done = true;  // no worker has it: only this thread looks at it now
      ++stolen_;
    }
    Batch* b = pending_.front();
    workers_->wait(b);
    pending_.pop_front();
    pending_bytes_ -= b->bytes.size();
    const bool ok = take_back(*b);
    free_.push_back(b);
    return ok;
  }

  bool take_back(const Batch& b) {
    const bool blocks = tree_.takes_blocks();
    for (size_t i = 0; i < b.size();) {
      if (blocks && i >= b.block_start() && (i - b.block_start()) % kBlock == 0) {
        const size_t k = (i - b.block_start()) / kBlock;
        if (k < b.block_count() && b.whole[k]) {
          tree_.add_block(static_cast<uint64_t>(b.first) + i, b.blocks[k]);
          i += kBlock;
          res_.records += kBlock;
          prev_ = res_.head = b.hashes[i - 1];
          continue;
        }
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
  const PipelineOptions options_;
  const size_t rows_, bytes_, in_flight_bytes_;
  std::vector<std::unique_ptr<Batch>> batches_;
  std::vector<Batch*> free_;
  std::deque<Batch*> pending_;  // handed out, oldest first
  size_t pending_bytes_ = 0;
  std::unique_ptr<Workers> workers_;
  Batch* cur_ = nullptr;
  RowCheck check_;
  Hash prev_ = kZeroHash;
  VerifyResult res_;
  size_t stolen_ = 0;
  bool broken_ = false;
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
