// Every line a fix changes must be described by a CHECK-FIXES line: a fix
// the test does not expect fails it, even when other fixes are expected.
// RUN: not %check_async_tidy %s async-swallowed-exception %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: a fix changed a line that no {{CHECK-FIXES}} line describes:
// HARNESS-NEXT: {{^}}  } catch (int) { report(std::current_exception()); }

#include <exception>
void report(std::exception_ptr);
void work();
void twoHandlers() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { report(std::current_exception()); }{{$}}
  try {
    work();
  } catch (int) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
}
