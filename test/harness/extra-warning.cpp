// The driver fails when a warning appears that the test does not expect.
// RUN: not %check_async_tidy %s async-swallowed-exception %t -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: the warnings differ from the CHECK-MESSAGES lines
// HARNESS: error: {{IMPLICIT-CHECK-NOT|CHECK-MESSAGES-NOT}}: excluded string found in input
// HARNESS: :19:5: warning: exception is swallowed

void work();
void expected() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
}

void unexpected() {
  try {
    work();
  } catch (...) {}
}
