// A bare lock() in a coroutine also blocks: async-blocking-call-in-coroutine
// reports those calls too, as its own tests show, and async-manual-lock-unlock
// a bare lock() whose region can throw.
// RUN: %check_async_tidy --allow-other=async-blocking-call-in-coroutine,async-manual-lock-unlock %s async-lock-across-suspend %t -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --allow-other=async-blocking-call-in-coroutine,async-manual-lock-unlock --check-suffix=FIX --fix-notes %s async-lock-across-suspend %t-fix -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --allow-other=async-blocking-call-in-coroutine,async-manual-lock-unlock --check-suffix=ASYNC %s async-lock-across-suspend %t-async \
// RUN:   -config="{CheckOptions: {async-lock-across-suspend.AsyncMutexTypes: '::app::AsyncMutex', async-lock-across-suspend.GuardTypes: '::std::lock_guard;::app::Guard', async-lock-across-suspend.MutexTypes: '::std::mutex;::app::AsyncMutex'}}" \
// RUN:   -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --allow-other=async-blocking-call-in-coroutine,async-manual-lock-unlock --check-suffix=NOASYNC %s async-lock-across-suspend %t-noasync \
// RUN:   -config="{CheckOptions: {async-lock-across-suspend.GuardTypes: '', async-lock-across-suspend.MutexTypes: '::app::AsyncMutex'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <mutex>
#include <shared_mutex>

namespace app {
struct AsyncMutex {
  void lock();
  void unlock();
};
struct Guard {
  explicit Guard(std::mutex &);
  ~Guard();
};
} // namespace app

std::mutex table_mutex;
std::shared_mutex config_mutex;
app::AsyncMutex async_mutex;
int table = 0;

// ---- positives -------------------------------------------------------------

lib::task<> guardAcrossAwait() {
  std::lock_guard<std::mutex> lock(table_mutex);
  ++table;
  co_await lib::async_io();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: lock 'lock' is held across a suspension point: another coroutine that needs it deadlocks, and it may be released on another thread [async-lock-across-suspend]
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-ASYNC: :[[@LINE-5]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-FIXES-FIX: {{^}}  {{{$}}
  // CHECK-FIXES-FIX-NEXT: {{^}}    std::lock_guard<std::mutex> lock(table_mutex);{{$}}
  // CHECK-FIXES-FIX-NEXT: {{^}}    ++table;{{$}}
  // CHECK-FIXES-FIX-NEXT: {{^}}  }{{$}}
  // CHECK-FIXES-FIX-NEXT: {{^}}  co_await lib::async_io();{{$}}
}

lib::task<> uniqueLockAcrossAwait() {
  std::unique_lock<std::mutex> lock(table_mutex);
  ++table;
  co_await lib::async_io();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-FIXES-FIX: {{^}}  ++table;{{$}}
  // CHECK-FIXES-FIX-NEXT: {{^}}  lock.unlock();{{$}}
  // CHECK-FIXES-FIX-NEXT: {{^}}  co_await lib::async_io();{{$}}
}

lib::task<int> sharedLockAcrossNestedAwait(bool refresh) {
  std::shared_lock lock(config_mutex);
  if (refresh) {
    co_await lib::async_io();
  }
  co_return table;
  // The suspension is inside the if statement: the note points there.
  // CHECK-MESSAGES: :[[@LINE-6]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-NOTES: :[[@LINE-7]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-NOTES: :[[@LINE-6]]:5: note: the coroutine suspends here
  // Nothing runs under the lock before the suspension: releasing it first is
  // no remedy, so no note offers it.
  // CHECK-MESSAGES-FIX: :[[@LINE-11]]:3: warning: lock 'lock' is held
}

lib::task<> bareLock() {
  table_mutex.lock();
  co_await lib::async_io();
  table_mutex.unlock();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: mutex 'table_mutex' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:3: warning: mutex 'table_mutex' is held
  // CHECK-MESSAGES-ASYNC: :[[@LINE-5]]:3: warning: mutex 'table_mutex' is held
}

lib::task<> yieldsWithTheLock() {
  std::unique_lock<std::mutex> lock(table_mutex);
  co_await lib::async_io();
  lock.unlock(); // used after the suspension: no fix-it
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:3: warning: lock 'lock' is held
}

// No fix-it where releasing early would break the code: a structured
// binding used after the suspension, an object whose destructor would run
// earlier, a lock that may not be held.
struct Span {
  explicit Span(const char *);
  ~Span();
};
std::pair<int, bool> lookup(int key);
lib::task<int> bindings(int key) {
  std::lock_guard<std::mutex> lock(table_mutex);
  auto [value, found] = lookup(key);
  co_await lib::async_io();
  co_return found ? value : -1;
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-5]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-ASYNC: :[[@LINE-6]]:3: warning: lock 'lock' is held across a suspension point
}
lib::task<> span() {
  std::lock_guard<std::mutex> lock(table_mutex);
  Span traced("flush");
  ++table;
  co_await lib::async_io();
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-5]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-ASYNC: :[[@LINE-6]]:3: warning: lock 'lock' is held across a suspension point
}
// A variable the suspending statement itself reads, before other names.
lib::task<int> read_into(int *buffer, int size);
lib::task<> bufferReadByTheAwait() {
  std::lock_guard<std::mutex> lock(table_mutex);
  ++table;
  int buffer[4] = {};
  int got = co_await read_into(buffer, table);
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-5]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-ASYNC: :[[@LINE-6]]:3: warning: lock 'lock' is held across a suspension point
}
// A lock tried and got: held from the test that it was got.
lib::task<> tried() {
  std::unique_lock<std::mutex> lock(table_mutex, std::try_to_lock);
  if (!lock)
    co_return;
  ++table;
  co_await lib::async_io();
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-5]]:3: warning: lock 'lock' is held across a suspension point
}

// A shared_lock can unlock where it stands too.
lib::task<int> sharedLockUnlocks() {
  std::shared_lock<std::shared_mutex> lock(config_mutex);
  int copy = table;
  co_await lib::async_io();
  co_return copy;
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-5]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-FIXES-FIX: {{^}}  lock.unlock();{{$}}
}

// co_yield suspends too.
lib::generator<int> yieldsUnderTheLock() {
  std::lock_guard<std::mutex> lock(table_mutex);
  co_yield table;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-ASYNC: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
}

// A guard type of the program: built from a mutex, unlocks in its
// destructor (or listed in the option).
lib::task<> userGuard() {
  app::Guard guard(table_mutex);
  co_await lib::async_io();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: lock 'guard' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:3: warning: lock 'guard' is held across a suspension point
  // CHECK-MESSAGES-ASYNC: :[[@LINE-4]]:3: warning: lock 'guard' is held across a suspension point
}

// ---- negatives -------------------------------------------------------------

lib::task<> scopeEndsBefore() {
  {
    std::lock_guard<std::mutex> lock(table_mutex);
    ++table;
  }
  co_await lib::async_io();
}

lib::task<> unlockedBefore() {
  std::unique_lock<std::mutex> lock(table_mutex);
  ++table;
  lock.unlock();
  co_await lib::async_io();
  table_mutex.lock();
  ++table;
  table_mutex.unlock();
  co_await lib::async_io();
}

lib::task<> deferred() {
  std::unique_lock<std::mutex> lock(table_mutex, std::defer_lock);
  co_await lib::async_io();
}

// A worker that releases the lock before each await, on every path.
lib::task<> releasesInsideTheLoop(bool running) {
  std::unique_lock<std::mutex> lock(table_mutex);
  while (running && table > 0) {
    --table;
    lock.unlock();
    co_await lib::async_io();
    lock.lock();
  }
}

// Taken again after the await, and held across the next one.
lib::task<> lockedAgain() {
  std::unique_lock<std::mutex> lock(table_mutex);
  ++table;
  lock.unlock();
  co_await lib::async_io();
  lock.lock();
  ++table;
  co_await lib::async_io();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: lock 'lock' is held across a suspension point
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:3: warning: lock 'lock' is held across a suspension point
  lock.unlock();
}

// Async-aware mutexes are made to be held across suspensions.
lib::task<> asyncAware() {
  async_mutex.lock();
  co_await lib::async_io();
  async_mutex.unlock();
  // Without AsyncMutexTypes it is reported like any other mutex (a class
  // with lock() and unlock() is one).
  // CHECK-MESSAGES-NOASYNC: :[[@LINE-5]]:3: warning: mutex 'async_mutex' is held
  // CHECK-MESSAGES: :[[@LINE-6]]:3: warning: mutex 'async_mutex' is held
  // CHECK-MESSAGES-FIX: :[[@LINE-7]]:3: warning: mutex 'async_mutex' is held
}

// Not a coroutine: holding a lock across a call is not this check's business.
void ordinaryFunction() {
  std::lock_guard<std::mutex> lock(table_mutex);
  ++table;
}

// A lambda inside a coroutine is a function of its own.
lib::task<> lambdaInside() {
  auto critical = [] {
    std::lock_guard<std::mutex> lock(table_mutex);
    ++table;
  };
  critical();
  co_await lib::async_io();
}
