// The futures kept here are waited on without a timeout, which
// async-wait-without-timeout reports, as its own tests show.
// RUN: %check_async_tidy --allow-other=async-wait-without-timeout %s async-fire-and-forget %t -- -std=c++17
// RUN: %check_async_tidy --allow-other=async-wait-without-timeout --check-suffix=,CXX20 %s async-fire-and-forget %t-cxx20 -- -std=c++20
// RUN: %check_async_tidy --allow-other=async-wait-without-timeout --check-suffix=SPAWN %s async-fire-and-forget %t-spawn \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.SpawnFunctions: '::tasks::spawn.*'}}" -- -std=c++17

#include <future>
#include <thread>
#include <utility>
#include <vector>

namespace tasks {
struct Handle {
  void join();
};
Handle spawn(void (*)());
Handle spawnAfter(int, void (*)());
template <typename F> Handle spawnWith(F);
void spawnDetached(void (*)());
} // namespace tasks

void work();
int compute();
void consume(std::future<int>);

// ---- positives -------------------------------------------------------------

void detachesALocalThread() {
  std::thread worker(work);
  worker.detach();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: thread is detached: nothing can wait for it to finish or learn that it failed [async-fire-and-forget]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: keep the thread and join it, or hold it in a std::jthread that joins when it is destroyed
  // CHECK-MESSAGES-SPAWN: :[[@LINE-3]]:10: warning: thread is detached
}

struct Service {
  std::thread *poller;
  void start() { poller->detach(); }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: thread is detached
  // CHECK-NOTES: :[[@LINE-2]]:26: note: keep the thread and join it
  // CHECK-MESSAGES-SPAWN: :[[@LINE-3]]:26: warning: thread is detached
};

void discardsAnAsyncFuture() {
  std::async(std::launch::async, work);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: future returned by 'std::async' is discarded: the statement blocks until the task ends, and an exception it throws is lost [async-fire-and-forget]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: keep the future and call get() where the result is needed
  // CHECK-MESSAGES-SPAWN: :[[@LINE-3]]:3: warning: future returned by 'std::async' is discarded
  (void)std::async(std::launch::async, compute);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: future returned by 'std::async' is discarded
  // CHECK-NOTES: :[[@LINE-2]]:9: note: keep the future
  // CHECK-MESSAGES-SPAWN: :[[@LINE-3]]:9: warning: future returned by 'std::async' is discarded
}

void discardsADeferredFuture() {
  std::async(std::launch::deferred, work);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: future returned by 'std::async' is discarded: the deferred task never runs [async-fire-and-forget]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: keep the future and call get() where the result is needed
  // CHECK-MESSAGES-SPAWN: :[[@LINE-3]]:3: warning: future returned by 'std::async' is discarded: the deferred task never runs
}

void discardsASpawnedHandle() {
  tasks::spawn(work);
  // CHECK-MESSAGES-SPAWN: :[[@LINE-1]]:3: warning: task handle returned by 'spawn' is discarded: the task can no longer be awaited, joined or cancelled, and its failure is lost [async-fire-and-forget]
  // CHECK-NOTES-SPAWN: :[[@LINE-2]]:3: warning: task handle returned by 'spawn' is discarded
  // CHECK-NOTES-SPAWN: :[[@LINE-3]]:3: note: keep the handle and await or join it, or hand it to an owner that does
  if (compute() > 0)
    tasks::spawnAfter(10, work);
  // CHECK-MESSAGES-SPAWN: :[[@LINE-1]]:5: warning: task handle returned by 'spawnAfter' is discarded
  tasks::spawnWith(work); // a template is named without its arguments
  // CHECK-MESSAGES-SPAWN: :[[@LINE-1]]:3: warning: task handle returned by 'spawnWith' is discarded: the task
}

// ---- negatives -------------------------------------------------------------

void joinsTheThread() {
  std::thread worker(work);
  worker.join();
}

#if __cplusplus >= 202002L
struct Poller {
  std::jthread thread{work}; // kept in a member: joined on destruction
  void release() { thread.detach(); }
  // CHECK-NOTES-CXX20: :[[@LINE-1]]:27: warning: thread is detached
  // CHECK-NOTES-CXX20: :[[@LINE-2]]:27: note: keep the thread and join it
};
#endif

int keepsTheFuture() {
  auto result = std::async(std::launch::async, compute);
  return result.get();
}

std::future<int> returnsTheFuture() {
  return std::async(std::launch::async, compute);
}

void passesTheFutureOn() { consume(std::async(std::launch::async, compute)); }

void storesTheHandles() {
  std::vector<std::future<int>> results;
  results.push_back(std::async(std::launch::async, compute));
  tasks::Handle handle = tasks::spawn(work);
  handle.join();
  tasks::spawnDetached(work); // returns nothing: there is no handle to keep
}

tasks::Handle returnsTheHandle() { return tasks::spawn(work); }

// A function merely named detach is not a thread's.
struct Subscription {
  void detach();
};
void unsubscribes(Subscription &subscription) { subscription.detach(); }
