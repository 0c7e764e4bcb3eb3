//===--- ExceptionEscapingThreadCheck.h - asynctidy -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_EXCEPTIONESCAPINGTHREADCHECK_H
#define ASYNCTIDY_EXCEPTIONESCAPINGTHREADCHECK_H

#include "clang-tidy/utils/ExceptionAnalyzer.h"
#include "support/AsyncTidyCheck.h"
#include "support/ExceptionReport.h"

namespace clang::tidy::asynctidy {

/// Finds functions started as threads that can let an exception escape, which
/// calls std::terminate and ends the whole process.
///
/// For the user-facing documentation see
/// docs/checks/exception-escaping-thread.md.
class ExceptionEscapingThreadCheck : public AsyncTidyCheck {
public:
  ExceptionEscapingThreadCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11 && LangOpts.CXXExceptions;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// Whether an exception can leave \p Entry.
  bool mayThrow(const FunctionDecl &Entry);
  /// Whether a function called in \p Root, outside a try block, can throw.
  bool anyCallThrows(const Stmt &Root);
  std::optional<std::vector<FixItHint>>
  wrapInTryCatch(const LambdaExpr &Lambda,
                 const ast_matchers::MatchFinder::MatchResult &Result) const;

  const NameList &ThreadTypes;
  const NameList &ThreadStarters;
  ExceptionReportFix ReportFix;
  // Shared by every match so that each function is analysed once.
  utils::ExceptionAnalyzer Analyzer;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_EXCEPTIONESCAPINGTHREADCHECK_H
