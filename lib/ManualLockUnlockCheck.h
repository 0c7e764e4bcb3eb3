//===--- ManualLockUnlockCheck.h - asynctidy ------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MANUALLOCKUNLOCKCHECK_H
#define ASYNCTIDY_MANUALLOCKUNLOCKCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/IncludeFixes.h"
#include "support/LockScopes.h"

namespace clang::tidy::asynctidy {

/// Finds a mutex locked and unlocked by hand with an exit in between (a
/// return, a throw, a call that may throw) that would leave it locked.
///
/// For the user-facing documentation see docs/checks/manual-lock-unlock.md.
class ManualLockUnlockCheck : public AsyncTidyCheck {
public:
  ManualLockUnlockCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::vector<FixItHint> useUniqueLock(const CompoundStmt &Block,
                                       const HeldLock &Lock,
                                       ASTContext &Context);

  const NameList &MutexTypes;
  /// Whether a function whose code is elsewhere may throw unless declared
  /// noexcept, rather than only when declared noexcept(false).
  const bool UnknownCallsMayThrow;
  const NameList NoGuards; // only locks taken by hand
  IncludeFixes Inserter;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_MANUALLOCKUNLOCKCHECK_H
