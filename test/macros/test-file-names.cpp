// A file whose name says it holds tests is test code without any framework
// (the header included here is named queue_test.h); the main file of a unit
// without a framework is judged as usual.
// RUN: %check_async_tidy %s async-swallowed-exception %t -- -std=c++17 -I%inputs/named
// RUN: %clang_tidy -checks='-*,async-swallowed-exception' -header-filter='.*' %s -- -std=c++17 -I%inputs/named 2>&1 \
// RUN:   | FileCheck %s --check-prefix=HEADER --implicit-check-not='warning:'
// RUN: %clang_tidy -checks='-*,async-swallowed-exception' -header-filter='.*' \
// RUN:   -config="{CheckOptions: {IgnoreTestCode: false}}" %s -- -std=c++17 -I%inputs/named 2>&1 \
// RUN:   | FileCheck %s --check-prefix=JUDGED

#include "queue_test.h"

void notATest() {
  try {
    work();
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}

// HEADER: test-file-names.cpp:[[@LINE-5]]:5: warning: exception is swallowed
// JUDGED-DAG: queue_test.h:8:5: warning: exception is swallowed
// JUDGED-DAG: test-file-names.cpp:[[@LINE-7]]:5: warning: exception is swallowed
