// Macros that expand to the constructs the checks look at: co_await, guards,
// lock()/unlock(), catch blocks, detach and thread starts. Every check warns
// at the macro's use, and no fix-it edits a macro's body or its expansion
// (the file is unchanged after -fix --fix-notes with every check enabled).
// RUN: %check_async_tidy --fix-notes %s async-* %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-fire-and-forget.ReportFunction: 'report', async-exception-escaping-thread.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

void report(std::exception_ptr);
void report_error(std::error_code);
std::error_code send_frame(int);
void work() noexcept(false);

#define AWAIT(x) co_await (x)
#define GUARD(m) std::lock_guard<std::mutex> guard(m)
#define LOCK(m) (m).lock()
#define UNLOCK(m) (m).unlock()
#define IGNORE_ERRORS(statement)                                               \
  try {                                                                        \
    statement;                                                                 \
  } catch (...) {                                                              \
  }
#define SWALLOW catch (...) {}
#define DETACH(t) (t).detach()
#define SPAWN(f) std::thread(f).detach()
#define SEND(n) send_frame(n)
#define INSERT_IF_MISSING(m, k)                                                \
  if ((m).find(k) == (m).end())                                                \
    (m)[k] = 1;

std::mutex table_mutex;
int table = 0;

lib::task<> guardInMacroAcrossAwait() {
  GUARD(table_mutex);
  ++table;
  AWAIT(lib::async_io());
}

lib::task<> guardAcrossAwaitInMacro() {
  std::lock_guard<std::mutex> lock(table_mutex);
  AWAIT(lib::async_io());
}

void lockUnlockMacros() {
  LOCK(table_mutex);
  work();
  UNLOCK(table_mutex);
}

void tryCatchMacro() { IGNORE_ERRORS(work()); }

void catchMacro() {
  try {
    work();
  }
  SWALLOW
}

void detachMacro() {
  std::thread worker(work);
  DETACH(worker);
}

void spawnMacro() { SPAWN(work); }

void sendMacro() { SEND(1); }

void insertMacro(std::map<std::string, int> &counts, const std::string &key) {
  INSERT_IF_MISSING(counts, key);
}

// The same handler written out is fixed as usual: the fixes are withheld
// only where the code comes from a macro.
void catchWrittenOut() {
  try {
    work();
  } catch (...) {
  }
}
// CHECK-FIXES: {{^}}  } catch (...) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    report(std::current_exception());{{$}}

// Each warning is at the macro's use, once:
// CHECK-MESSAGES: :44:3: warning: lock 'guard' is held across a suspension point{{.*}} [async-lock-across-suspend]
// CHECK-MESSAGES: :50:3: warning: lock 'lock' is held across a suspension point{{.*}} [async-lock-across-suspend]
// CHECK-MESSAGES: :55:3: warning: mutex 'table_mutex' is locked and unlocked by hand{{.*}} [async-manual-lock-unlock]
// CHECK-MESSAGES: :60:24: warning: exception is swallowed{{.*}} [async-swallowed-exception]
// CHECK-MESSAGES: :66:3: warning: exception is swallowed{{.*}} [async-swallowed-exception]
// CHECK-MESSAGES: :71:3: warning: thread is detached{{.*}} [async-fire-and-forget]
// CHECK-MESSAGES: :74:21: warning: thread is detached{{.*}} [async-fire-and-forget]
// CHECK-MESSAGES: :76:20: warning: result of 'send_frame' is ignored{{.*}} [async-ignored-error]
// CHECK-MESSAGES: :79:3: warning: 'counts' is searched for a key that is then inserted{{.*}} [async-check-then-insert]
// CHECK-MESSAGES: :87:5: warning: exception is swallowed{{.*}} [async-swallowed-exception]
