// Heavy real headers: all of Asio, with C++20 coroutines (an echo server and
// a client), as a networked service's translation unit looks.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <string>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

namespace service {

std::mutex sessions_mutex;
std::map<std::string, int> sessions;

awaitable<void> echo(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    {
      std::lock_guard<std::mutex> lock(sessions_mutex);
      ++sessions[socket.remote_endpoint().address().to_string()];
    }
    asio::co_spawn(acceptor.get_executor(), echo(std::move(socket)),
                   asio::detached);
  }
}

awaitable<std::string> fetch(tcp::socket &socket, std::string request) {
  co_await asio::async_write(socket, asio::buffer(request), use_awaitable);
  std::string reply(128, '\0');
  std::size_t n =
      co_await socket.async_read_some(asio::buffer(reply), use_awaitable);
  reply.resize(n);
  co_return reply;
}

awaitable<void> timed(tcp::socket &socket) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(socket.get_executor(), std::chrono::seconds(1));
  co_await (fetch(socket, "ping") || timer.async_wait(use_awaitable));
}

} // namespace service

int main() {
  asio::io_context io;
  asio::co_spawn(io, service::listener(tcp::acceptor(io, {tcp::v4(), 5555})),
                 [](std::exception_ptr error) {
                   if (error)
                     std::rethrow_exception(error);
                 });
  io.run();
}
