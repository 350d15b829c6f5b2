#pragma once
// Jobs run on other cores, their results taken in the order the jobs were given
// (docs/performance.md, "What was made faster"). The owner thread adds jobs and takes each result
// by its number; worker threads start the jobs in the order they were added, and the owner runs
// any job nobody has started yet while it waits for the one it needs. So what the owner sees
// (results, and the first exception, rethrown by take) is the same with or without the worker,
// and the two cores stay busy whichever is faster. Jobs must not share mutable state.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "util/thread.h"

namespace verdeel {

template <typename Result>
class OrderedJobs {
 public:
  // With no workers every job runs in the owner's thread, when take() asks for it.
  explicit OrderedJobs(unsigned workers) {
    try {
      for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
    } catch (...) {  // a thread that could not be started: join those that were
      close();
      throw;
    }
  }
  ~OrderedJobs() { close(); }
  OrderedJobs(const OrderedJobs&) = delete;
  OrderedJobs& operator=(const OrderedJobs&) = delete;

  // Adds a job; returns its number (0, 1, ...).
  size_t add(std::function<Result()> job) {
    size_t n;
    {
      std::lock_guard<std::mutex> lock(m_);
      n = slots_.size();
      slots_.push_back(Slot{std::move(job), std::nullopt, nullptr, false});
    }
    cv_.notify_all();
    return n;
  }

  // The result of job n, once; rethrows what the job threw.
  Result take(size_t n) {
    std::unique_lock<std::mutex> lock(m_);
    while (!slots_[n].done) {
      if (next_ < slots_.size()) {
        run(next_++, lock);  // help: start the next job nobody has started
        continue;
      }
      cv_.wait(lock);
    }
    Slot& s = slots_[n];
    if (s.error) std::rethrow_exception(s.error);
    Result r = std::move(*s.result);
    s.result.reset();
    return r;
  }

 private:
  struct Slot {
    std::function<Result()> job;
    std::optional<Result> result;
    std::exception_ptr error;
    bool done;
  };

  // Lets the workers finish the jobs they started, starts no more, and joins them.
  void close() {
    {
      std::lock_guard<std::mutex> lock(m_);
      closed_ = true;
    }
    cv_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

  // Runs job i with the lock released; marks it done under the lock.
  void run(size_t i, std::unique_lock<std::mutex>& lock) {
    std::function<Result()> job = std::move(slots_[i].job);
    lock.unlock();
    std::optional<Result> result;
    std::exception_ptr error;
    try {
      result.emplace(job());
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    slots_[i].result = std::move(result);  // a deque: adding jobs meanwhile moved no slot
    slots_[i].error = error;
    slots_[i].done = true;
    cv_.notify_all();
  }

  void work() {
    std::unique_lock<std::mutex> lock(m_);
    for (;;) {
      cv_.wait(lock, [this] { return closed_ || next_ < slots_.size(); });
      if (closed_) return;  // the owner is gone: start nothing more
      run(next_++, lock);
    }
  }

  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Slot> slots_;
  size_t next_ = 0;  // the first job nobody has started
  bool closed_ = false;
  std::vector<Thread> workers_;  // started beside the owner (util/thread.h)
};

}  // namespace verdeel
