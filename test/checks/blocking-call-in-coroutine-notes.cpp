// The notes: where a called function blocks, and what to do instead.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -std=c++20 -I%inputs

#include "task.h"

#include <fstream>

bool loadSettings() {
  std::ifstream settings("/etc/app.conf");
  return settings.good();
}
bool settingsOrDefault() { return loadSettings(); }

lib::task<bool> throughHelpers() {
  bool settings = settingsOrDefault();
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'settingsOrDefault' blocks the thread that runs this coroutine, stalling every other task on it [async-blocking-call-in-coroutine]
  // CHECK-NOTES: :[[@LINE-5]]:35: note: 'settingsOrDefault' blocks here, in a call to 'loadSettings'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: await an asynchronous counterpart instead, or hand the call to another executor (for example with asio::post)
  co_return settings;
}
