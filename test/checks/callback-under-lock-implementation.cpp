// A library's implementation namespace (detail, details, internal, impl,
// *_internal) calls what the library itself gave it: not reported, unless a
// public function of the translation unit hands the user's callable on to
// it (as spdlog::apply_all does to details::registry::apply_all).
// RUN: %check_async_tidy %s async-callback-under-lock %t -- -std=c++17

#include <functional>
#include <mutex>
#include <vector>

namespace lib {
namespace details {
class Backtracer {
public:
  // Only the logger calls this, with its own sink.
  void foreachPop(const std::function<void(int)> &fun) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int message : messages_)
      fun(message);
  }

private:
  std::mutex mutex_;
  std::vector<int> messages_;
};

class Registry {
public:
  void applyAll(const std::function<void(int)> &fun) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int logger : loggers_)
      fun(logger);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: a callable object is called with a lock held: {{.*}} [async-callback-under-lock]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: the lock is taken here
  }
  static Registry &instance();

private:
  std::mutex mutex_;
  std::vector<int> loggers_;
};
} // namespace details

class Logger {
public:
  void dumpBacktrace() {
    tracer_.foreachPop([this](int message) { sink(message); });
  }

private:
  void sink(int message);
  details::Backtracer tracer_;
};

// The public entry point: the user's callable reaches the registry's lock.
inline void applyAll(const std::function<void(int)> &fun) {
  details::Registry::instance().applyAll(fun);
}

// Outside implementation namespaces, a callable under a lock is reported.
class Notifier {
public:
  void notify(const std::function<void()> &callback) {
    std::lock_guard<std::mutex> lock(mutex_);
    callback();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a callable object is called with a lock held: {{.*}} [async-callback-under-lock]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the lock is taken here
  }

private:
  std::mutex mutex_;
};
} // namespace lib
