// The driver compiles the fixed file and fails when it does not compile:
// here the configured report function is not declared.
// RUN: not %check_async_tidy %s async-swallowed-exception %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'undeclared_report'}}" \
// RUN:   -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: the fixed file does not compile:
// HARNESS: error: use of undeclared identifier 'undeclared_report'

#include <exception>
void work();
void swallowed() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { undeclared_report(std::current_exception()); }{{$}}
}
