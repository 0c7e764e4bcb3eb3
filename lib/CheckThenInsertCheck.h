//===--- CheckThenInsertCheck.h - asynctidy -------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_CHECKTHENINSERTCHECK_H
#define ASYNCTIDY_CHECKTHENINSERTCHECK_H

#include "support/AsyncTidyCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::asynctidy {

/// Finds a membership test on an associative container followed by an
/// insertion of the same key: two lookups, and a window for a racing insert.
///
/// For the user-facing documentation see docs/checks/check-then-insert.md.
class CheckThenInsertCheck : public AsyncTidyCheck {
public:
  CheckThenInsertCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  const NameList &ContainerTypes;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_CHECKTHENINSERTCHECK_H
