//===--- SwallowedExceptionCheck.h - asynctidy ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SWALLOWEDEXCEPTIONCHECK_H
#define ASYNCTIDY_SWALLOWEDEXCEPTIONCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/ExceptionReport.h"
#include "support/SkippedCode.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::asynctidy {

/// Finds `catch` handlers that lose the exception: they neither rethrow,
/// throw, return a value, use the caught object nor report it.
///
/// For the user-facing documentation see docs/checks/swallowed-exception.md.
class SwallowedExceptionCheck : public AsyncTidyCheck {
public:
  SwallowedExceptionCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus && LangOpts.CXXExceptions;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  void onStartOfTranslationUnit() override;

private:
  /// How many calls deep a handler's callees are looked into.
  static constexpr unsigned CalleeDepth = 3;

  /// Whether \p S calls a function that keeps the exception being handled:
  /// a reporter, std::current_exception(), a function that does not return,
  /// or (\p Depth calls deep) one whose body does any of these or throws.
  bool callsReporter(const Stmt &S, unsigned Depth);
  bool keepsException(const FunctionDecl &Function, unsigned Depth);
  /// Whether \p Handler passes the exception on to such a function.
  bool handsOnException(const CXXCatchStmt &Handler);

  /// Whether \p Handler, in \p Function, drops the exception on purpose in a
  /// way real code does: see the page's "What it believes".
  bool isDeliberate(const CXXCatchStmt &Handler, const FunctionDecl *Function,
                    ASTContext &Context);

  void offerRethrow(const CXXCatchStmt &Handler, const FunctionDecl *Function,
                    const SourceManager &SM, bool CanEdit);

  const NameList &Reporters;
  const NameList &IgnoredExceptionTypes;
  const bool IgnoreExplainedHandlers;
  ExceptionReportFix ReportFix;
  SkippedCode Skipped;
  llvm::DenseMap<const FunctionDecl *, bool> KeepsException;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SWALLOWEDEXCEPTIONCHECK_H
