// Where the comments of clang-tidy silence a check (support/NoLint.h), as the
// whole-program merge needs to know after clang-tidy has ended.
// The reports all lie on line 1, in an order of clang-tidy's: each call has
// one, and a status other than the expected one fails the test.
// RUN: %probe_tidy -checks='-*,probe-nolint' %s -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck %s --input-file=%t.out
// RUN: grep -c "warning: call on line" %t.out | FileCheck %s --check-prefix=COUNT
// COUNT: 13
// RUN: not grep "error:" %t.out
// RUN: %probe_tidy -checks='-*,probe-nolint' %s \
// RUN:   -config="{CheckOptions: {probe-nolint.Check: async-unbounded-container}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OTHER

void f();
#define CALL_F() f()

void calls() {
  f();
  // CHECK-DAG: warning: call on line [[@LINE-1]] is not silenced for async-lock-order-inversion
  f(); // NOLINT
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  f(); // NOLINT(async-lock-order-inversion)
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  // OTHER-DAG: warning: call on line [[@LINE-2]] is not silenced for async-unbounded-container
  f(); // NOLINT(bugprone-*, async-*)
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  // OTHER-DAG: warning: call on line [[@LINE-2]] is silenced for async-unbounded-container
  f(); // NOLINT(async-lock-*-inversion)
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  f(); // NOLINT(-async-lock-order-inversion, bugprone-use-after-move)
  // Negative globs in the list are not read, as clang-tidy does not either.
  // CHECK-DAG: warning: call on line [[@LINE-2]] is not silenced for async-lock-order-inversion
  f(); // NOLINTNEXTLINE(async-lock-order-inversion)
  // CHECK-DAG: warning: call on line [[@LINE-1]] is not silenced for async-lock-order-inversion
  // NOLINTNEXTLINE(async-lock-order-inversion)
  f();
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  // NOLINTNEXTLINE
  f();
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  CALL_F(); // NOLINT(async-lock-order-inversion)
  // The line of the macro's expansion is the line of the warning.
  // CHECK-DAG: warning: call on line [[@LINE-2]] is silenced for async-lock-order-inversion
}

// NOLINTBEGIN(async-lock-order-inversion)
void inRegion() {
  f();
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  // OTHER-DAG: warning: call on line [[@LINE-2]] is not silenced for async-unbounded-container
}
// NOLINTEND(async-lock-order-inversion)

void afterRegion() {
  f();
  // CHECK-DAG: warning: call on line [[@LINE-1]] is not silenced for async-lock-order-inversion
}

// NOLINTBEGIN
void inBareRegion() {
  f();
  // CHECK-DAG: warning: call on line [[@LINE-1]] is silenced for async-lock-order-inversion
  // OTHER-DAG: warning: call on line [[@LINE-2]] is silenced for async-unbounded-container
}
// NOLINTEND
