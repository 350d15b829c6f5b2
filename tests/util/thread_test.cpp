#include <catch2/catch.hpp>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "util/thread.h"

using verdeel::cores_beside;
using verdeel::Thread;

namespace {
cpu_set_t cores(std::initializer_list<int> list) {
  cpu_set_t s;
  CPU_ZERO(&s);
  for (int c : list) CPU_SET(c, &s);
  return s;
}

bool same(const cpu_set_t& a, const cpu_set_t& b) { return CPU_EQUAL(&a, &b) != 0; }
}  // namespace

TEST_CASE("A new thread may start on every allowed core but its maker's", "[util][thread]") {
  CHECK(same(cores_beside(cores({0, 1}), 0), cores({1})));
  CHECK(same(cores_beside(cores({0, 1}), 1), cores({0})));
  CHECK(same(cores_beside(cores({0, 2, 5, 7}), 5), cores({0, 2, 7})));
  // The maker's core not among the allowed ones (it moved meanwhile): all of them.
  CHECK(same(cores_beside(cores({2, 3}), 0), cores({2, 3})));
  // One core, or none known: no other core to start on, so none is asked for.
  const cpu_set_t none = cores_beside(cores({4}), 4);
  CHECK(CPU_COUNT(&none) == 0);
  CHECK(same(cores_beside(cores({0, 1}), -1), cores({0, 1})));
  CHECK(same(cores_beside(cores({0, 1}), CPU_SETSIZE), cores({0, 1})));
}

TEST_CASE("A thread runs its body and is joined, and is not held to the core it started on", "[util][thread]") {
  cpu_set_t maker;
  REQUIRE(sched_getaffinity(0, sizeof maker, &maker) == 0);
  std::vector<Thread> threads;
  std::atomic<int> ran{0}, free_as_its_maker{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      cpu_set_t mine;
      if (sched_getaffinity(0, sizeof mine, &mine) == 0 && CPU_EQUAL(&mine, &maker)) ++free_as_its_maker;
      ++ran;
    });
  for (auto& t : threads) {
    REQUIRE(t.joinable());
    t.join();
    CHECK_FALSE(t.joinable());
  }
  CHECK(ran == 4);
  CHECK(free_as_its_maker == 4);  // started beside its maker, then given back every core
  CHECK_THROWS_AS(threads.front().join(), std::system_error);
}

TEST_CASE("A moved thread is joined through its new owner", "[util][thread]") {
  std::atomic<bool> ran{false};
  Thread a([&] { ran = true; });
  Thread b(std::move(a));
  CHECK_FALSE(a.joinable());
  REQUIRE(b.joinable());
  b.join();
  CHECK(ran);
}
