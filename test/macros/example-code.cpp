// A file under a directory named examples, samples, tutorials or demos is
// demonstration code: no check reports there unless IgnoreExampleCode is
// false (as a check option or a global one).
// RUN: %clang_tidy -checks='-*,async-fire-and-forget' -header-filter='.*' %s -- -std=c++17 -I%inputs/named 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='warning:'
// RUN: %clang_tidy -checks='-*,async-fire-and-forget' -header-filter='.*' \
// RUN:   -config="{CheckOptions: {IgnoreExampleCode: false}}" %s -- -std=c++17 -I%inputs/named 2>&1 \
// RUN:   | FileCheck %s --check-prefix=JUDGED --implicit-check-not='warning:'
// RUN: %clang_tidy -checks='-*,async-fire-and-forget' -header-filter='.*' \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.IgnoreExampleCode: false}}" %s -- -std=c++17 -I%inputs/named 2>&1 \
// RUN:   | FileCheck %s --check-prefix=JUDGED --implicit-check-not='warning:'

#include "examples/echo/session.h"

void service() {
  std::thread(serve).detach();
}

// DEFAULT: example-code.cpp:[[@LINE-3]]:22: warning: thread is detached
// JUDGED-DAG: session.h:8:22: warning: thread is detached
// JUDGED-DAG: example-code.cpp:[[@LINE-5]]:22: warning: thread is detached
