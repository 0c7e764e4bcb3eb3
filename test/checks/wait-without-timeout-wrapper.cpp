// The implementation of a wait (a member function named wait, get or join
// that waits on its own object's member) is not reported: its callers' waits
// are.
// RUN: %check_async_tidy %s async-wait-without-timeout %t -- -std=c++17

#include <condition_variable>
#include <future>
#include <mutex>

class Event {
public:
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock);
  }
  void Wait() { wait(); }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
};

template <typename T> class Future {
public:
  T get() {
    future_.wait();
    return future_.get();
  }

private:
  std::future<T> future_;
};

// A function of another name that waits on its member is reported.
class Worker {
public:
  void finish() { done_.wait(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'wait' on a future that is not known to be ready: {{.*}} [async-wait-without-timeout]

private:
  std::future<void> done_;
};

// So is a wait of that name on something that is not its object's.
struct Joiner {
  void wait(std::future<void> &other) { other.wait(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'wait' on a future that is not known to be ready: {{.*}} [async-wait-without-timeout]
};
