//===--- WaitWithoutTimeoutCheck.h - asynctidy ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_WAITWITHOUTTIMEOUTCHECK_H
#define ASYNCTIDY_WAITWITHOUTTIMEOUTCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/IncludeFixes.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// Finds waits that can hang forever: condition-variable waits without a
/// predicate, future waits on results not known to be ready, and listed
/// event waits.
///
/// For the user-facing documentation see docs/checks/wait-without-timeout.md.
class WaitWithoutTimeoutCheck : public AsyncTidyCheck {
public:
  WaitWithoutTimeoutCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class WaitCall;
  /// The waits the check judges.
  enum class WaitKind { Condition, Future, Event };
  /// What kind of wait \p Call is, if any: tested in C++ in one step (by
  /// the matcher WaitCall), since the matcher is tried on every call of the
  /// unit. A call that several lists name is taken in the order above.
  std::optional<WaitKind> waitKind(const CallExpr &Call) const;

  static bool testsBeforeWaiting(const CallExpr &Wait, const Stmt &Body,
                                 const ASTContext &Context);
  static bool implementsAWait(const FunctionDecl &Function,
                              const CallExpr &Wait);
  void reportConditionWait(const CXXMemberCallExpr &Wait,
                           const FunctionDecl &Function, ASTContext &Context);
  void reportFutureWait(const CXXMemberCallExpr &Wait,
                        const FunctionDecl &Function, ASTContext &Context);
  std::vector<FixItHint> waitFor(const CXXMemberCallExpr &Call,
                                 ASTContext &Context);

  const NameList &ConditionVariableTypes;
  const NameList &FutureTypes;
  const NameList &EventWaitFunctions;
  const NameList &AllowedFunctions;
  bool CheckPredicateWaits;
  std::string DefaultTimeout;
  IncludeFixes Inserter;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_WAITWITHOUTTIMEOUTCHECK_H
