// Templates are judged once, as written, however often they are instantiated.
// RUN: %check_async_tidy %s async-* %t -- -std=c++17

#include <system_error>
#include <thread>

std::error_code send_frame(int);
void work();

template <typename T> void retry(T value) {
  send_frame(static_cast<int>(value));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'send_frame' is ignored
  try {
    work();
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed
  std::thread worker(work);
  worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: thread is detached
}

void instantiations() {
  retry(1);
  retry(2L);
  retry('c');
}
