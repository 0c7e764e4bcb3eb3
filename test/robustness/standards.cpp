// One file, valid C++11, under every language mode from C++11 to C++23: the
// same findings everywhere, and only the fixes the mode can compile (no
// try_emplace, scoped_lock, class template argument deduction or if with an
// initializer before C++17). The coroutine part exists from C++20 on.
// Each mode has the same configuration (written out: lit 14 has no DEFINE).
// RUN: %check_async_tidy --fix-notes --check-suffix=,OLD %s async-* %t-11 -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++11 -I%inputs
// RUN: %check_async_tidy --fix-notes --check-suffix=,OLD %s async-* %t-14 -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++14 -I%inputs
// RUN: %check_async_tidy --fix-notes --check-suffix=,NEW %s async-* %t-17 -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++17 -I%inputs
// RUN: %check_async_tidy --fix-notes --check-suffix=,NEW,CORO %s async-* %t-20 -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --fix-notes --check-suffix=,NEW,CORO %s async-* %t-23 -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++2b -I%inputs

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

void report(std::exception_ptr);
void report_error(std::error_code);
std::error_code send_frame(int);
void work() noexcept(false);

std::mutex registry_mutex;
std::map<std::string, int> registry;

void manualLock() {
  registry_mutex.lock();
  work();
  registry_mutex.unlock();
}

int lookupOrInsert(const std::string &name) {
  if (registry.find(name) == registry.end())
    registry[name] = 0;
  return registry[name];
}

void swallow() {
  try {
    work();
  } catch (...) {
  }
}

void ignoreError() { send_frame(1); }

class Counter {
public:
  void add() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
  }
  void reset() { count_ = 0; }
  int get() {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_;
  }

private:
  std::mutex mutex_;
  int count_ = 0;
};

std::mutex first_mutex, second_mutex;
void firstThenSecond() {
  std::lock_guard<std::mutex> a(first_mutex);
  std::lock_guard<std::mutex> b(second_mutex);
}
void secondThenFirst() {
  std::lock_guard<std::mutex> b(second_mutex);
  std::lock_guard<std::mutex> a(first_mutex);
}

#if __cplusplus >= 202002L
#include "task.h"
lib::task<> holdAcrossAwait() {
  std::lock_guard<std::mutex> lock(registry_mutex);
  co_await lib::async_io();
}
#endif

// The findings, in every mode:
// CHECK-MESSAGES: :29:3: warning: mutex 'registry_mutex' is locked and unlocked by hand{{.*}} [async-manual-lock-unlock]
// CHECK-MESSAGES: :35:7: warning: 'registry' is searched for a key that is then inserted{{.*}} [async-check-then-insert]
// CHECK-MESSAGES: :43:5: warning: exception is swallowed{{.*}} [async-swallowed-exception]
// CHECK-MESSAGES: :47:22: warning: result of 'send_frame' is ignored{{.*}} [async-ignored-error]
// CHECK-MESSAGES: :55:18: warning: 'count_' is written without holding 'mutex_'{{.*}} [async-unguarded-member]
// CHECK-MESSAGES: :69:3: warning: mutex 'second_mutex' is acquired while 'first_mutex' is held{{.*}} [async-lock-order-inversion]
// CHECK-MESSAGES-CORO: :79:3: warning: lock 'lock' is held across a suspension point{{.*}} [async-lock-across-suspend]

// The fixes, in the file's order; C++11 and C++14 get explicit template
// arguments, and no fix where it would need try_emplace, an if with an
// initializer or std::scoped_lock.
// CHECK-FIXES-OLD: {{^}}  std::unique_lock<std::mutex> lock(registry_mutex);{{$}}
// CHECK-FIXES-NEW: {{^}}  std::unique_lock lock(registry_mutex);{{$}}
// CHECK-FIXES: {{^}}  lock.unlock();{{$}}
// CHECK-FIXES-OLD: {{^}}  if (registry.find(name) == registry.end()){{$}}
// CHECK-FIXES-NEW: {{^}}  auto it = registry.try_emplace(name, 0).first;{{$}}
// CHECK-FIXES-NEW-NEXT: {{^}}  return it->second;{{$}}
// CHECK-FIXES: {{^}}    report(std::current_exception());{{$}}
// CHECK-FIXES-OLD: {{^}}void ignoreError() { send_frame(1); }{{$}}
// CHECK-FIXES-NEW: {{^}}void ignoreError() { if (auto ec = send_frame(1); ec) report_error(ec); }{{$}}
// CHECK-FIXES-OLD: {{^}}  void reset() { std::lock_guard<std::mutex> lock(mutex_); count_ = 0; }{{$}}
// CHECK-FIXES-NEW: {{^}}  void reset() { std::scoped_lock lock(mutex_); count_ = 0; }{{$}}
// CHECK-FIXES-OLD: {{^}}  std::lock_guard<std::mutex> b(second_mutex);{{$}}
// CHECK-FIXES-NEW: {{^}}  std::scoped_lock a(first_mutex, second_mutex);{{$}}
