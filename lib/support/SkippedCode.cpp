//===--- SkippedCode.cpp - code the preprocessor left out -----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/SkippedCode.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::asynctidy {

namespace {
class Recorder : public PPCallbacks {
public:
  Recorder(std::vector<SourceRange> &Ranges, const SourceManager &SM)
      : Ranges(Ranges), SM(SM) {}
  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    if (!SM.isInSystemHeader(Range.getBegin()))
      Ranges.push_back(Range);
  }

private:
  std::vector<SourceRange> &Ranges;
  const SourceManager &SM;
};
} // namespace

void SkippedCode::registerPreprocessor(Preprocessor &PP) {
  PP.addPPCallbacks(std::make_unique<Recorder>(Ranges, PP.getSourceManager()));
}

bool SkippedCode::isWithin(SourceRange Range, const SourceManager &SM) const {
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  for (const SourceRange &Skipped : Ranges)
    if (!SM.isBeforeInTranslationUnit(Skipped.getBegin(), Begin) &&
        !SM.isBeforeInTranslationUnit(End, Skipped.getEnd()))
      return true;
  return false;
}

} // namespace clang::tidy::asynctidy
