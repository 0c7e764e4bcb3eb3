//===--- TestCode.h - the code of a project's tests -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_TESTCODE_H
#define ASYNCTIDY_SUPPORT_TESTCODE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class SourceManager;

namespace tidy::asynctidy {

/// Whether the translation unit includes a test framework: gtest or gmock,
/// Catch2, doctest, Boost.Test or UnitTest++ (or a `unit_test.hpp` of its
/// own, as Asio has), installed or bundled.
bool includesTestFramework(const SourceManager &SM);

/// Whether \p Loc is the tests' own code: a file whose name says it is a
/// test (`queue_test.cc`, `test_queue.cpp`, `queue_unittest.cc`, a fuzzer
/// `request_fuzzer.cpp`), or, when \p UnitIncludesFramework() (asked only
/// then, as it is the costly part), the main file
/// or a file under a directory named test, tests, testing, unittest or
/// unittests. Tests provoke failures on purpose (an empty handler after
/// `FAIL()`, an error left unchecked, a thread left to end with the test),
/// so the checks leave them alone by default.
bool isInTestCode(SourceLocation Loc, const SourceManager &SM,
                  llvm::function_ref<bool()> UnitIncludesFramework);

/// Whether \p Loc is in a project's demonstration code: a file under a
/// directory named example(s), sample(s), tutorial(s) or demo(s). Demos
/// show an API in the fewest lines (a session spawned detached, a status
/// left unchecked) and are not run as services, so the checks leave them
/// alone by default.
bool isInExampleCode(SourceLocation Loc, const SourceManager &SM);

} // namespace tidy::asynctidy
} // namespace clang

#endif // ASYNCTIDY_SUPPORT_TESTCODE_H
