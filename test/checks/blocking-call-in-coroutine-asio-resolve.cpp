// Console output is not blocking I/O; a synchronous resolve in a coroutine
// is (real standalone Asio).
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t \
// RUN:   -- -std=c++20 -DASIO_HAS_CO_AWAIT

#include <asio.hpp>

#include <cstdio>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> connect(tcp::socket &socket, const char *host) {
  tcp::resolver resolver(co_await asio::this_coro::executor);
  auto endpoints = resolver.resolve(host, "80");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'resolve' blocks the thread that runs this coroutine, stalling every other task on it [async-blocking-call-in-coroutine]
  co_await asio::async_connect(socket, endpoints, use_awaitable);
  auto again = co_await resolver.async_resolve(host, "80", use_awaitable);
  (void)again;
}

awaitable<void> progress(std::FILE *log) {
  std::printf("step\n");
  std::fflush(stdout);
  std::fputs("warning\n", stderr);
  std::fflush(log);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fflush' blocks the thread that runs this coroutine
  co_return;
}
