// The names the check recognises come from its options: a user's own thread
// class, spawn function and detached token.
// RUN: %check_async_tidy %s async-fire-and-forget %t \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.ThreadTypes: '::rt::Thread', async-fire-and-forget.CoSpawnFunctions: '::rt::launch', async-fire-and-forget.DetachedTokenTypes: '::rt::Detached'}}" \
// RUN:   -- -std=c++17
// RUN: %check_async_tidy --check-suffix=DEFAULT %s async-fire-and-forget %t-default -- -std=c++17
// RUN: %check_async_tidy --check-suffix=REPORT %s async-fire-and-forget %t-report \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.ThreadTypes: '', async-fire-and-forget.CoSpawnFunctions: '::rt::launch', async-fire-and-forget.DetachedTokenTypes: '::rt::Detached', async-fire-and-forget.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <thread>

namespace rt {
struct Thread {
  void detach();
};
struct Detached {};
inline constexpr Detached detached;
struct Task {};
template <typename Token> void launch(Task, Token);
template <typename Token> void launch(Task, Token) {}
} // namespace rt

void userTypes(rt::Thread &thread, std::thread &standard) {
  thread.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: thread is detached
  standard.detach(); // ThreadTypes replaces the default list
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:12: warning: thread is detached
  rt::launch(rt::Task{}, rt::detached);
  // No fix-it: the handler's signature is only known for Asio's awaitables.
  // CHECK-MESSAGES: :[[@LINE-2]]:26: warning: coroutine spawned with 'detached': an exception it throws is lost
  // CHECK-NOTES-REPORT: :[[@LINE-3]]:26: warning: coroutine spawned with 'detached'
  // CHECK-NOTES-REPORT: :[[@LINE-4]]:26: note: report the exception from a completion handler instead
  rt::launch(rt::Task{}, [](auto...) {});
}
