// The module's rule for code that macros write (support/MacroOrigin.h): the
// handlers that Catch2's assertion macros write are not reported where the
// assertions are used; code the user writes is. (Tests are judged here:
// IgnoreTestCode is off.)
// RUN: %check_async_tidy %s async-* %t -config="{CheckOptions: {IgnoreTestCode: false}}" -- -std=c++20 --no-system-header-prefix=catch2/

#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <stdexcept>

int parse(const char *text);
void work();

TEST_CASE("parser") {
  REQUIRE(parse("1") == 1);
  CHECK(parse("2") == 2);
  REQUIRE_NOTHROW(parse("3"));
  CHECK_THROWS(parse("x"));
  CHECK_THROWS_AS(parse("y"), std::invalid_argument);
  REQUIRE_THROWS_WITH(parse("z"), "bad");
  SECTION("nested") { CHECK_NOTHROW(work()); }
}

TEST_CASE("user code") {
  try {
    work();
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}
