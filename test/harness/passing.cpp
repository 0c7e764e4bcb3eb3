// The counterpart of the failing harness tests: the same kinds of
// expectations, all met, pass.
// RUN: %check_async_tidy %s async-swallowed-exception %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <exception>
void report(std::exception_ptr);
void work();
void swallowed() {
  try {
    work();
  } catch (...) {}
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { report(std::current_exception()); }{{$}}
}
