#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "util/ordered_jobs.h"

using verdeel::OrderedJobs;

TEST_CASE("Results come back in the order the jobs were added, whatever the number of workers", "[util][jobs]") {
  for (unsigned workers : {0u, 1u, 3u}) {
    INFO(workers);
    OrderedJobs<int> jobs(workers);
    std::vector<size_t> ids;
    for (int i = 0; i < 50; ++i)
      ids.push_back(jobs.add([i] {
        std::this_thread::sleep_for(std::chrono::microseconds((50 - i) * 20));  // later jobs finish first
        return i * i;
      }));
    for (int i = 0; i < 50; ++i) CHECK(jobs.take(ids[static_cast<size_t>(i)]) == i * i);
  }
}

TEST_CASE("Without workers every job runs in the owner's thread, when its result is taken", "[util][jobs]") {
  OrderedJobs<std::thread::id> jobs(0);
  std::atomic<int> ran{0};
  size_t a = jobs.add([&] { return ++ran, std::this_thread::get_id(); });
  size_t b = jobs.add([&] { return ++ran, std::this_thread::get_id(); });
  CHECK(ran == 0);
  CHECK(jobs.take(a) == std::this_thread::get_id());
  CHECK(jobs.take(b) == std::this_thread::get_id());
  CHECK(ran == 2);
}

TEST_CASE("A job's exception is rethrown by taking its result, and the other jobs are unaffected", "[util][jobs]") {
  for (unsigned workers : {0u, 1u, 2u}) {
    INFO(workers);
    OrderedJobs<int> jobs(workers);
    size_t a = jobs.add([] { return 1; });
    size_t b = jobs.add([]() -> int { throw std::runtime_error("province B: bad input"); });
    size_t c = jobs.add([] { return 3; });
    CHECK(jobs.take(a) == 1);
    CHECK_THROWS_WITH(jobs.take(b), "province B: bad input");
    CHECK(jobs.take(c) == 3);
  }
}

TEST_CASE("The owner runs a job nobody has started while it waits, so a busy worker never stalls it", "[util][jobs]") {
  // Job 0 finishes only after job 1 has run. One worker holds job 0 (or the owner does, and the
  // worker then runs job 1): either way the two threads must share the jobs, or take(0) would wait
  // for ever. The wait is bounded so that a broken helper fails instead of hanging.
  OrderedJobs<bool> jobs(1);
  std::mutex m;
  std::condition_variable cv;
  bool second_ran = false;
  size_t first = jobs.add([&] {
    std::unique_lock<std::mutex> lock(m);
    return cv.wait_for(lock, std::chrono::seconds(20), [&] { return second_ran; });
  });
  size_t second = jobs.add([&] {
    {
      std::lock_guard<std::mutex> lock(m);
      second_ran = true;
    }
    cv.notify_all();
    return true;
  });
  CHECK(jobs.take(first));
  CHECK(jobs.take(second));
}

TEST_CASE("Jobs may be added while earlier ones run, and destroying the runner with jobs left is safe", "[util][jobs]") {
  std::atomic<int> ran{0};
  {
    OrderedJobs<int> jobs(2);
    size_t first = jobs.add([&] { return ++ran; });
    CHECK(jobs.take(first) == 1);
    for (int i = 0; i < 20; ++i) jobs.add([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return ++ran;
      });
  }  // not taken: the workers start nothing more and are joined
  CHECK(ran >= 1);
  CHECK(ran <= 21);
}
