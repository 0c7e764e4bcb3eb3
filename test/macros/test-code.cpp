// The module's rule for the tests' own code (support/TestCode.h): in a
// translation unit that includes a test framework, the main file is test
// code, and no check reports there unless IgnoreTestCode is false.
// RUN: %check_async_tidy %s async-* %t -- -std=c++20
// RUN: %check_async_tidy --check-suffix=JUDGED %s async-* %t-judged \
// RUN:   -config="{CheckOptions: {IgnoreTestCode: false}}" -- -std=c++20
// RUN: %check_async_tidy --check-suffix=ONE-CHECK %s async-swallowed-exception,async-fire-and-forget %t-one \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.IgnoreTestCode: false}}" -- -std=c++20

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

int parse(const char *text);
void work();

TEST(Parser, RejectsGarbage) {
  try {
    parse("x");
    FAIL() << "no exception";
  } catch (const std::invalid_argument &) {
  }
  // CHECK-MESSAGES-JUDGED: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
  // CHECK-MESSAGES-ONE-CHECK: :[[@LINE-3]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}

TEST(Worker, Runs) {
  std::thread(work).detach();
  // CHECK-MESSAGES-JUDGED: :[[@LINE-1]]:21: warning: thread is detached: {{.*}} [async-fire-and-forget]
}
