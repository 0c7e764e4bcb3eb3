// RUN: %check_async_tidy %s async-callback-under-lock %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=OPTS %s async-callback-under-lock %t-opts \
// RUN:   -config="{CheckOptions: {async-callback-under-lock.CallbackFunctions: '::app::Promise::resolve', async-callback-under-lock.CallbackTypes: ''}}" -- -std=c++17

#include <functional>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace app {
struct Promise {
  void resolve(int value);
};
} // namespace app

// The reviews' handler that resolves waiters while it still holds its
// state: a waiter that calls back into the dispatcher deadlocks.
class Dispatcher {
public:
  void subscribe(std::function<void(int)> listener) {
    std::lock_guard<std::mutex> lock(mutex_);
    listeners_.push_back(std::move(listener));
  }

  void publish(int event) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto &listener : listeners_)
      listener(event);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: a callable object is called with a lock held: the code it runs can take the same lock, or wait for this thread, and deadlock [async-callback-under-lock]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: the lock is taken here; copy what to call under the lock and call it after releasing it
  }

  void publishThroughPointer(void (*handler)(int) noexcept, int event) {
    mutex_.lock();
    handler(event);
    mutex_.unlock();
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: a function pointer is called with a lock held
    // CHECK-MESSAGES-OPTS: :[[@LINE-3]]:5: warning: a function pointer is called
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the lock is taken here
  }

  void resolve(app::Promise &promise, int value) {
    std::unique_lock<std::mutex> lock(mutex_);
    {
      std::lock_guard<std::mutex> inner(other_);
      promise.resolve(value);
      // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:7: warning: 'app::Promise::resolve' is called with a lock held
    }
  }

  // A member function pointer, under a guard of an enclosing block.
  void dispatch(void (Dispatcher::*step)(int), int value) {
    std::scoped_lock lock(mutex_);
    if (value > 0) {
      (this->*step)(value);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: a function pointer is called with a lock held
      // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:7: warning: a function pointer is called
      // CHECK-NOTES: :[[@LINE-5]]:5: note: the lock is taken here
    }
  }

  // ---- must not flag ----

  // Copied out under the lock, called after it is released.
  void publishSafely(int event) {
    std::vector<std::function<void(int)>> copy;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      copy = listeners_;
    }
    for (auto &listener : copy)
      listener(event);
  }
  void publishAfterUnlock(int event) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto copy = listeners_;
    lock.unlock();
    for (auto &listener : copy)
      listener(event);
  }
  // Known code: a lambda, a member function, a free function.
  void known(int event) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto count = [&] { return listeners_.size(); };
    count();
    helper(event);
  }
  // No lock held.
  void unlocked(const std::function<void()> &done) { done(); }
  // A template's callable is not known yet: with_lock helpers run it under
  // the lock on purpose.
  template <typename F> void withLock(F &&f) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::forward<F>(f)();
  }
  // A callable stored under the lock, not called.
  void replace(std::function<void(int)> listener) {
    std::lock_guard<std::mutex> lock(mutex_);
    listeners_.assign(1, std::move(listener));
  }

private:
  void helper(int) {}
  std::mutex mutex_, other_;
  std::vector<std::function<void(int)>> listeners_;
};

// Locks taken without a guard: std::lock, and a try_lock that returns on
// failure. The lock model finds the blocks that lock (takesLock).
std::mutex left, right;
std::function<void()> notify;
void both() {
  std::lock(left, right);
  notify();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: a callable object is called with a lock held: the code it runs can take the same lock, or wait for this thread, and deadlock [async-callback-under-lock]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here; copy what to call under the lock and call it after releasing it
  right.unlock();
  left.unlock();
}
void tried() {
  if (!left.try_lock())
    return;
  notify();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: a callable object is called with a lock held: the code it runs can take the same lock, or wait for this thread, and deadlock [async-callback-under-lock]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here; copy what to call under the lock and call it after releasing it
  left.unlock();
}
// Released before the call: nothing to report.
void released() {
  std::lock(left, right);
  right.unlock();
  left.unlock();
  notify();
}
