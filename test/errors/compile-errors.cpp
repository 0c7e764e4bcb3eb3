// Code with compile errors is analysed without crashing, and no fix-it
// touches code clang had to recover: -fix-errors applies every fix offered,
// and only the sound handler at the end changes.
// RUN: %check_async_tidy --expect-compile-errors %s async-* %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error', async-exception-escaping-thread.ReportFunction: 'report', async-fire-and-forget.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <exception>
#include <future>
#include <stdexcept>
#include <system_error>
#include <thread>

void report(std::exception_ptr);
void report_error(std::error_code);
std::error_code send_frame(int);
void work();

void brokenHandler() {
  try {
    work();
  } catch (...) {
    undeclared_logger("failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: use of undeclared identifier 'undeclared_logger'
    // CHECK-FIXES: {{^}}    undeclared_logger("failed");{{$}}
  }
}

void brokenCall() {
  send_frame(undeclared_value);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: error: use of undeclared identifier 'undeclared_value'
  // CHECK-FIXES: {{^}}  send_frame(undeclared_value);{{$}}
}

void brokenThreadBody() {
  std::thread worker([] {
    throw std::runtime_error(undeclared_text);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: error: use of undeclared identifier 'undeclared_text'
    // CHECK-FIXES: {{^}}    throw std::runtime_error(undeclared_text);{{$}}
  });
  worker.join();
}

void brokenStatementInHandler() {
  try {
    work();
  } catch (...) {
    int = 3;
    // CHECK-MESSAGES: :[[@LINE-1]]:9: error: expected unqualified-id
  }
}

void brokenAsync() { std::async(std::launch::async, undeclared_function); }
// CHECK-MESSAGES: :[[@LINE-1]]:53: error: use of undeclared identifier 'undeclared_function'
// CHECK-FIXES: {{^}}void brokenAsync() { std::async(std::launch::async, undeclared_function); }{{$}}

// The thread's lambda is still reported, but wrapping its body would rewrite
// code that contains a recovered error, so no fix is offered; the sound
// handler after it is fixed as usual.
void reportedWithoutFix() {
  std::thread worker([] {
    throw std::runtime_error("x");
    undeclared_cleanup();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:22: warning: an exception can escape this thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-3]]:5: error: use of undeclared identifier 'undeclared_cleanup'
  // CHECK-FIXES: {{^}}  std::thread worker([] {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    throw std::runtime_error("x");{{$}}
  worker.join();
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { report(std::current_exception()); }{{$}}
}
