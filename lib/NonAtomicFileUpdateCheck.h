//===--- NonAtomicFileUpdateCheck.h - asynctidy ---------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_NONATOMICFILEUPDATECHECK_H
#define ASYNCTIDY_NONATOMICFILEUPDATECHECK_H

#include "support/AsyncTidyCheck.h"

namespace clang::tidy::asynctidy {

/// Finds functions that read a file and then rewrite the same path in
/// place, instead of writing a temporary file and renaming it.
///
/// For the user-facing documentation see
/// docs/checks/non-atomic-file-update.md.
class NonAtomicFileUpdateCheck : public AsyncTidyCheck {
public:
  NonAtomicFileUpdateCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_NONATOMICFILEUPDATECHECK_H
