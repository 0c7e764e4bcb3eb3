// Fix-its of several checks in one place do not overlap: all of them apply,
// and the result compiles (the thread fix only inserts text, never replaces
// the body, so the fixes inside the body survive).
// RUN: %check_async_tidy %s async-* %t \
// RUN:   -config="{CheckOptions: {async-exception-escaping-thread.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error', async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <exception>
#include <stdexcept>
#include <system_error>
#include <thread>

void report(std::exception_ptr);
void report_error(std::error_code);
std::error_code send_frame(int);
void parse(const char *text) {
  if (!text)
    throw std::invalid_argument("no text");
}

void worker() {
  std::thread sender([] {
    send_frame(1);
    try {
      parse(nullptr);
    } catch (...) {
    }
    parse(nullptr);
  });
  // CHECK-MESSAGES: :[[@LINE-8]]:22: warning: an exception can escape this thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-8]]:5: warning: result of 'send_frame' is ignored
  // CHECK-MESSAGES: :[[@LINE-6]]:7: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  std::thread sender([] {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    try {{{$}}
  // CHECK-FIXES-NEXT: {{^}}      if (auto ec = send_frame(1); ec) report_error(ec);{{$}}
  // CHECK-FIXES-NEXT: {{^}}      try {{{$}}
  // CHECK-FIXES-NEXT: {{^}}        parse(nullptr);{{$}}
  // CHECK-FIXES-NEXT: {{^}}      } catch (...) {{{$}}
  // Each fix indents for the code as it was; clang-tidy's --format-style
  // lines them up again.
  // CHECK-FIXES-NEXT: {{^}}      report(std::current_exception());{{$}}
  // CHECK-FIXES-NEXT: {{^}}      }{{$}}
  // CHECK-FIXES-NEXT: {{^}}      parse(nullptr);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    } catch (...) { report(std::current_exception()); }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  });{{$}}
  sender.join();
}
