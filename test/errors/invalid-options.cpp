// Invalid option values give a configuration error that names the check and
// the option; the run goes on without the bad entry, and nothing crashes.
// RUN: not %clang_tidy -checks='-*,async-*' %s \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.Reporters: 'log(;report', async-fire-and-forget.SpawnFunctions: '[unclosed', async-ignored-error.ErrorTypes: '*bad', async-exception-escaping-thread.ThreadTypes: '::std::thread;a{1', async-ignored-error.CheckedFunctions: 'send)'}}" \
// RUN:   -- -std=c++17 > %t.regex 2>&1
// RUN: FileCheck --check-prefix=REGEX --input-file=%t.regex %s
// REGEX-DAG: error: invalid regular expression 'log(' in option 'async-swallowed-exception.Reporters': parentheses not balanced; the entry is ignored [clang-tidy-config]
// REGEX-DAG: error: invalid regular expression '[unclosed' in option 'async-fire-and-forget.SpawnFunctions': brackets ([ ]) not balanced; the entry is ignored [clang-tidy-config]
// REGEX-DAG: error: invalid regular expression '*bad' in option 'async-ignored-error.ErrorTypes': {{.*}} [clang-tidy-config]
// REGEX-DAG: error: invalid regular expression 'a{1' in option 'async-exception-escaping-thread.ThreadTypes': {{.*}} [clang-tidy-config]
// REGEX-DAG: error: invalid regular expression 'send)' in option 'async-ignored-error.CheckedFunctions': {{.*}} [clang-tidy-config]
// The valid entries still work: std::thread is still a thread type.
// REGEX-DAG: :[[@LINE+38]]:22: warning: an exception can escape this thread's entry lambda
// REGEX-NOT: Stack dump

// RUN: not %clang_tidy -checks='-*,async-*' %s \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'log(e)', async-fire-and-forget.ReportFunction: 'a b', async-exception-escaping-thread.ReportFunction: '::ok::name', async-ignored-error.ReportFunction: 'report;'}}" \
// RUN:   -- -std=c++17 > %t.function 2>&1
// RUN: FileCheck --check-prefix=FUNCTION --input-file=%t.function %s \
// RUN:   --implicit-check-not="exception-escaping-thread.ReportFunction' must"
// FUNCTION-DAG: error: option 'async-swallowed-exception.ReportFunction' must name a function, such as 'log_error' or '::app::report', not 'log(e)'; no fix-it will call it [clang-tidy-config]
// FUNCTION-DAG: error: option 'async-fire-and-forget.ReportFunction' must name a function, {{.*}} not 'a b'
// FUNCTION-DAG: error: option 'async-ignored-error.ReportFunction' must name a function, {{.*}} not 'report;'

// Booleans and the include style are validated like every other option.
// RUN: not %clang_tidy -checks='-*,async-*' %s \
// RUN:   -config="{CheckOptions: {async-ignored-error.AllowCastToVoid: 'maybe', async-swallowed-exception.IncludeStyle: 'sideways'}}" \
// RUN:   -- -std=c++17 > %t.builtin 2>&1
// RUN: FileCheck --check-prefix=BUILTIN --input-file=%t.builtin %s
// BUILTIN-DAG: error: option 'async-ignored-error.AllowCastToVoid' must be 'true' or 'false', not 'maybe'; 'false' is used [clang-tidy-config]
// BUILTIN-DAG: error: option 'async-swallowed-exception.IncludeStyle' must be 'llvm' or 'google', not 'sideways'; 'llvm' is used [clang-tidy-config]

// The race checks' name lists and include styles.
// RUN: not %clang_tidy -checks='-*,async-*' %s \
// RUN:   -config="{CheckOptions: {async-check-then-insert.ContainerTypes: '::std::map;(', async-manual-lock-unlock.MutexTypes: 'a{1', async-unguarded-member.GuardTypes: '[g', async-unguarded-member.MutexTypes: '*m', async-unguarded-member.ThreadSafeTypes: 'x)', async-manual-lock-unlock.IncludeStyle: 'up', async-unguarded-member.IncludeStyle: 'down'}}" \
// RUN:   -- -std=c++17 > %t.races 2>&1
// RUN: FileCheck --check-prefix=RACES --input-file=%t.races %s
// RACES-DAG: error: invalid regular expression '(' in option 'async-check-then-insert.ContainerTypes': {{.*}} [clang-tidy-config]
// RACES-DAG: error: invalid regular expression 'a{1' in option 'async-manual-lock-unlock.MutexTypes': {{.*}} [clang-tidy-config]
// RACES-DAG: error: invalid regular expression '[g' in option 'async-unguarded-member.GuardTypes': {{.*}} [clang-tidy-config]
// RACES-DAG: error: invalid regular expression '*m' in option 'async-unguarded-member.MutexTypes': {{.*}} [clang-tidy-config]
// RACES-DAG: error: invalid regular expression 'x)' in option 'async-unguarded-member.ThreadSafeTypes': {{.*}} [clang-tidy-config]
// RACES-DAG: error: option 'async-manual-lock-unlock.IncludeStyle' must be 'llvm' or 'google', not 'up'
// RACES-DAG: error: option 'async-unguarded-member.IncludeStyle' must be 'llvm' or 'google', not 'down'
// RACES-NOT: Stack dump

#include <stdexcept>
#include <thread>

void startsAThread() {
  std::thread worker([] { throw std::runtime_error("x"); });
  worker.join();
}

// The deadlock and hang checks' options.
// RUN: not %clang_tidy -checks='-*,async-*' %s \
// RUN:   -config="{CheckOptions: {async-wait-without-timeout.DefaultTimeout: 'seconds(1); abort()', async-wait-without-timeout.CheckPredicateWaits: 'sometimes', async-wait-without-timeout.FutureTypes: '(', async-callback-under-lock.CallbackTypes: '[f', async-lock-order-inversion.RecursiveMutexTypes: 'r)', async-loop-without-stop.StopPredicates: '*stop', async-loop-without-stop.ThreadStarters: 'start(', async-unbounded-container.ContainerTypes: '::std::vector;+'}}" \
// RUN:   -- -std=c++17 > %t.hangs 2>&1
// RUN: FileCheck --check-prefix=HANGS --input-file=%t.hangs %s
// HANGS-DAG: error: option 'async-wait-without-timeout.DefaultTimeout' must be a duration expression, such as 'std::chrono::seconds(30)', not 'seconds(1); abort()'; no fix-it will be offered [clang-tidy-config]
// HANGS-DAG: error: option 'async-wait-without-timeout.CheckPredicateWaits' must be 'true' or 'false', not 'sometimes'; 'false' is used [clang-tidy-config]
// HANGS-DAG: error: invalid regular expression '(' in option 'async-wait-without-timeout.FutureTypes': {{.*}} [clang-tidy-config]
// HANGS-DAG: error: invalid regular expression '[f' in option 'async-callback-under-lock.CallbackTypes': {{.*}} [clang-tidy-config]
// HANGS-DAG: error: invalid regular expression 'r)' in option 'async-lock-order-inversion.RecursiveMutexTypes': {{.*}} [clang-tidy-config]
// HANGS-DAG: error: invalid regular expression '*stop' in option 'async-loop-without-stop.StopPredicates': {{.*}} [clang-tidy-config]
// HANGS-DAG: error: invalid regular expression 'start(' in option 'async-loop-without-stop.ThreadStarters': {{.*}} [clang-tidy-config]
// HANGS-DAG: error: invalid regular expression '+' in option 'async-unbounded-container.ContainerTypes': {{.*}} [clang-tidy-config]
// HANGS-NOT: Stack dump
