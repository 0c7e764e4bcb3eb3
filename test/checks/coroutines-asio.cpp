// The coroutine checks on real standalone Asio: asio::awaitable coroutines,
// co_spawn and use_awaitable. Asio 1.22 recognises clang's coroutines only
// when told (ASIO_HAS_CO_AWAIT).
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine,async-lock-across-suspend,async-sequential-await-in-loop %t \
// RUN:   -- -std=c++20 -DASIO_HAS_CO_AWAIT

#include <asio.hpp>

#include <chrono>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

std::mutex sessions_mutex;
int sessions = 0;

awaitable<void> session(tcp::socket socket) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep_for' blocks the thread that runs this coroutine, stalling every other task on it [async-blocking-call-in-coroutine]
  std::lock_guard<std::mutex> lock(sessions_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock 'lock' is held across a suspension point: another coroutine that needs it deadlocks, and it may be released on another thread [async-lock-across-suspend]
  ++sessions;
  char data[64];
  std::size_t length =
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, length),
                             use_awaitable);
}

awaitable<void> notify(std::vector<tcp::endpoint> peers) {
  auto executor = co_await asio::this_coro::executor;
  for (const tcp::endpoint &peer : peers) {
    tcp::socket socket(executor);
    co_await socket.async_connect(peer, use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: each iteration waits here before the next one starts, although the awaited operations do not depend on each other [async-sequential-await-in-loop]
  }
}

// ---- negatives -------------------------------------------------------------

awaitable<void> correct(tcp::socket socket, asio::thread_pool &pool) {
  {
    std::lock_guard<std::mutex> lock(sessions_mutex);
    ++sessions;
  }
  // Blocking work handed to a thread pool does not block this coroutine.
  asio::post(pool, [] {
    std::ifstream index("/tmp/index");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  });
  asio::steady_timer timer(socket.get_executor());
  for (int attempt = 0; attempt < 3; ++attempt) {
    timer.expires_after(std::chrono::milliseconds(10 << attempt));
    co_await timer.async_wait(use_awaitable);
  }
  char data[64];
  for (;;) {
    std::size_t length =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    if (length == 0)
      break;
  }
}

void start(asio::io_context &io, tcp::socket socket) {
  asio::co_spawn(io, session(std::move(socket)), [](std::exception_ptr) {});
}
