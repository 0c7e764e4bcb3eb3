// A co_return between lock() and unlock() leaves the mutex locked, as a
// return does; locks in macros are reported at the use and never edited.
// A bare lock() in a coroutine also blocks: async-blocking-call-in-coroutine
// reports it too.
// RUN: %check_async_tidy --fix-notes --allow-other=async-blocking-call-in-coroutine,async-lock-across-suspend %s async-manual-lock-unlock %t -- -std=c++20 -I%inputs

#include "task.h"

#include <mutex>

std::mutex cache_mutex;
int cache = 0;

lib::task<int> cached(bool refresh) {
  cache_mutex.lock();
  if (!refresh)
    co_return cache;
  cache = 0;
  cache_mutex.unlock();
  co_return cache;
  // CHECK-NOTES: :[[@LINE-6]]:3: warning: mutex 'cache_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-5]]:5: note: this co_return leaves 'cache_mutex' locked
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'cache_mutex' is unlocked only here
  // CHECK-NOTES: :[[@LINE-9]]:3: note: hold 'cache_mutex' in a std::unique_lock, which unlocks it on the ways out that left it locked
  // CHECK-FIXES: {{^}}  std::unique_lock lock(cache_mutex);{{$}}
  // CHECK-FIXES: {{^}}  lock.unlock();{{$}}
}

void validate(int value) noexcept(false);

#define LOCK_CACHE() cache_mutex.lock()
#define UNLOCK_CACHE() cache_mutex.unlock()

void throughMacros(int value) {
  LOCK_CACHE();
  validate(value);
  cache = value;
  UNLOCK_CACHE();
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: mutex 'cache_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :31:22: note: expanded from macro 'LOCK_CACHE'
  // CHECK-NOTES: :[[@LINE-5]]:3: note: this call may throw, leaving 'cache_mutex' locked
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'cache_mutex' is unlocked only here
  // CHECK-NOTES: :32:24: note: expanded from macro 'UNLOCK_CACHE'
}

// The same when only the unlock() is a macro: no edit either, since that
// unlock() could not be rewritten.
void unlockThroughMacro(int value) {
  cache_mutex.lock();
  validate(value);
  UNLOCK_CACHE();
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: mutex 'cache_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-3]]:3: note: this call may throw, leaving 'cache_mutex' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'cache_mutex' is unlocked only here
  // CHECK-NOTES: :32:24: note: expanded from macro 'UNLOCK_CACHE'
}
