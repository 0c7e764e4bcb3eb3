//===--- LockAcrossSuspendCheck.h - asynctidy -----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_LOCKACROSSSUSPENDCHECK_H
#define ASYNCTIDY_LOCKACROSSSUSPENDCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/LockScopes.h"

namespace clang::tidy::asynctidy {

/// Finds locks that a coroutine holds across a co_await or co_yield.
///
/// For the user-facing documentation see docs/checks/lock-across-suspend.md.
class LockAcrossSuspendCheck : public AsyncTidyCheck {
public:
  LockAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkBlock(const CompoundStmt &Block, ASTContext &Context);
  std::optional<FixItHint> endScopeBefore(const CompoundStmt &Block,
                                          const HeldLock &Lock,
                                          size_t Suspending,
                                          ASTContext &Context) const;
  bool isAsyncAware(const HeldLock &Lock) const;

  const NameList &GuardTypes;
  const NameList &MutexTypes;
  const NameList &AsyncMutexTypes;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_LOCKACROSSSUSPENDCHECK_H
