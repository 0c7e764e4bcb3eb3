// A user's own thread class, through ThreadTypes (which replaces the default
// list), including threads emplaced into a container of them.
// RUN: %check_async_tidy %s async-exception-escaping-thread %t \
// RUN:   -config="{CheckOptions: {async-exception-escaping-thread.ThreadTypes: '::rt::Worker'}}" -- -std=c++17

#include <stdexcept>
#include <thread>
#include <vector>

namespace rt {
class Worker {
public:
  template <typename F> explicit Worker(F function) { (void)function; }
};
} // namespace rt

void fail() { throw std::runtime_error("fail"); }

void userThreads() {
  rt::Worker worker([] { fail(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: an exception can escape this thread's entry lambda
  std::vector<rt::Worker> pool;
  pool.emplace_back(fail);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: an exception can escape this thread's entry function 'fail'
  std::thread standard(fail); // not a listed thread type any more
  standard.join();
}
