#include "util/thread.h"

#include <exception>
#include <memory>
#include <system_error>
#include <utility>

namespace verdeel {
namespace {

struct Start {
  std::function<void()> body;
  cpu_set_t every;      // the maker's cores, given back at the start
  bool placed = false;  // started on cores_beside: `every` is to be given back
};

void* begin(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
  // Failing leaves the thread on the cores it was placed on: still correct, only less free.
  if (start->placed) pthread_setaffinity_np(pthread_self(), sizeof start->every, &start->every);
  try {
    start->body();
  } catch (...) {
    std::terminate();
  }
  return nullptr;
}

}  // namespace

cpu_set_t cores_beside(const cpu_set_t& allowed, int here) {
  cpu_set_t out = allowed;
  if (here >= 0 && here < CPU_SETSIZE) CPU_CLR(here, &out);
  return out;
}

Thread::Thread(std::function<void()> body) {
  auto start = std::make_unique<Start>();
  start->body = std::move(body);
  pthread_attr_t attr;
  if (int rc = pthread_attr_init(&attr); rc != 0)
    throw std::system_error(rc, std::generic_category(), "cannot start a thread");
  if (sched_getaffinity(0, sizeof start->every, &start->every) == 0) {
    const cpu_set_t beside = cores_beside(start->every, sched_getcpu());
    start->placed = CPU_COUNT(&beside) > 0 && pthread_attr_setaffinity_np(&attr, sizeof beside, &beside) == 0;
  }
  int rc = pthread_create(&id_, &attr, begin, start.get());
  pthread_attr_destroy(&attr);
  if (rc != 0 && start->placed) {  // a core gone offline meanwhile, say: start it anywhere
    start->placed = false;
    rc = pthread_create(&id_, nullptr, begin, start.get());
  }
  if (rc != 0) throw std::system_error(rc, std::generic_category(), "cannot start a thread");
  start.release();  // the thread's now
  joinable_ = true;
}

Thread::Thread(Thread&& other) noexcept : id_(other.id_), joinable_(std::exchange(other.joinable_, false)) {}

Thread::~Thread() {
  if (joinable_) std::terminate();
}

void Thread::join() {
  if (!joinable_) throw std::system_error(std::make_error_code(std::errc::invalid_argument), "join: no thread");
  if (int rc = pthread_join(id_, nullptr); rc != 0) throw std::system_error(rc, std::generic_category(), "join");
  joinable_ = false;
}

}  // namespace verdeel
