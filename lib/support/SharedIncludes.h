//===--- SharedIncludes.h - one #include per header and file --------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_SHAREDINCLUDES_H
#define ASYNCTIDY_SUPPORT_SHAREDINCLUDES_H

#include "clang-tidy/utils/IncludeInserter.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// An IncludeInserter whose insertions are shared by every check that uses
/// one: when two checks' fixes need <mutex> in the same file, only the first
/// inserts it, so that -fix does not write the line twice.
class SharedIncludeInserter {
public:
  explicit SharedIncludeInserter(utils::IncludeSorter::IncludeStyle Style);

  /// Call from registerPPCallbacks: a new preprocessor starts a new
  /// translation unit, and forgets the previous one's insertions.
  void registerPreprocessor(Preprocessor *PP);

  /// `#include <Header>` (\p Header with its brackets) in the file of \p Loc,
  /// unless that file includes it or a fix-it of this translation unit
  /// already inserts it.
  std::optional<FixItHint> include(SourceLocation Loc, const SourceManager &SM,
                                   llvm::StringRef Header);

  utils::IncludeSorter::IncludeStyle style() const {
    return Inserter.getStyle();
  }

private:
  utils::IncludeInserter Inserter;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_SHAREDINCLUDES_H
