// RUN: %check_async_tidy %s async-wait-without-timeout %t -- -std=c++20
// RUN: %check_async_tidy --check-suffix=FIX --fix-notes %s async-wait-without-timeout %t-fix -- -std=c++20
// RUN: %check_async_tidy --check-suffix=OPTS --fix-notes %s async-wait-without-timeout %t-opts \
// RUN:   -config="{CheckOptions: {async-wait-without-timeout.CheckPredicateWaits: true, async-wait-without-timeout.DefaultTimeout: 'kWaitLimit', async-wait-without-timeout.AllowedFunctions: '::main;::shutdownForTests', async-wait-without-timeout.EventWaitFunctions: '::app::Event::wait'}}" \
// RUN:   -- -std=c++20

#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <queue>

namespace app {
struct Event {
  void wait();
};
} // namespace app

constexpr auto kWaitLimit = std::chrono::seconds(5);

std::mutex mutex;
std::condition_variable ready;
std::queue<int> jobs;
bool stopping = false;

// A notification sent before the wait starts is lost: without a predicate
// the worker sleeps until the next one, which may never come.
int takeJob() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  int job = jobs.front();
  jobs.pop();
  return job;
  // CHECK-NOTES: :[[@LINE-4]]:9: warning: wait without a predicate or a timeout: a notification sent before it is lost, and the thread can sleep forever [async-wait-without-timeout]
  // CHECK-NOTES: :[[@LINE-5]]:9: note: wait with a timeout, in a loop that tests the condition
  // CHECK-MESSAGES-FIX: :[[@LINE-6]]:9: warning: wait without a predicate
  // CHECK-FIXES-FIX: {{^}}  ready.wait_for(lock, std::chrono::seconds(30));{{$}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-8]]:9: warning: wait without a predicate
  // CHECK-FIXES-OPTS: {{^}}  ready.wait_for(lock, kWaitLimit);{{$}}
}

// A future whose producer may never deliver.
int fetch(std::future<int> &reply) {
  return reply.get();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'get' on a future that is not known to be ready: if the result never comes, the thread blocks forever
  // CHECK-NOTES: :[[@LINE-2]]:16: note: wait with a timeout first (wait_for), and handle the timeout
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:16: warning: 'get' on a future
  // CHECK-MESSAGES-OPTS: :[[@LINE-4]]:16: warning: 'get' on a future
}
void await(std::shared_future<void> done) {
  done.wait();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'wait' on a future that is not known to be ready
  // CHECK-NOTES: :[[@LINE-2]]:8: note: wait with a timeout, and handle the timeout
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: 'wait' on a future
  // CHECK-FIXES-FIX: {{^}}  done.wait_for(std::chrono::seconds(30));{{$}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-5]]:8: warning: 'wait' on a future
  // CHECK-FIXES-OPTS: {{^}}  done.wait_for(kWaitLimit);{{$}}
}

// Event waits: a latch whose count never reaches zero; a listed event.
void join(std::latch &started, app::Event &event) {
  started.wait();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::latch::wait' waits without a timeout: if the event never comes, the thread blocks forever
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:3: warning: 'std::latch::wait' waits
  event.wait();
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:3: warning: 'app::Event::wait' waits without a timeout
}

// A predicate wait has no lost wake-up; the option reports it too.
int takeWhenReady() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock, [] { return stopping || !jobs.empty(); });
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:9: warning: wait without a timeout: if the condition never comes true, the thread sleeps forever
  // CHECK-FIXES-OPTS: {{^}}  ready.wait_for(lock, kWaitLimit, [] { return stopping || !jobs.empty(); });{{$}}
  if (stopping)
    return -1;
  int job = jobs.front();
  jobs.pop();
  return job;
}

// ---- must not flag -----------------------------------------------------------

// Waits with a deadline.
bool takeWithin(int &job) {
  std::unique_lock<std::mutex> lock(mutex);
  if (!ready.wait_for(lock, std::chrono::seconds(1),
                      [] { return !jobs.empty(); }))
    return false;
  job = jobs.front();
  jobs.pop();
  return true;
}
// A future known to be ready.
int fetchIfReady(std::future<int> &reply) {
  if (reply.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return -1;
  return reply.get();
}
// Waits in main and in tests (configurable).
void shutdownForTests(std::future<void> &done) { done.wait(); }
// CHECK-NOTES: :[[@LINE-1]]:55: warning: 'wait' on a future that is not known to be ready
// CHECK-NOTES: :[[@LINE-2]]:55: note: wait with a timeout, and handle the timeout
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:55: warning: 'wait' on a future
// CHECK-FIXES-FIX: {{^}}void shutdownForTests(std::future<void> &done) { done.wait_for(std::chrono::seconds(30)); }{{$}}
void WorkerTest_Drains_Test() {
  std::promise<int> promise;
  promise.set_value(1);
  promise.get_future().get();
  // Not allowed once the option replaces the default list:
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:24: warning: 'get' on a future
}
int main() {
  std::promise<void> finished;
  finished.set_value();
  finished.get_future().wait();
}
