// A wait inside a loop that tests a condition is the predicate form written
// out: reported only with CheckPredicateWaits, and then as a wait without a
// timeout. A loop with a constant condition tests nothing.
// RUN: %check_async_tidy %s async-wait-without-timeout %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=PREDICATES %s async-wait-without-timeout %t-predicates \
// RUN:   -config="{CheckOptions: {async-wait-without-timeout.CheckPredicateWaits: true}}" -- -std=c++17

#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;
bool stopping = false;

void waitsInAWhileLoop() {
  std::unique_lock<std::mutex> lock(m);
  while (!ready)
    cv.wait(lock);
  // CHECK-MESSAGES-PREDICATES: :[[@LINE-1]]:8: warning: wait without a timeout: if the condition never comes true, the thread sleeps forever [async-wait-without-timeout]
}

void waitsInADoLoop() {
  std::unique_lock<std::mutex> lock(m);
  do {
    cv.wait(lock);
    // CHECK-MESSAGES-PREDICATES: :[[@LINE-1]]:8: warning: wait without a timeout
  } while (!ready && !stopping);
}

void waitsInAnEndlessLoop() {
  std::unique_lock<std::mutex> lock(m);
  while (true) {
    cv.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: wait without a predicate or a timeout: a notification sent before it is lost, and the thread can sleep forever [async-wait-without-timeout]
    // CHECK-MESSAGES-PREDICATES: :[[@LINE-2]]:8: warning: wait without a predicate or a timeout
    if (ready)
      break;
  }
}

void waitsInALoopOnOne() {
  std::unique_lock<std::mutex> lock(m);
  while (1) {
    cv.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: wait without a predicate or a timeout
    // CHECK-MESSAGES-PREDICATES: :[[@LINE-2]]:8: warning: wait without a predicate or a timeout
    if (ready)
      break;
  }
}

// An endless loop that leaves, before the wait, once the state it waits for
// has come tests the condition on every wake-up: the predicate form.
bool shuttingDown = false;
int pending = 0;
void workerLoop() {
  std::unique_lock<std::mutex> lock(m);
  for (;;) {
    if (pending > 0) {
      --pending;
      continue;
    }
    if (shuttingDown)
      return;
    cv.wait(lock);
    // CHECK-MESSAGES-PREDICATES: :[[@LINE-1]]:8: warning: wait without a timeout: if the condition never comes true
  }
}
