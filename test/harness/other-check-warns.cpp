// The driver runs every async-* check once more and fails when one that is
// not under test warns: each check must stay quiet on the others' test code.
// RUN: not %check_async_tidy %s async-swallowed-exception %t -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck --check-prefix=HARNESS --input-file=%t.out %s
// HARNESS: check_async_tidy: FAIL: other async-* checks warn on this file:
// HARNESS-NEXT: :15:12: warning: thread is detached

#include <thread>
void work();
void handled() {
  try {
    work();
  } catch (...) {
    std::thread worker(work);
    worker.detach();
    throw;
  }
}
