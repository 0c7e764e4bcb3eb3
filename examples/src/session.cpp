#include "telemetry.h"

#include <asio.hpp>

namespace telemetry {

namespace {
asio::awaitable<void> serve(asio::ip::tcp::socket socket) {
  char data[512];
  for (;;) {
    std::size_t length = co_await socket.async_read_some(asio::buffer(data),
                                                         asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, length),
                               asio::use_awaitable);
  }
}

asio::awaitable<void> listen(asio::ip::tcp::acceptor acceptor) {
  for (;;) {
    asio::ip::tcp::socket socket =
        co_await acceptor.async_accept(asio::use_awaitable);
    // A failing session disappears without a trace.
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket)),
                   asio::detached);
  }
}
} // namespace

void runSessions(unsigned port) {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(
      io, {asio::ip::tcp::v4(), static_cast<unsigned short>(port)});
  // The listener reports its failure: this is how it should be done.
  asio::co_spawn(io, listen(std::move(acceptor)), [](std::exception_ptr error) {
    if (error)
      report_exception(error);
  });
  io.run();
}

} // namespace telemetry
