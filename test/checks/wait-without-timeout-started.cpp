// A function that waits for work it started itself (fork/join, a
// synchronous wrapper over a queue) is not reported: the wait is its
// purpose, and whether it can hang depends on the work. A future that comes
// from elsewhere is reported, through aliases, references and structured
// bindings; so is the first of two waits on one future, and only the first.
// RUN: %check_async_tidy %s async-wait-without-timeout %t -- -std=c++17

#include <future>
#include <map>
#include <utility>
#include <vector>

struct Pool {
  template <typename F> std::future<int> submit(F job) {
    return std::async(std::launch::async, job);
  }
  std::future<void> post_flush();
};

// ---- not reported -------------------------------------------------------------

int forkJoin(Pool &pool) {
  std::vector<std::future<int>> parts;
  for (int i = 0; i < 4; ++i)
    parts.push_back(pool.submit([i] { return i; }));
  int sum = 0;
  for (auto &part : parts)
    sum += part.get();
  sum += parts[1].get();
  return sum;
}

int startedHere(Pool &pool) {
  auto job = std::async(std::launch::async, [] { return 1; });
  pool.submit([] { return 2; }).wait();
  std::future<void> flushed = pool.post_flush();
  flushed.get();
  auto [id, reply] = std::make_pair(7, pool.submit([] { return 3; }));
  return job.get() + id + reply.get();
}

// A member function of the future's own wrapper, after one that waited.
class Completion {
public:
  void wait() { done_.wait(); }
  void result() {
    this->wait();
    this->done_.get();
  }

private:
  std::future<void> done_;
};

// ---- reported -----------------------------------------------------------------

using Reply = std::future<int>;

class Client {
public:
  int first() {
    auto &[id, reply] = *pending_.begin();
    return id + reply.get();
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'get' on a future that is not known to be ready: if the result never comes, the thread blocks forever [async-wait-without-timeout]
  }
  int last() {
    Reply taken = std::move(last_);
    return taken.get();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'get' on a future that is not known to be ready: {{.*}} [async-wait-without-timeout]
  }
  int twice() {
    last_.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'wait' on a future that is not known to be ready: {{.*}} [async-wait-without-timeout]
    return last_.get();
  }

private:
  std::map<int, Reply> pending_;
  Reply last_;
};
