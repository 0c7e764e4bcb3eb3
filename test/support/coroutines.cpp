// Which functions are coroutines, and where they suspend (not counting the
// implicit initial and final suspensions, nor lambdas written inside).
// RUN: %probe_tidy -checks='-*,probe-coroutine' %s -- -std=c++20 -I%inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

#include "task.h"

void plain() {}
// CHECK: :[[@LINE-1]]:6: warning: not a coroutine [probe-coroutine]

lib::task<int> awaits() {
// CHECK: :[[@LINE-1]]:16: warning: coroutine
  int first = co_await lib::async_io();
  // CHECK: :[[@LINE-1]]:15: warning: suspension point
  auto inner = [] { return 1; };
  co_return first + inner() + co_await lib::async_io();
  // CHECK: :[[@LINE-1]]:31: warning: suspension point
}

lib::task<> returnsOnly() { co_return; }
// CHECK: :[[@LINE-1]]:13: warning: coroutine
