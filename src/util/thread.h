#pragma once
// A worker thread that starts on another core than the thread that makes it (docs/performance.md,
// "A new worker thread starts on an idle core").
//
// Linux puts a new thread on the core of the thread that made it. Every command that starts
// workers keeps that core busy meanwhile (it reads, computes or appends), so the new thread waited
// there until the scheduler's periodic balancing moved it to the idle core: measured on the
// machine of docs/performance.md, 3.8 ms (a scheduler tick) when the maker stays busy, against
// 0.1-0.2 ms when the thread is placed on the idle core at once. decide, import and verify live
// 15-25 ms; their second core came that late in about half the runs. So Thread asks the kernel to
// place it on one of the other cores this thread may use, and, once running, gives itself back
// every core its maker may use: where it starts, not where it must stay.
#include <pthread.h>
#include <sched.h>

#include <functional>

namespace verdeel {

// The cores a new thread may start on: those in `allowed` but `here` (the maker's core); empty
// when `allowed` holds no other (one core, or a process pinned to one), and then the thread starts
// wherever the kernel puts it. Pure, for the tests.
cpu_set_t cores_beside(const cpu_set_t& allowed, int here);

class Thread {
 public:
  // Starts `body` on a new thread; throws std::system_error when no thread can be started. An
  // exception that leaves `body` ends the process (std::terminate), as with std::thread.
  explicit Thread(std::function<void()> body);
  Thread(Thread&& other) noexcept;
  Thread& operator=(Thread&&) = delete;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  ~Thread();  // std::terminate when still joinable, as std::thread

  bool joinable() const { return joinable_; }
  void join();

 private:
  pthread_t id_{};
  bool joinable_ = false;
};

}  // namespace verdeel
