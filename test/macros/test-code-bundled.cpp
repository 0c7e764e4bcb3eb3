// A test framework bundled in the project's tree (here UnitTest++ under the
// name cpprestsdk gives it) makes the main file test code too.
// RUN: %check_async_tidy %s async-* %t -- -std=c++17 -I%inputs/bundled
// RUN: %check_async_tidy --check-suffix=JUDGED %s async-* %t-judged \
// RUN:   -config="{CheckOptions: {IgnoreTestCode: false}}" -- -std=c++17 -I%inputs/bundled

#include "unittestpp.h"

void work();

TEST(client_closes) {
  try {
    work();
  } catch (...) {
  }
  // CHECK-MESSAGES-JUDGED: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}
