// The lock fixes name std::unique_lock and std::scoped_lock: when the file
// has not declared them (a mutex of its own, no <mutex>), the fix includes
// <mutex>, once even when both checks ask for it.
// RUN: %check_async_tidy --fix-notes %s async-manual-lock-unlock,async-unguarded-member %t \
// RUN:   -config="{CheckOptions: {async-manual-lock-unlock.MutexTypes: '::app::Mutex', async-unguarded-member.MutexTypes: '::app::Mutex'}}" \
// RUN:   -- -std=c++17

#include <vector>
// CHECK-FIXES: {{^}}#include <mutex>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <vector>{{$}}

void validate(int) noexcept(false);

namespace app {
struct Mutex {
  void lock();
  void unlock() noexcept;
};
} // namespace app

class Pool {
public:
  void put(int block) {
    mutex_.lock();
    validate(block);
    free_.push_back(block);
    mutex_.unlock();
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:5: warning: mutex 'mutex_' is locked and unlocked by hand
  // CHECK-FIXES: {{^}}    std::unique_lock lock(mutex_);{{$}}
  // CHECK-FIXES: {{^}}    lock.unlock();{{$}}
  void clear() { free_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'free_' is written without holding 'mutex_'
  // CHECK-FIXES: {{^}}  void clear() { std::scoped_lock lock(mutex_); free_.clear(); }{{$}}

private:
  app::Mutex mutex_;
  std::vector<int> free_;
};
