// A test without CHECK-FIXES expects the file to stay as it is.
// RUN: not %check_async_tidy %s async-swallowed-exception %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: unexpected fix (the test expects none):
// HARNESS: +  } catch (...) { report(std::current_exception()); }

#include <exception>
void report(std::exception_ptr);
void work();
void swallowed() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
}
