// RUN: %check_async_tidy %s async-ignored-error %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=REPORT %s async-ignored-error %t-report \
// RUN:   -config="{CheckOptions: {async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=ALLOW %s async-ignored-error %t-allow \
// RUN:   -config="{CheckOptions: {async-ignored-error.AllowCastToVoid: true, async-ignored-error.AllowStdIgnore: true}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=TYPES %s async-ignored-error %t-types \
// RUN:   -config="{CheckOptions: {async-ignored-error.ErrorTypes: '::app::Outcome', async-ignored-error.CheckedFunctions: 'enqueue', async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=CXX14 %s async-ignored-error %t-cxx14 \
// RUN:   -config="{CheckOptions: {async-ignored-error.ReportFunction: 'report_error'}}" -- -std=c++14

#include <system_error>
#include <tuple>

namespace app {
// A user-listed error carrier; like std::error_code, true means failure.
struct Outcome {
  explicit operator bool() const;
};
Outcome save();
std::error_code connect(int port);
bool enqueue(int job);
} // namespace app

void report_error(std::error_code);
void report_error(app::Outcome);
std::error_code flush_log();
bool sendMessage(const char *text);
int write_record(int fd);
std::error_code &last_error();

// ---- positives -------------------------------------------------------------

void dropsErrorCodes(int port) {
  app::connect(port);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'connect' is ignored: a failure of the call goes unnoticed [async-ignored-error]
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-3]]:3: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:3: warning: result of 'connect' is ignored
  // CHECK-FIXES-REPORT: {{^}}  if (auto ec = app::connect(port); ec) report_error(ec);{{$}}
  (void)flush_log();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: result of 'flush_log' is discarded by a cast to void: a failure of the call goes unnoticed [async-ignored-error]
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:9: warning: result of 'flush_log' is discarded by a cast to void
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:9: warning: result of 'flush_log' is discarded by a cast to void
  // CHECK-FIXES-REPORT: {{^}}  if (auto ec = flush_log(); ec) report_error(ec);{{$}}
  std::ignore = flush_log();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: result of 'flush_log' is assigned to 'std::ignore': a failure of the call goes unnoticed [async-ignored-error]
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:17: warning: result of 'flush_log' is assigned to 'std::ignore'
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:17: warning: result of 'flush_log' is assigned to 'std::ignore'
  // CHECK-FIXES-REPORT: {{^}}  if (auto ec = flush_log(); ec) report_error(ec);{{$}}
}

// The fix-it's variable must not capture a name the call uses.
void avoidsNameClash(int ec) {
  app::connect(ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-3]]:3: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:3: warning: result of 'connect' is ignored
  // CHECK-FIXES-REPORT: {{^}}  if (auto ec2 = app::connect(ec); ec2) report_error(ec2);{{$}}
}

void dropsSuccessFlags(int fd) {
  sendMessage("hello");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'sendMessage' is ignored
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: result of 'sendMessage' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-3]]:3: warning: result of 'sendMessage' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:3: warning: result of 'sendMessage' is ignored
  for (int i = 0; i < 3; ++i)
    write_record(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: result of 'write_record' is ignored
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:5: warning: result of 'write_record' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-3]]:5: warning: result of 'write_record' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:5: warning: result of 'write_record' is ignored
}

// Outside a block a fix-it would change what an else binds to: no fix.
void dropsInABranch(bool retry) {
  if (retry)
    flush_log();
  else
    app::connect(80);
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: result of 'flush_log' is ignored
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-REPORT: :[[@LINE-5]]:5: warning: result of 'flush_log' is ignored
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:5: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-7]]:5: warning: result of 'flush_log' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-6]]:5: warning: result of 'connect' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-9]]:5: warning: result of 'flush_log' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-8]]:5: warning: result of 'connect' is ignored
}

void dropsUserListedResults() {
  app::save();
  // CHECK-MESSAGES-TYPES: :[[@LINE-1]]:3: warning: result of 'save' is ignored
  app::enqueue(1);
  // CHECK-MESSAGES-TYPES: :[[@LINE-1]]:3: warning: result of 'enqueue' is ignored
}

// ---- negatives -------------------------------------------------------------

std::error_code testsTheResult(int port) {
  if (auto ec = app::connect(port))
    return ec;
  std::error_code stored = flush_log();
  if (!sendMessage("x"))
    return stored;
  report_error(flush_log()); // passed on
  return app::connect(port); // returned
}

void assignsThroughAReference(std::error_code other) {
  last_error() = other;           // operator= returns a reference
  last_error().assign(0, std::generic_category());
}

// Counts that cannot say "failed", functions that report through an error
// argument, and names that only contain a checked word in their scope.
unsigned long write_bytes(int fd);
int write_some(int fd, std::error_code &ec);
struct WriteBatch {
  static int Count();
};
void notErrorResults(int fd, std::error_code &ec) {
  write_bytes(fd);
  write_some(fd, ec);
  WriteBatch::Count();
}

// A user-listed type that only converts to bool may mean success by true:
// it is reported, but the fix-it does not guess what to test.
// CHECK-MESSAGES-TYPES: :[[@LINE+3]]:3: warning: result of 'save' is ignored
// (the REPORT run does not list app::Outcome, so it reports nothing here)
void noGuessedFix() {
  app::save();
}

// A function template is named without its template arguments.
template <typename Socket> bool sendPacket(Socket &socket);
void dropsATemplateResult(int socket) {
  sendPacket(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'sendPacket' is ignored: a failure of the call goes unnoticed [async-ignored-error]
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: result of 'sendPacket' is ignored
  // CHECK-MESSAGES-ALLOW: :[[@LINE-3]]:3: warning: result of 'sendPacket' is ignored
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:3: warning: result of 'sendPacket' is ignored
}
