// A header that several fixes need is inserted by the first of them, unless
// a NOLINT comment may suppress that one: then the next fix inserts it too,
// and the fixed file still compiles.
// RUN: %check_async_tidy --fix-notes %s async-manual-lock-unlock,async-unguarded-member,async-swallowed-exception %t \
// RUN:   -config="{CheckOptions: {async-manual-lock-unlock.MutexTypes: '::app::Mutex', async-unguarded-member.MutexTypes: '::app::Mutex', async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <vector>
// CHECK-FIXES-DAG: {{^}}#include <exception>{{$}}
// CHECK-FIXES-DAG: {{^}}#include <mutex>{{$}}

template <typename Error> void report(Error);
void validate(int);

namespace app {
struct Mutex {
  void lock();
  void unlock() noexcept;
};
} // namespace app

class Pool {
public:
  void put(int block) {
    mutex_.lock(); // NOLINT(async-manual-lock-unlock)
    validate(block);
    free_.push_back(block);
    mutex_.unlock();
  }
  void clear() { free_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'free_' is written without holding 'mutex_'
  // CHECK-FIXES: {{^}}  void clear() { std::scoped_lock lock(mutex_); free_.clear(); }{{$}}

private:
  app::Mutex mutex_;
  std::vector<int> free_;
};

void first() {
  try {
    validate(1);
  } catch (...) { // NOLINT(async-swallowed-exception)
  }
}
void second() {
  try {
    validate(2);
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}    report(std::current_exception());{{$}}
}
