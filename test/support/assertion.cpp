// Which code an assertion macro holds (support/MacroOrigin.h).
// RUN: %probe_tidy -checks='-*,probe-assertion' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"
// RUN: %probe_tidy -checks='-*,probe-assertion' %s -- -std=c++17 -DNDEBUG 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NDEBUG --implicit-check-not="warning:"

#include <cassert>

#define _ASSERTE(x) assert(x)
#define DCHECK(x) assert(x)
#define CHECK_NE(a, b) ((a) != (b) ? (void)0 : __builtin_abort())
#define LOG_IF(x) ((x) ? (void)0 : (void)0)
#define WRAP(x) (x)

void uses(int value) {
  assert(value > 0);
  // CHECK: :[[@LINE-1]]:10: warning: in an assertion
  _ASSERTE(value);
  // CHECK: :[[@LINE-1]]:12: warning: in an assertion
  DCHECK(value);
  // CHECK: :[[@LINE-1]]:10: warning: in an assertion
  CHECK_NE(value, 3);
  // CHECK: :[[@LINE-1]]:12: warning: in an assertion
  // NDEBUG: :[[@LINE-2]]:12: warning: in an assertion
  LOG_IF(value);
  // CHECK: :[[@LINE-1]]:10: warning: not in an assertion
  // NDEBUG: :[[@LINE-2]]:10: warning: not in an assertion
  WRAP(value);
  // CHECK: :[[@LINE-1]]:8: warning: not in an assertion
  // NDEBUG: :[[@LINE-2]]:8: warning: not in an assertion
  int copy = value;
  // CHECK: :[[@LINE-1]]:14: warning: not in an assertion
  // NDEBUG: :[[@LINE-2]]:14: warning: not in an assertion
  (void)copy;
  // CHECK: :[[@LINE-1]]:9: warning: not in an assertion
  // NDEBUG: :[[@LINE-2]]:9: warning: not in an assertion
}
