// The module's rule for code that macros write (support/MacroOrigin.h): the
// handlers that doctest's assertion macros write are not reported where the
// assertions are used; code the user writes is. (Tests are judged here:
// IgnoreTestCode is off.)
// RUN: %check_async_tidy %s async-* %t -config="{CheckOptions: {IgnoreTestCode: false}}" -- -std=c++20 --no-system-header-prefix=doctest/

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <stdexcept>

int parse(const char *text);
void work();

TEST_CASE("parser") {
  REQUIRE(parse("1") == 1);
  CHECK(parse("2") == 2);
  CHECK_NOTHROW(parse("3"));
  CHECK_THROWS(parse("x"));
  CHECK_THROWS_AS(parse("y"), std::invalid_argument);
  SUBCASE("nested") { REQUIRE_NOTHROW(work()); }
}

TEST_CASE("user code") {
  try {
    work();
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}
