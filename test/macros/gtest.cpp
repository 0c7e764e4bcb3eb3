// The module's rule for code that macros write (support/MacroOrigin.h): the
// catch handlers, guards and calls that gtest's assertion macros write are
// not reported where the assertions are used; code the user writes is.
// RUN: %check_async_tidy %s async-* %t -config="{CheckOptions: {IgnoreTestCode: false}}" -- -std=c++20 --no-system-header-prefix=gtest/

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

int parse(const char *text);
void work();

TEST(Parser, Throws) {
  EXPECT_THROW(parse("x"), std::invalid_argument);
  EXPECT_ANY_THROW(parse("y"));
  EXPECT_NO_THROW(parse("1"));
  ASSERT_NO_THROW(work());
  EXPECT_EQ(parse("2"), 2);
  ASSERT_TRUE(parse("3") == 3) << "three";
}

TEST(Parser, Threads) {
  std::mutex m;
  std::thread t([] { work(); });
  EXPECT_NO_THROW(t.join());
  std::lock_guard<std::mutex> guard(m);
  EXPECT_TRUE(m.try_lock() == false);
}

// What the user writes in a test is still judged, also inside an assertion's
// arguments.
TEST(Parser, UserCode) {
  try {
    work();
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}
