//===--- IgnoredErrorCheck.h - asynctidy ----------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_IGNOREDERRORCHECK_H
#define ASYNCTIDY_IGNOREDERRORCHECK_H

#include "support/AsyncTidyCheck.h"

namespace clang::tidy::asynctidy {

/// Finds calls whose error result is dropped: a returned error carrier
/// (`std::error_code`, `std::expected`, `absl::Status`, ...) or the success
/// flag of a send/write/flush/publish/commit-like function.
///
/// For the user-facing documentation see docs/checks/ignored-error.md.
class IgnoredErrorCheck : public AsyncTidyCheck {
public:
  IgnoredErrorCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::optional<FixItHint>
  reportingFix(const CallExpr &Call, const Expr &Statement,
               const ast_matchers::MatchFinder::MatchResult &Result) const;

  const NameList &ErrorTypes;
  const NameList &CheckedFunctions;
  const NameList &BestEffortFunctions;
  const bool AllowCastToVoid;
  const bool AllowStdIgnore;
  const std::string ReportFunction;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_IGNOREDERRORCHECK_H
