// Other error carriers: Boost's error_code (real Boost headers) and an
// expected-like type listed by the user, whose fix-it reports error().
// AllowCastToVoid and AllowStdIgnore each allow only their own form.
// RUN: %check_async_tidy %s async-ignored-error %t \
// RUN:   -config="{CheckOptions: {async-ignored-error.ReportFunction: 'report', async-ignored-error.ErrorTypes: '::boost::system::error_code;::app::Result'}}" \
// RUN:   -- -std=c++17
// RUN: %check_async_tidy --check-suffix=VOID %s async-ignored-error %t-void \
// RUN:   -config="{CheckOptions: {async-ignored-error.AllowCastToVoid: true}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=IGNORE %s async-ignored-error %t-ignore \
// RUN:   -config="{CheckOptions: {async-ignored-error.AllowStdIgnore: true}}" -- -std=c++17

#include <boost/system/error_code.hpp>
#include <string>
#include <system_error>
#include <tuple>

namespace app {
// Like std::expected: true holds a value, error() says what failed.
struct Result {
  explicit operator bool() const;
  const std::string &error() const;
};
Result load(int id);
} // namespace app

void report(const boost::system::error_code &);
void report(const std::string &);
boost::system::error_code resolve(const char *host);
std::error_code connect(int port);

void carriers() {
  resolve("collector");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'resolve' is ignored
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: result of 'resolve' is ignored
  // CHECK-MESSAGES-IGNORE: :[[@LINE-3]]:3: warning: result of 'resolve' is ignored
  // CHECK-FIXES: {{^}}  if (auto ec = resolve("collector"); ec) report(ec);{{$}}
  app::load(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'load' is ignored
  // CHECK-FIXES: {{^}}  if (auto result = app::load(7); !result) report(result.error());{{$}}
}

void explicitDiscards() {
  (void)connect(1);
  // CHECK-MESSAGES-IGNORE: :[[@LINE-1]]:9: warning: result of 'connect' is discarded by a cast to void
  std::ignore = connect(2);
  // CHECK-MESSAGES-VOID: :[[@LINE-1]]:17: warning: result of 'connect' is assigned to 'std::ignore'
}
