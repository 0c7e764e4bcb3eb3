//===--- ExceptionReport.h - fix-its that report an exception -------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_EXCEPTIONREPORT_H
#define ASYNCTIDY_SUPPORT_EXCEPTIONREPORT_H

#include "support/IncludeFixes.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>

namespace clang::tidy::asynctidy {

/// Writes the code a fix-it inserts to hand an exception to the user's report
/// function (the option "ReportFunction" of the exception checks), which is
/// called with one `std::exception_ptr`, and the `#include <exception>` that
/// code needs.
class ExceptionReportFix {
public:
  ExceptionReportFix(std::string ReportFunction,
                     utils::IncludeSorter::IncludeStyle Style);

  void registerPreprocessor(Preprocessor *PP) {
    Inserter.registerPreprocessor(PP);
  }

  /// Whether the user named a report function.
  bool isConfigured() const { return !ReportFunction.empty(); }

  /// `report(std::current_exception());`, for use inside a handler.
  std::string reportCurrentException() const;

  /// `report(Variable);`, for a `std::exception_ptr` named \p Variable.
  std::string reportExceptionPtr(llvm::StringRef Variable) const;

  /// Inserts `#include <exception>` into the file of \p Loc if it lacks it.
  /// (\p OnNote: for a fix attached to a note; see IncludeFixes).
  std::optional<FixItHint> includeExceptionHeader(SourceLocation Loc,
                                                  const SourceManager &SM,
                                                  bool OnNote = false);

  utils::IncludeSorter::IncludeStyle includeStyle() const {
    return Inserter.style();
  }

private:
  std::string ReportFunction;
  IncludeFixes Inserter;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_EXCEPTIONREPORT_H
