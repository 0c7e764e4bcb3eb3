// RUN: %check_async_tidy --check-suffix=,CXX17 %s async-exception-escaping-thread %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=,CXX20 %s async-exception-escaping-thread %t-cxx20 -- -std=c++20
// RUN: %check_async_tidy --check-suffix=REPORT %s async-exception-escaping-thread %t-report \
// RUN:   -config="{CheckOptions: {async-exception-escaping-thread.ReportFunction: 'report'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=STARTERS %s async-exception-escaping-thread %t-starters \
// RUN:   -config="{CheckOptions: {async-exception-escaping-thread.ThreadStarters: '::pool::run_detached'}}" -- -std=c++17

#include <exception>
#include <stdexcept>
#include <thread>
#include <vector>

void report(std::exception_ptr);
void parse(const char *text) {
  if (!text)
    throw std::invalid_argument("no text");
}
void mayFail();

namespace pool {
template <typename F> void run_detached(F f) { (void)f; }
}

// ---- positives -------------------------------------------------------------

void lambdaThatThrows() {
  std::thread worker([] {
    parse(nullptr);
  });
  // CHECK-NOTES: :[[@LINE-3]]:22: warning: an exception can escape this thread's entry lambda, and std::terminate then ends the process [async-exception-escaping-thread]
  // CHECK-NOTES: :[[@LINE-4]]:22: note: catch the exception inside the thread and report or store it (for example in a std::promise)
  // CHECK-MESSAGES-REPORT: :[[@LINE-5]]:22: warning: an exception can escape this thread's entry lambda
  // CHECK-MESSAGES-STARTERS: :[[@LINE-6]]:22: warning: an exception can escape
  // CHECK-FIXES-REPORT: {{^}}  std::thread worker([] {{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}    try {{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}      parse(nullptr);{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}    } catch (...) { report(std::current_exception()); }{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}  });{{$}}
  worker.join();
}

void oneLineLambda() {
  std::thread worker([] { throw std::runtime_error("boom"); });
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES: :[[@LINE-2]]:22: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:22: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-4]]:22: warning: an exception can escape
  // CHECK-FIXES-REPORT: {{^}}  std::thread worker([] { try { throw std::runtime_error("boom"); } catch (...) { report(std::current_exception()); } });{{$}}
  worker.join();
}

void loadConfig(const char *path) { parse(path); }

void functionThatThrows() {
  std::thread loader(loadConfig, "app.conf");
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: an exception can escape this thread's entry function 'loadConfig', and std::terminate then ends the process
  // CHECK-NOTES: :[[@LINE-5]]:6: note: the function is defined here
  // CHECK-NOTES: :[[@LINE-3]]:22: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:22: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-5]]:22: warning: an exception can escape
  loader.join();
}

struct Worker {
  void run() { parse(nullptr); }
  void start();
  std::thread thread;
};
void Worker::start() {
  thread = std::thread(&Worker::run, this);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: an exception can escape this thread's entry function 'Worker::run'
  // CHECK-NOTES: :[[@LINE-7]]:8: note: the function is defined here
  // CHECK-NOTES: :[[@LINE-3]]:24: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:24: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-5]]:24: warning: an exception can escape
}

void throughEmplaceBack() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([i] { if (i > 2) throw i; });
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES: :[[@LINE-2]]:26: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:26: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-4]]:26: warning: an exception can escape
  // CHECK-FIXES-REPORT: {{^}}    threads.emplace_back([i] { try { if (i > 2) throw i; } catch (...) { report(std::current_exception()); } });{{$}}
  for (auto &thread : threads)
    thread.join();
}

#if __cplusplus >= 202002L
void jthreadWithStopToken() {
  std::jthread worker([](std::stop_token stop) {
    while (!stop.stop_requested())
      parse(nullptr);
  });
  // CHECK-NOTES-CXX20: :[[@LINE-4]]:23: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES-CXX20: :[[@LINE-5]]:23: note: catch the exception inside the thread
}
#endif

void userListedStarter() {
  pool::run_detached([] { parse(nullptr); });
  // CHECK-MESSAGES-STARTERS: :[[@LINE-1]]:22: warning: an exception can escape this thread's entry lambda
}

// ---- negatives -------------------------------------------------------------

void guardedByCatchAll() {
  std::thread worker([] {
    try {
      parse(nullptr);
    } catch (...) {
      report(std::current_exception());
    }
  });
  worker.join();
}

void noexceptAndNothingThrows() noexcept {}
void startsQuietFunctions() {
  std::thread first(noexceptAndNothingThrows);
  std::thread second([]() noexcept { int x = 0; ++x; });
  first.join();
  second.join();
}

// Calls into code whose body is not visible are not assumed to throw.
void unknownCallee() {
  std::thread worker(mayFail);
  worker.join();
}

// Not started as a thread.
void notAThread() { auto task = [] { parse(nullptr); }; task(); }

// ---- how the entry function is found and named ----------------------------

struct Poll {
  void operator()() const { parse(nullptr); }
};
void startup(); // declared first, defined below
void functorsAndVariables() {
  std::thread functor{Poll{}};
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: an exception can escape this thread's entry function 'Poll::operator()'
  // CHECK-NOTES: :[[@LINE-6]]:8: note: the function is defined here
  // CHECK-NOTES: :[[@LINE-3]]:23: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:23: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-5]]:23: warning: an exception can escape
  auto task = [] { parse(nullptr); };
  std::thread stored(task); // a lambda, but not written here: no fix-it
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES: :[[@LINE-3]]:15: note: the lambda is defined here
  // CHECK-NOTES: :[[@LINE-3]]:22: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:22: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-5]]:22: warning: an exception can escape
  std::thread early(startup);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: an exception can escape this thread's entry function 'startup'
  // CHECK-NOTES: :[[@LINE+8]]:6: note: the function is defined here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:21: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-5]]:21: warning: an exception can escape
  functor.join();
  stored.join();
  early.join();
}
void startup() { parse(nullptr); }

// The thread runs its first argument: a throwing object passed on as an
// argument to a quiet function is not what runs.
void quiet(Poll) noexcept {}
void onlyTheFirstArgumentRuns() {
  std::thread worker(quiet, Poll{});
  worker.join();
}

// emplace takes a position first in a sequence container, not elsewhere.
#include <list>
#include <optional>
#include <queue>
void emplaceEverywhere() {
  std::list<std::thread> threads;
  threads.emplace(threads.end(), [] { parse(nullptr); });
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES: :[[@LINE-2]]:34: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:34: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-4]]:34: warning: an exception can escape
  // CHECK-FIXES-REPORT: {{^}}  threads.emplace(threads.end(), [] { try { parse(nullptr); } catch (...) { report(std::current_exception()); } });{{$}}
  std::queue<std::thread> pending;
  pending.emplace([] { parse(nullptr); });
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES: :[[@LINE-2]]:19: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:19: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-4]]:19: warning: an exception can escape
  // CHECK-FIXES-REPORT: {{^}}  pending.emplace([] { try { parse(nullptr); } catch (...) { report(std::current_exception()); } });{{$}}
  std::optional<std::thread> maybe;
  maybe.emplace([] { parse(nullptr); });
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: an exception can escape this thread's entry lambda
  // CHECK-NOTES: :[[@LINE-2]]:17: note: catch the exception inside the thread
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:17: warning: an exception can escape
  // CHECK-MESSAGES-STARTERS: :[[@LINE-4]]:17: warning: an exception can escape
  // CHECK-FIXES-REPORT: {{^}}  maybe.emplace([] { try { parse(nullptr); } catch (...) { report(std::current_exception()); } });{{$}}
}
