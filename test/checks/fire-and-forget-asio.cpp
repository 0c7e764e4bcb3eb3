// co_spawn with detached, on real standalone Asio (Boost.Asio: the -boost-asio test). Asio 1.22
// recognises clang's coroutines only when told (ASIO_HAS_CO_AWAIT).
// RUN: %check_async_tidy %s async-fire-and-forget %t -- -std=c++20 -DASIO_HAS_CO_AWAIT
// RUN: %check_async_tidy --check-suffix=NOTES --fix-notes %s async-fire-and-forget %t-notes \
// RUN:   -- -std=c++20 -DASIO_HAS_CO_AWAIT
// RUN: %check_async_tidy --check-suffix=REPORT %s async-fire-and-forget %t-report \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.ReportFunction: 'report_failure'}}" \
// RUN:   -- -std=c++20 -DASIO_HAS_CO_AWAIT

#include <asio.hpp>
// The handler needs std::exception_ptr: the fix includes <exception>.
// CHECK-FIXES-NOTES: {{^}}#include <exception>{{$}}
// CHECK-FIXES-REPORT: {{^}}#include <exception>{{$}}

void report_failure(std::exception_ptr);

asio::awaitable<void> session() { co_return; }
asio::awaitable<int> count() { co_return 1; }

void spawnsDetached(asio::io_context &io) {
  asio::co_spawn(io, session(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: coroutine spawned with 'detached': an exception it throws is lost [async-fire-and-forget]
  // CHECK-NOTES: :[[@LINE-2]]:33: note: rethrow the exception from a completion handler, or set the option 'async-fire-and-forget.ReportFunction' to report it
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:33: warning: coroutine spawned with 'detached'
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:33: warning: coroutine spawned with 'detached'
  // CHECK-FIXES-NOTES: {{^}}  asio::co_spawn(io, session(), [](std::exception_ptr error) { if (error) std::rethrow_exception(error); });{{$}}
  // CHECK-FIXES-REPORT: {{^}}  asio::co_spawn(io, session(), [](std::exception_ptr error) { if (error) report_failure(error); });{{$}}

  // A coroutine with a result: the handler takes it too.
  asio::co_spawn(io.get_executor(), count(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:46: warning: coroutine spawned with 'detached'
  // CHECK-NOTES: :[[@LINE-2]]:46: note: rethrow the exception
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:46: warning: coroutine spawned with 'detached'
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:46: warning: coroutine spawned with 'detached'
  // CHECK-FIXES-NOTES: {{^}}  asio::co_spawn(io.get_executor(), count(), [](std::exception_ptr error, auto&&) { if (error) std::rethrow_exception(error); });{{$}}
  // CHECK-FIXES-REPORT: {{^}}  asio::co_spawn(io.get_executor(), count(), [](std::exception_ptr error, auto&&) { if (error) report_failure(error); });{{$}}

  // A lambda that makes the coroutine.
  asio::co_spawn(
      io, []() -> asio::awaitable<void> { co_return; }, asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:57: warning: coroutine spawned with 'detached'
  // CHECK-NOTES: :[[@LINE-2]]:57: note: rethrow the exception
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:57: warning: coroutine spawned with 'detached'
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:57: warning: coroutine spawned with 'detached'
  // CHECK-FIXES-REPORT: {{^}}      io, []() -> asio::awaitable<void> { co_return; }, [](std::exception_ptr error) { if (error) report_failure(error); });{{$}}
  // CHECK-FIXES-NOTES: {{^}}      io, []() -> asio::awaitable<void> { co_return; }, [](std::exception_ptr error) { if (error) std::rethrow_exception(error); });{{$}}
}

// ---- negatives -------------------------------------------------------------

void spawnsWithAHandler(asio::io_context &io) {
  asio::co_spawn(io, session(), [](std::exception_ptr error) {
    if (error)
      report_failure(error);
  });
}

std::future<int> spawnsForAFuture(asio::io_context &io) {
  return asio::co_spawn(io, count(), asio::use_future);
}

asio::awaitable<void> awaitsTheChild() {
  co_await asio::co_spawn(co_await asio::this_coro::executor, session(),
                          asio::use_awaitable);
}
