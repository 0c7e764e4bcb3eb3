// The driver fails when an expected warning does not appear.
// RUN: not %check_async_tidy %s async-swallowed-exception %t -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: the warnings differ from the CHECK-MESSAGES lines
// HARNESS: error: {{CHECK-MESSAGES}}: expected string not found in input

void work();
void handled() {
  try {
    work();
  } catch (...) {
    throw;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: exception is swallowed
}
