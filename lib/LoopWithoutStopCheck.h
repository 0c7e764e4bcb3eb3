//===--- LoopWithoutStopCheck.h - asynctidy -------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_LOOPWITHOUTSTOPCHECK_H
#define ASYNCTIDY_LOOPWITHOUTSTOPCHECK_H

#include "support/AsyncTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::asynctidy {

/// Finds infinite loops with no way out in the functions a thread runs, and
/// in coroutines: workers that can never be shut down.
///
/// For the user-facing documentation see docs/checks/loop-without-stop.md.
class LoopWithoutStopCheck : public AsyncTidyCheck {
public:
  LoopWithoutStopCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  struct Entry {
    const FunctionDecl *Function;
    /// Where the thread is started; null for a coroutine.
    const Expr *Start;
  };
  void checkFunction(const FunctionDecl &Function, const Entry &From,
                     ASTContext &Context);
  bool hasWayOut(const Stmt &Loop, bool InCoroutine) const;
  static bool doesNoWork(const Stmt &Loop);

  const NameList &ThreadTypes;
  const NameList &ThreadStarters;
  const NameList &StopPredicates;
  std::vector<Entry> Threads;
  ASTContext *Context = nullptr;
  llvm::DenseSet<const Stmt *> Reported;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_LOOPWITHOUTSTOPCHECK_H
