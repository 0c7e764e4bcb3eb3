//===--- ExceptionReport.cpp - fix-its that report an exception -----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/ExceptionReport.h"

namespace clang::tidy::asynctidy {

ExceptionReportFix::ExceptionReportFix(std::string ReportFunction,
                                       utils::IncludeSorter::IncludeStyle Style)
    : ReportFunction(std::move(ReportFunction)), Inserter(Style) {}

std::string ExceptionReportFix::reportCurrentException() const {
  return reportExceptionPtr("std::current_exception()");
}

std::string
ExceptionReportFix::reportExceptionPtr(llvm::StringRef Variable) const {
  return ReportFunction + "(" + Variable.str() + ");";
}

std::optional<FixItHint> ExceptionReportFix::includeExceptionHeader(
    SourceLocation Loc, const SourceManager &SM, bool OnNote) {
  return Inserter.include(Loc, SM, "<exception>", OnNote);
}

} // namespace clang::tidy::asynctidy
