//===--- CallbackUnderLockCheck.h - asynctidy -----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_CALLBACKUNDERLOCKCHECK_H
#define ASYNCTIDY_CALLBACKUNDERLOCKCHECK_H

#include "support/AsyncTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::asynctidy {

/// Finds code the function does not know (a std::function, a function
/// pointer, a completion API) called while a lock is held.
///
/// For the user-facing documentation see docs/checks/callback-under-lock.md.
class CallbackUnderLockCheck : public AsyncTidyCheck {
public:
  CallbackUnderLockCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// What \p Call runs that this code does not know, if anything: 0 for a
  /// callable object, 1 a function pointer, 2 a listed callback function.
  std::optional<unsigned> unknownCode(const CallExpr &Call) const;

  /// A call found under a lock, and the lock.
  struct Finding {
    const CallExpr *Call;
    unsigned Kind;
    SourceLocation Acquire;
    const FunctionDecl *Function; // canonical
  };
  void report(const Finding &F);
  /// Records a call that hands a parameter of a public function on to a
  /// function of an implementation namespace, which then acts for it.
  void recordForwarding(const CallExpr &Call, ASTContext &Context);

  const NameList &GuardTypes;
  const NameList &MutexTypes;
  const NameList &CallbackTypes;
  const NameList &CallbackFunctions;
  // A call under nested locks is seen from each block that locks.
  llvm::DenseSet<const CallExpr *> Reported;
  /// The bodies walked: each once, whole, however many of its blocks lock.
  llvm::DenseSet<const Stmt *> Walked;
  // Implementation functions hold their findings until the end of the
  // translation unit: reported only if a public function forwards to them.
  std::vector<Finding> Held;
  llvm::DenseSet<const FunctionDecl *> ForwardedTo;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_CALLBACKUNDERLOCKCHECK_H
