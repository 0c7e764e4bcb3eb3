// Generic lambdas are templates: their bodies are judged once, as written,
// however many types they are called with, and calls that depend on the
// lambda's parameters are not resolved (no warning, no crash).
// RUN: %check_async_tidy %s async-* %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

void report(std::exception_ptr);
std::error_code send_frame(int);
void work() noexcept(false);
std::mutex registry;
int shared_value = 0;

void genericLambdas() {
  auto locked = [](auto &mutex, auto value) {
    mutex.lock();
    work();
    mutex.unlock();
    return value;
  };
  locked(registry, 1);
  locked(registry, 2.0);

  auto lockedByName = [](auto value) {
    registry.lock();
    work();
    registry.unlock();
    return value;
  };
  lockedByName(1);
  lockedByName(std::string("x"));

  auto swallow = [](auto f) {
    try {
      f();
    } catch (...) {
    }
  };
  swallow(work);
  swallow([] {});

  auto send = [](auto n) { send_frame(n); };
  send(1);
  send(2L);

  auto sendFixed = [](auto) { send_frame(1); };
  sendFixed(1);
  sendFixed('c');

  auto insert = [](auto &map, const auto &key) {
    if (map.find(key) == map.end())
      map[key] = 1;
  };
  std::map<std::string, int> names;
  std::map<int, int> numbers;
  insert(names, std::string("a"));
  insert(numbers, 1);

  auto coroutine = [](auto value) -> lib::task<> {
    std::lock_guard<std::mutex> guard(registry);
    shared_value += value;
    co_await lib::async_io();
  };
  auto first = coroutine(1);
  auto second = coroutine(2.0);

  auto starter = [](auto f) { std::thread(f).detach(); };
  starter(work);
  starter([] {});
}

// One warning per source location, whatever the instantiations:
// CHECK-MESSAGES: :34:5: warning: mutex 'registry' is locked and unlocked by hand{{.*}} [async-manual-lock-unlock]
// CHECK-MESSAGES: :45:7: warning: exception is swallowed{{.*}} [async-swallowed-exception]
// CHECK-MESSAGES: :55:31: warning: result of 'send_frame' is ignored{{.*}} [async-ignored-error]
// CHECK-MESSAGES: :69:5: warning: lock 'guard' is held across a suspension point{{.*}} [async-lock-across-suspend]
// CHECK-MESSAGES: :76:46: warning: thread is detached{{.*}} [async-fire-and-forget]
// CHECK-FIXES: {{^}}    std::unique_lock lock(registry);{{$}}
// CHECK-FIXES: {{^}}    lock.unlock();{{$}}
// CHECK-FIXES: {{^}}      report(std::current_exception());{{$}}
