// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --check-suffix=REPLACE %s async-blocking-call-in-coroutine %t-replace \
// RUN:   -config="{CheckOptions: {async-blocking-call-in-coroutine.Replacements: '::std::this_thread::sleep_for=co_await app::async_sleep_for;::fopen=app::open_async'}}" \
// RUN:   -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --check-suffix=OPTIONS %s async-blocking-call-in-coroutine %t-options \
// RUN:   -config="{CheckOptions: {async-blocking-call-in-coroutine.BlockingFunctions: '::app::query', async-blocking-call-in-coroutine.BlockingTypes: '', async-blocking-call-in-coroutine.OffloadFunctions: '::app::on_pool'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <thread>

using namespace std::chrono_literals;

namespace app {
lib::task<> async_sleep_for(std::chrono::milliseconds);
FILE *open_async(const char *, const char *);
int query(const char *sql);
template <typename F> void on_pool(F f) { f(); }
} // namespace app

std::mutex table_mutex;

// ---- positives -------------------------------------------------------------

lib::task<> sleeps() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep_for' blocks the thread that runs this coroutine, stalling every other task on it [async-blocking-call-in-coroutine]
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:3: warning: 'sleep_for' blocks the thread
  // CHECK-FIXES-REPLACE: {{^}}  co_await app::async_sleep_for(10ms);{{$}}
  co_return;
}

lib::task<int> readsAFile(std::future<int> pending) {
  FILE *file = std::fopen("/tmp/state", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'fopen' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:16: warning: 'fopen' blocks the thread
  // CHECK-FIXES-REPLACE: {{^}}  FILE *file = app::open_async("/tmp/state", "r");{{$}}
  std::ifstream input("/tmp/index");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: constructing 'std::ifstream' (aka 'basic_ifstream<char>') blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:17: warning: constructing 'std::ifstream'
  std::string line;
  std::getline(input, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getline' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:3: warning: 'getline' blocks the thread
  table_mutex.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lock' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:3: warning: 'lock' blocks the thread
  table_mutex.unlock();
  int value = pending.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'get' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:15: warning: 'get' blocks the thread
  std::fclose(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fclose' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:3: warning: 'fclose' blocks the thread
  co_return value;
}

// A blocking call reached through a function of this translation unit.
int loadSettings() {
  std::ifstream settings("/etc/app.conf");
  return settings.good() ? 1 : 0;
}
int settingsOrDefault() { return loadSettings(); }

lib::task<int> throughHelpers() {
  int settings = settingsOrDefault();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'settingsOrDefault' blocks the thread that runs this coroutine
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:18: warning: 'settingsOrDefault' blocks the thread
  co_return settings;
}

lib::task<> queries() {
  app::query("select 1");
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'query' blocks the thread
  co_await lib::async_io();
}

// A coroutine lambda is a coroutine too.
auto lambdaCoroutine = []() -> lib::task<> {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep_for' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:3: warning: 'sleep_for' blocks the thread
  // CHECK-FIXES-REPLACE: {{^}}  co_await app::async_sleep_for(1ms);{{$}}
  co_return;
};

// ---- negatives -------------------------------------------------------------

void ordinaryFunction() {
  std::this_thread::sleep_for(10ms);
  std::ifstream input("/tmp/index");
}

lib::task<> lambdaThatIsNotACoroutine() {
  // Runs where the lambda is called, which is not here.
  auto later = [] { std::this_thread::sleep_for(1ms); };
  (void)later;
  co_await lib::async_io();
}

lib::task<> offloaded() {
  // What an offload function is handed runs on another executor.
  auto result = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(1ms);
    return 1;
  });
  app::on_pool([] { std::this_thread::sleep_for(1ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'on_pool' blocks the thread
  // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:3: warning: 'on_pool' blocks the thread
  (void)result;
  co_await lib::async_io();
}

// The program's own global functions are not the C library's, whatever
// their names; queries on a stream and streams without a file do not block.
bool send(const std::string &message) { return !message.empty(); }
int connect(int peer) { return peer + 1; }
lib::task<bool> ownFunctionsAndQueries(std::ofstream &log) {
  bool sent = send("hello") && connect(3) > 0;
  bool open = log.is_open() && log.good();
  std::ofstream later;
  (void)later;
  co_return sent && open;
}

// Operands that are never evaluated do not block.
lib::task<bool> unevaluated(std::future<int> &pending) {
  bool nothrow = noexcept(pending.get());
  co_return nothrow && sizeof(std::fopen("/tmp/x", "r")) > 0;
}

// co_await may not appear in a handler: the warning stays, without the fix.
lib::task<> inAHandler() {
  try {
    co_await lib::async_io();
  } catch (...) {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep_for' blocks the thread
    // CHECK-MESSAGES-REPLACE: :[[@LINE-2]]:5: warning: 'sleep_for' blocks the thread
    throw;
  }
}
