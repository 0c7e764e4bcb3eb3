// co_spawn with detached, on real Boost.Asio (it cannot share a translation
// unit with standalone Asio). Boost 1.74 recognises clang's coroutines only
// when told (BOOST_ASIO_HAS_CO_AWAIT).
// RUN: %check_async_tidy %s async-fire-and-forget %t -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT
// RUN: %check_async_tidy --check-suffix=REPORT %s async-fire-and-forget %t-report \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.ReportFunction: 'report_failure'}}" \
// RUN:   -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT

#include <utility> // Boost 1.74 uses std::exchange without including it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
// CHECK-FIXES-REPORT: {{^}}#include <exception>{{$}}

void report_failure(std::exception_ptr);

boost::asio::awaitable<void> boostSession() { co_return; }

void spawnsDetachedWithBoost(boost::asio::io_context &io) {
  boost::asio::co_spawn(io, boostSession(), boost::asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: coroutine spawned with 'detached'
  // CHECK-NOTES: :[[@LINE-2]]:45: note: rethrow the exception
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:45: warning: coroutine spawned with 'detached'
  // CHECK-FIXES-REPORT: {{^}}  boost::asio::co_spawn(io, boostSession(), [](std::exception_ptr error) { if (error) report_failure(error); });{{$}}
}

void spawnsWithAHandler(boost::asio::io_context &io) {
  boost::asio::co_spawn(io, boostSession(), [](std::exception_ptr error) {
    if (error)
      report_failure(error);
  });
}
