// A coroutine spawned with 'detached' whose whole body catches what it throws
// loses nothing (Asio's own examples are written so), nor does one main
// starts once; one that lets an exception out elsewhere is still reported.
// RUN: %check_async_tidy %s async-fire-and-forget %t -- -std=c++20 -DASIO_HAS_CO_AWAIT

#include <asio.hpp>

#include <cstdio>
#include <exception>

using asio::awaitable;
using asio::detached;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> echo(tcp::socket socket) {
  try {
    char data[1024];
    for (;;) {
      std::size_t n =
          co_await socket.async_read_some(asio::buffer(data), use_awaitable);
      co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
    }
  } catch (std::exception &e) {
    std::printf("echo Exception: %s\n", e.what());
  }
}

struct session {
  awaitable<void> run() {
    try {
      co_await asio::this_coro::executor;
    } catch (...) {
      std::printf("session ended\n");
    }
  }
};

awaitable<void> listener(tcp::acceptor &acceptor, session &s) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    co_spawn(socket.get_executor(), echo(std::move(socket)), detached);
    co_spawn(acceptor.get_executor(), [&s] { return s.run(); }, detached);
  }
}

void serve(asio::io_context &context, tcp::acceptor &acceptor, session &s) {
  co_spawn(context, listener(acceptor, s), detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: coroutine spawned with 'detached': an exception it throws is lost [async-fire-and-forget]
}

// Started once, by main: the listener is the program, not a lost task.
int main() {
  asio::io_context context;
  tcp::acceptor acceptor(context, {tcp::v4(), 5555});
  session s;
  co_spawn(context, listener(acceptor, s), detached);
  context.run();
}
