// serve() awaits one request after another, which
// async-sequential-await-in-loop reports too.
// RUN: %check_async_tidy --allow-other=async-sequential-await-in-loop %s async-loop-without-stop %t -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --allow-other=async-sequential-await-in-loop --check-suffix=OPTS %s async-loop-without-stop %t-opts \
// RUN:   -config="{CheckOptions: {async-loop-without-stop.ThreadStarters: '::app::start_worker', async-loop-without-stop.StopPredicates: '::app::shutting_down'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <atomic>
#include <cassert>
#include <cstdlib>
#include <functional>
#include <stop_token>
#include <thread>
#include <vector>

namespace app {
void start_worker(std::function<void()> work);
bool shutting_down();
} // namespace app

int poll();
void handle(int);

// ---- positives -------------------------------------------------------------

// The worker the reviews could not shut down.
void pump() {
  while (true) {
    handle(poll());
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: infinite loop with no way out: the thread that runs it can never be shut down [async-loop-without-stop]
  // CHECK-NOTES: :[[@LINE+4]]:22: note: the thread starts here
  // CHECK-MESSAGES-OPTS: :[[@LINE-5]]:3: warning: infinite loop with no way out
}
void startPump() {
  std::thread worker(pump);
  worker.join();
}

// In a function the thread's lambda calls; a break of an inner loop does
// not leave the outer one.
void drainForever() {
  for (;;) {
    for (int i = 0; i < 8; ++i)
      if (poll() < 0)
        break;
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: infinite loop with no way out: the thread that runs it can never be shut down
  // CHECK-NOTES: :[[@LINE+5]]:24: note: the thread that runs it, through 'drainForever', starts here
  // CHECK-MESSAGES-OPTS: :[[@LINE-7]]:3: warning: infinite loop with no way out
}
std::vector<std::thread> workers;
void startDrain() {
  workers.emplace_back([] { drainForever(); });
}

// A coroutine that never suspends in its loop monopolises its thread.
lib::task<> spin() {
  do {
    handle(poll());
  } while (1);
  co_return;
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: infinite loop with no way out: the coroutine can never be shut down
  // CHECK-MESSAGES-OPTS: :[[@LINE-5]]:3: warning: infinite loop with no way out: the coroutine
}

// A user-listed thread starter, with the option.
void startListed() {
  app::start_worker([] {
    while (true)
      handle(poll());
  });
  // CHECK-MESSAGES-OPTS: :[[@LINE-3]]:5: warning: infinite loop with no way out
}

// An assertion in the loop is no way out: a release build compiles it away,
// and a debug build only aborts.
void checkedPump() {
  for (;;) {
    int item = poll();
    assert(item >= 0 && "negative item");
    handle(item);
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: infinite loop with no way out: the thread that runs it can never be shut down
  // CHECK-NOTES: :[[@LINE+4]]:22: note: the thread starts here
  // CHECK-MESSAGES-OPTS: :[[@LINE-7]]:3: warning: infinite loop with no way out
}
void startCheckedPump() {
  std::thread worker(checkedPump);
  worker.join();
}

// ---- must not flag -----------------------------------------------------------

// An empty loop runs no worker: it marks code that is never reached, after
// the co_await that never resumes the frame (Asio's use_awaitable).
lib::task<> handOff() {
  co_await lib::async_io();
  for (;;) {} // Never reached.
}
void spinUntilKilled() {
  std::thread worker([] {
    handle(poll());
    while (true)
      ;
  });
  worker.join();
}

std::atomic<bool> running{true};
bool stop_flag = false;

void withExits() {
  std::jthread a([](std::stop_token token) {
    while (true) {
      if (token.stop_requested())
        return;
      handle(poll());
    }
  });
  std::thread b([] {
    while (true) {
      if (!running.load())
        break;
      handle(poll());
    }
  });
  std::thread c([] {
    for (;;) {
      int value = poll();
      if (value < 0)
        goto done;
      handle(value);
    }
  done:;
  });
  std::thread d([] {
    while (true) {
      if (poll() == 42)
        std::exit(0);
    }
  });
  std::thread e([] {
    while (true) {
      switch (poll()) {
      case 0:
        return;
      default:
        break;
      }
    }
  });
  std::thread f([] {
    while (true) {
      if (app::shutting_down())
        std::abort();
      handle(poll());
    }
  });
  b.join();
  c.join();
  d.join();
  e.join();
  f.join();
}

// A listed stop predicate is enough on its own.
void withPredicate() {
  std::thread worker([] {
    while (true) {
      if (app::shutting_down())
        handle(0);
    }
  });
  // CHECK-NOTES: :[[@LINE-5]]:5: warning: infinite loop with no way out: the thread that runs it can never be shut down
  // CHECK-NOTES: :[[@LINE-7]]:22: note: the thread starts here
  worker.join();
}

// Loops with a condition, and loops in functions no thread runs.
void bounded() {
  while (!stop_flag)
    handle(poll());
  while (true)
    handle(poll());
}

// Coroutines that suspend in the loop: cancellation ends them, and a
// generator's consumer stops pulling.
lib::task<> serve() {
  for (;;)
    handle(co_await lib::async_io());
}
lib::generator<int> naturals() {
  for (int i = 0;; ++i)
    co_yield i;
}
