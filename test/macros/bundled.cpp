// The module's rule for code that macros write (support/MacroOrigin.h): a
// framework bundled in the project's tree is included as a user header, and
// the code its macros write is still not reported where they are used. Code
// passed to the macros as arguments is the user's, and so is the body of a
// macro defined in this file.
// RUN: %check_async_tidy %s async-* %t -- -std=c++20 -I%inputs/bundled

#include "test_framework.h"

#include <mutex>
#include <thread>

void work();
std::mutex m;

void useBundledMacros() {
  FW_EXPECT_NO_THROW(work());
  FW_RUN_DETACHED(work);
  FW_LOCKED(m, work());
  FW_SEND(1);
}

void userCodeInAnArgument() {
  FW_EXPECT_NO_THROW(std::thread(work).detach());
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: {{.*}} [async-fire-and-forget]
}

#define LOCAL_SWALLOW(statement)                                               \
  try {                                                                        \
    statement;                                                                 \
  } catch (...) {                                                              \
  }

void localMacro() { LOCAL_SWALLOW(work()); }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
