#include "telemetry.h"

#include <asio.hpp>
#include <fstream>
#include <iterator>

namespace telemetry {

namespace {
std::mutex stats_mutex;
std::size_t bytes_sent = 0;

std::string loadGreeting() {
  // A blocking read: fine in a thread, not inside a coroutine.
  std::ifstream file("/etc/telemetry/greeting");
  return {std::istreambuf_iterator<char>(file),
          std::istreambuf_iterator<char>()};
}
} // namespace

asio::awaitable<void> greet(asio::ip::tcp::socket &socket) {
  // The file read stalls every session on this thread.
  std::string greeting = loadGreeting();
  // The lock is held while the write is in flight.
  std::lock_guard<std::mutex> lock(stats_mutex);
  bytes_sent += greeting.size();
  co_await asio::async_write(socket, asio::buffer(greeting),
                             asio::use_awaitable);
}

asio::awaitable<void>
broadcast(std::vector<asio::ip::tcp::endpoint> collectors) {
  auto executor = co_await asio::this_coro::executor;
  // One connection after another: N round trips where one would do.
  for (const auto &collector : collectors) {
    asio::ip::tcp::socket socket(executor);
    co_await socket.async_connect(collector, asio::use_awaitable);
  }
}

} // namespace telemetry
