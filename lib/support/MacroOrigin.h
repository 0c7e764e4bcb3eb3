//===--- MacroOrigin.h - code that macros write ---------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_MACROORIGIN_H
#define ASYNCTIDY_SUPPORT_MACROORIGIN_H

#include "clang/Basic/SourceLocation.h"

namespace clang {
class LangOptions;
class SourceManager;

namespace tidy::asynctidy {

/// The module's one rule for code that macros write: a finding is reported
/// only where the user spelled the code it points at. That is code written
/// outside any macro, code passed to a macro as an argument, and code in the
/// body of a macro defined in the same file that expands it. The body of a
/// macro from another file (an assertion of gtest, Catch2 or doctest, a
/// logging or locking macro of a library, bundled or installed) is not the
/// user's to change at the place of use, so nothing is reported inside it.
bool isSpelledByUser(SourceLocation Loc, const SourceManager &SM);

/// Whether \p Loc is written in, or passed to, an assertion macro: one whose
/// name contains "assert" in any case (`assert`, `_ASSERTE`, `ABSL_ASSERT`,
/// `YACLIB_ASSERT`) or begins with `CHECK` or `DCHECK` (glog's, Chromium's).
bool isInAssertion(SourceLocation Loc, const SourceManager &SM,
                   const LangOptions &LangOpts);

} // namespace tidy::asynctidy
} // namespace clang

#endif // ASYNCTIDY_SUPPORT_MACROORIGIN_H
