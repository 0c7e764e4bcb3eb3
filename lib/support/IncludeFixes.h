//===--- IncludeFixes.h - the #include each fix-it needs ------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_INCLUDEFIXES_H
#define ASYNCTIDY_SUPPORT_INCLUDEFIXES_H

#include "Compat.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// The `#include` insertions of the checks' fix-its, shared by all checks:
/// when several fixes in a file need the same header, the first one inserts
/// it (clang-tidy -fix and clang-apply-replacements would write an insertion
/// that each fix carries once per fix). A fix on a line that a NOLINT comment
/// may suppress does not count as the first: its insertion might never be
/// applied, so the next fix carries the header too. (A warning's fix after a
/// note's that inserts the same header carries it as well, so that plain
/// -fix gets it: with --fix-notes, that file gets the line twice.)
class IncludeFixes {
public:
  explicit IncludeFixes(utils::IncludeSorter::IncludeStyle Style);

  /// Call from registerPPCallbacks: a new preprocessor starts a new
  /// translation unit, and forgets the previous one's insertions.
  void registerPreprocessor(Preprocessor *PP);

  /// `#include <Header>` (\p Header with its brackets) for a fix of the
  /// diagnostic at \p Loc, in the file of \p Loc, unless that file includes
  /// the header or an earlier fix that will be applied inserts it. A fix
  /// \p OnNote is applied only with --fix-notes, so it never counts as the
  /// one that inserts the header for the others.
  std::optional<FixItHint> include(SourceLocation Loc, const SourceManager &SM,
                                   llvm::StringRef Header, bool OnNote = false);

  utils::IncludeSorter::IncludeStyle style() const {
    return Inserter.getStyle();
  }

private:
  compat::IncludeInserter Inserter;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_INCLUDEFIXES_H
