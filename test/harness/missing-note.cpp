// The driver fails when CHECK-NOTES expects a note that does not appear.
// RUN: not %check_async_tidy %s async-swallowed-exception %t -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: the warnings and notes differ from the CHECK-NOTES lines

void work();
void swallowed() {
  try {
    work();
  } catch (...) {}
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-NOTES: :[[@LINE-2]]:5: note: a note that the check does not write
}
