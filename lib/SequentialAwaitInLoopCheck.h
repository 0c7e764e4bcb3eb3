//===--- SequentialAwaitInLoopCheck.h - asynctidy -------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SEQUENTIALAWAITINLOOPCHECK_H
#define ASYNCTIDY_SEQUENTIALAWAITINLOOPCHECK_H

#include "support/AsyncTidyCheck.h"

namespace clang::tidy::asynctidy {

/// Finds loops in coroutines that await, one iteration after another,
/// operations that do not depend on each other.
///
/// For the user-facing documentation see
/// docs/checks/sequential-await-in-loop.md.
class SequentialAwaitInLoopCheck : public AsyncTidyCheck {
public:
  SequentialAwaitInLoopCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// What one iteration of a loop's body awaits first, and whether it can
  /// stop the loop early or awaits something sequential by nature.
  struct Iteration {
    const Expr *Await = nullptr;
    const Expr *Operand = nullptr;
    bool StopsEarly = false;
    bool Paced = false;
  };
  void checkLoop(const Stmt &Loop, const Stmt &Body);
  Iteration scanIteration(const Stmt &Body) const;
  bool isIgnoredAwaitable(const Expr &Operand) const;

  const NameList &SequentialAwaitables;
  const std::string WhenAllFunction;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SEQUENTIALAWAITINLOOPCHECK_H
