// Accepted findings are silenced with clang-tidy's NOLINT comments, by check
// name or by glob.
// RUN: %check_async_tidy %s async-fire-and-forget,async-swallowed-exception %t -- -std=c++17

#include <thread>

void work();

void accepted() {
  std::thread worker(work);
  worker.detach(); // NOLINT(async-fire-and-forget): the worker owns itself
  std::thread other(work);
  // NOLINTNEXTLINE(async-*)
  other.detach();
  // NOLINTBEGIN(async-swallowed-exception)
  try {
    work();
  } catch (...) {
  }
  // NOLINTEND(async-swallowed-exception)
}

void notAccepted() {
  std::thread worker(work);
  worker.detach(); // NOLINT(async-swallowed-exception): the wrong check
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: thread is detached
}
