// The driver fails when the fixed text differs from CHECK-FIXES.
// RUN: not %check_async_tidy %s async-swallowed-exception %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: the contents of the fixed file differ from the CHECK-FIXES lines
// HARNESS: error: {{CHECK-FIXES}}: expected string not found in input

#include <exception>
void report(std::exception_ptr);
void work();
void swallowed() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { log(std::current_exception()); }{{$}}
}
