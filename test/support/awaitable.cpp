// The result type of an Asio awaitable, or of the callable that makes one.
// RUN: %probe_tidy -checks='-*,probe-awaitable' %s -- -std=c++20 -DASIO_HAS_CO_AWAIT 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|error}}:"

#include <asio/awaitable.hpp>

asio::awaitable<void> nothing();
asio::awaitable<int> number();

void variables() {
  auto first = nothing();
  // CHECK: :[[@LINE-1]]:16: warning: awaitable of 'void' [probe-awaitable]
  auto second = number();
  // CHECK: :[[@LINE-1]]:17: warning: awaitable of 'int'
  auto maker = []() -> asio::awaitable<int> { co_return 1; };
  // CHECK: :[[@LINE-1]]:16: warning: awaitable of 'int'
  auto plain = [] { return 1; };
  // CHECK: :[[@LINE-1]]:16: warning: not an awaitable
  int value = 3;
  // CHECK: :[[@LINE-1]]:15: warning: not an awaitable
}
