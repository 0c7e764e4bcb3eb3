// A test without CHECK-MESSAGES expects no warning at all.
// RUN: not %check_async_tidy %s async-swallowed-exception %t -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: unexpected diagnostics (the test expects none):
// HARNESS-NEXT: :11:5: warning: exception is swallowed

void work();
void unexpected() {
  try {
    work();
  } catch (...) {
  }
}
