// Compile errors inside the places the checks analyse: coroutine bodies and
// co_await operands, lock scopes, catch handlers, thread entry lambdas and
// loops. Every check runs without crashing, and -fix-errors (which applies
// every fix offered) changes nothing: a fix never touches code that clang
// had to recover.
// RUN: %check_async_tidy --expect-compile-errors --fix-notes %s async-* %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-fire-and-forget.ReportFunction: 'report', async-exception-escaping-thread.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <thread>

void report(std::exception_ptr);
void work();
std::mutex registry_mutex;
std::condition_variable ready;
std::map<std::string, int> registry;

lib::task<> brokenAwaitOperand() {
  std::lock_guard<std::mutex> lock(registry_mutex);
  co_await undeclared_operation();
}

lib::task<> brokenStatementAfterAwait() {
  std::lock_guard<std::mutex> lock(registry_mutex);
  co_await lib::async_io();
  registry.insert_or_replace("a", 1);
}

lib::task<int> brokenReturn() {
  co_await lib::async_io();
  co_return missing_value;
}

void brokenLockScope() {
  registry_mutex.lock();
  registry[undeclared_key] = 1;
  registry_mutex.unlock();
}

void brokenGuardArgument() {
  std::lock_guard<std::mutex> lock(missing_mutex);
  registry["a"] = 1;
}

void brokenHandler() {
  try {
    work();
  } catch (const std::exception &e) {
    log_it(e.what());
  }
}

// A handler for a type clang does not know is not judged: the type may be
// one whose handling is deliberately empty.
void brokenHandlerType() {
  try {
    work();
  } catch (const missing_exception &) {
  }
}

void brokenThreadBody() {
  std::thread worker([] { throw_it(); });
  worker.detach();
}

void brokenWait() {
  std::unique_lock<std::mutex> lock(registry_mutex);
  ready.wait(lock, undeclared_predicate);
}

void brokenLoop() {
  std::thread worker([] {
    while (true)
      poll_forever(missing_argument);
  });
  worker.join();
}

lib::task<> brokenLambdaCoroutine() {
  auto inner = []() -> lib::task<> { co_await nothing_here(); };
  co_await inner();
}

// CHECK-MESSAGES: :26:3: warning: lock 'lock' is held across a suspension point{{.*}} [async-lock-across-suspend]
// CHECK-MESSAGES: :27:12: error: use of undeclared identifier 'undeclared_operation'
// CHECK-MESSAGES: :31:3: warning: lock 'lock' is held across a suspension point{{.*}} [async-lock-across-suspend]
// CHECK-MESSAGES: :33:12: error: no member named 'insert_or_replace'
// CHECK-MESSAGES: :38:13: error: use of undeclared identifier 'missing_value'
// CHECK-MESSAGES: :43:12: error: use of undeclared identifier 'undeclared_key'
// CHECK-MESSAGES: :48:36: error: unknown type name 'missing_mutex'
// CHECK-MESSAGES: :56:5: error: use of undeclared identifier 'log_it'
// CHECK-MESSAGES: :65:18: error: unknown type name 'missing_exception'
// CHECK-MESSAGES: :70:27: error: use of undeclared identifier 'throw_it'
// CHECK-MESSAGES: :71:10: warning: thread is detached{{.*}} [async-fire-and-forget]
// CHECK-MESSAGES: :76:20: error: use of undeclared identifier 'undeclared_predicate'
// CHECK-MESSAGES: :81:5: warning: infinite loop with no way out{{.*}} [async-loop-without-stop]
// CHECK-MESSAGES: :82:20: error: use of undeclared identifier 'missing_argument'
// CHECK-MESSAGES: :88:47: error: use of undeclared identifier 'nothing_here'
