//===--- SharedIncludes.cpp - one #include per header and file ------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/SharedIncludes.h"
#include "clang/Basic/SourceManager.h"
#include <set>
#include <string>

namespace clang::tidy::asynctidy {

namespace {
// clang-tidy analyses one translation unit at a time, on one thread.
struct Inserted {
  const Preprocessor *Unit = nullptr;
  std::set<std::pair<unsigned, std::string>> Headers;
};
Inserted &inserted() {
  static Inserted State;
  return State;
}
} // namespace

SharedIncludeInserter::SharedIncludeInserter(
    utils::IncludeSorter::IncludeStyle Style)
    : Inserter(Style, /*SelfContainedDiags=*/false) {}

void SharedIncludeInserter::registerPreprocessor(Preprocessor *PP) {
  Inserter.registerPreprocessor(PP);
  if (inserted().Unit != PP) {
    inserted().Unit = PP;
    inserted().Headers.clear();
  }
}

std::optional<FixItHint>
SharedIncludeInserter::include(SourceLocation Loc, const SourceManager &SM,
                               llvm::StringRef Header) {
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  std::optional<FixItHint> Fix = Inserter.createIncludeInsertion(File, Header);
  if (Fix &&
      !inserted().Headers.emplace(File.getHashValue(), Header.str()).second)
    return std::nullopt;
  return Fix;
}

} // namespace clang::tidy::asynctidy
