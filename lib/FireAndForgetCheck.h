//===--- FireAndForgetCheck.h - asynctidy ---------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_FIREANDFORGETCHECK_H
#define ASYNCTIDY_FIREANDFORGETCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/ExceptionReport.h"

namespace clang::tidy::asynctidy {

/// Finds tasks started without keeping a handle to them: detached threads,
/// discarded `std::async` futures, coroutines spawned with `detached`, and
/// discarded results of user-listed spawn functions.
///
/// For the user-facing documentation see docs/checks/fire-and-forget.md.
class FireAndForgetCheck : public AsyncTidyCheck {
public:
  FireAndForgetCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class StartsTask;
  /// The kinds of task whose handle is lost.
  enum class Task { Thread, Future, Spawned };
  /// What a note calls the handle of each kind of task.
  static StringRef handleNoun(Task Kind);

  /// The ways a call can start a task and lose its handle.
  enum class Start { Detach, TaskDetach, CoSpawn, Async, Spawn };

  /// What \p Call is to this check, if anything: tested in C++ in one step
  /// (by the matcher StartsTask), since the matcher is tried on every call of
  /// the unit. A call can be several (a spawn function that the user also
  /// listed).
  llvm::SmallVector<Start, 1> startsIn(const CallExpr &Call,
                                       ASTContext &Context) const;

  void report(Start Kind, const CallExpr &Call,
              const ast_matchers::MatchFinder::MatchResult &Result);
  const Expr *detachedToken(const CallExpr &Spawn) const;
  void noteKeepHandle(const Expr &Site, const Expr &Handle, QualType Type,
                      Task Kind, StringRef Otherwise);
  void checkDetachedToken(const CallExpr &Spawn, const Expr &Token,
                          const ast_matchers::MatchFinder::MatchResult &Result);

  const NameList &ThreadTypes;
  const NameList &CoSpawnFunctions;
  const NameList &DetachedTokenTypes;
  const NameList &SpawnFunctions;
  ExceptionReportFix ReportFix;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_FIREANDFORGETCHECK_H
