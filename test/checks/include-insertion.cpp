// A fix that needs std::exception_ptr or std::current_exception includes
// <exception> where the file does not include it itself.
// RUN: %check_async_tidy %s async-swallowed-exception,async-exception-escaping-thread %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-exception-escaping-thread.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <stdexcept>
#include <thread>
// CHECK-FIXES: {{^}}#include <exception>{{$}}

void report(std::exception_ptr);
void work();

void swallows() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { report(std::current_exception()); }{{$}}
}

void starts() {
  std::thread worker([] { throw std::runtime_error("x"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: an exception can escape
  // CHECK-FIXES: {{^}}  std::thread worker([] { try { throw std::runtime_error("x"); } catch (...) { report(std::current_exception()); } });{{$}}
  worker.join();
}

// A named entry function whose whole body is guarded is quiet, and so is a
// handler that already reports (as the fixed code does).
void guardedEntry() {
  try {
    throw std::runtime_error("x");
  } catch (...) {
    report(std::current_exception());
  }
}
void startsGuarded() {
  std::thread worker(guardedEntry);
  worker.join();
}
