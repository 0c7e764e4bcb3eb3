//===--- SkippedCode.h - code the preprocessor left out -------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_SKIPPEDCODE_H
#define ASYNCTIDY_SUPPORT_SKIPPEDCODE_H

#include "clang/Basic/SourceLocation.h"
#include <vector>

namespace clang {
class Preprocessor;
class SourceManager;

namespace tidy::asynctidy {

/// The ranges that `#if`, `#ifdef` and their kin left out of this
/// translation unit. Code the AST does not show may still run in another
/// configuration (`#ifdef VERBOSE log(...); #endif`), so a check that judges
/// a block by what it does not contain must not judge one that holds such a
/// range.
class SkippedCode {
public:
  void registerPreprocessor(Preprocessor &PP);

  /// Whether a left-out range lies inside \p Range.
  bool isWithin(SourceRange Range, const SourceManager &SM) const;

private:
  std::vector<SourceRange> Ranges;
};

} // namespace tidy::asynctidy
} // namespace clang

#endif // ASYNCTIDY_SUPPORT_SKIPPEDCODE_H
