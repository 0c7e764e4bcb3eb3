// The checks join clang-tidy's one walk of the translation unit, narrowed to
// the user's code (support/UserCodeScope.h): a defect in a system header is
// not reported, unless SystemHeaders is set; each check still has its own
// line in the check profile.
// RUN: %clang_tidy -checks='-*,async-fire-and-forget' %s -- -std=c++17 \
// RUN:   -isystem %inputs/system 2>&1 \
// RUN:   | FileCheck %s --check-prefix=USER --implicit-check-not="warning:"
// RUN: %clang_tidy -checks='-*,async-fire-and-forget' --system-headers \
// RUN:   --header-filter='.*' %s -- -std=c++17 -isystem %inputs/system 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=USER,SYSTEM \
// RUN:     --implicit-check-not="warning:"
// RUN: %clang_tidy -checks='-*,async-fire-and-forget,async-ignored-error' \
// RUN:   --enable-check-profile %s -- -std=c++17 -isystem %inputs/system 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PROFILE
//
// The narrowed walk serves the built-in checks of the run too: on LLVM 19 a
// warning that a built-in check places in a system header's template, with
// a note in the user's code, is then no longer reported, as clang-tidy 21
// and later do not report it either (they skip system headers themselves).
// RUN: %clang_tidy -checks='-*,llvmlibc-callee-namespace,async-fire-and-forget' \
// RUN:   %s -- -std=c++17 -isystem %inputs/system 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=USER,BUILTIN \
// RUN:     --implicit-check-not="warning:"

#include <daemon.h>
#include <thread>

// SYSTEM: daemon.h:4:48: warning: thread is detached
void startWorker() { std::thread([] {}).detach(); }
// USER: user-code-scope.cpp:[[@LINE-1]]:41: warning: thread is detached

void handle() { runHandler([] {}); }
// BUILTIN: user-code-scope.cpp:[[@LINE-1]]:17: warning: 'runHandler<{{.*}}>' must resolve

// PROFILE: clang-tidy checks profiling
// PROFILE-DAG: async-fire-and-forget
// PROFILE-DAG: async-ignored-error
