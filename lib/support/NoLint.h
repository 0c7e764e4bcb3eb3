//===--- NoLint.h - the NOLINT comments of the user's code ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_NOLINT_H
#define ASYNCTIDY_SUPPORT_NOLINT_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <utility>
#include <vector>

namespace clang {
class SourceManager;

namespace tidy::asynctidy {

/// The NOLINT comments of the files of one translation unit, as they apply
/// to one check. clang-tidy applies them to the warnings a check reports;
/// the whole-program merge reports warnings after clang-tidy has ended, so
/// the checks that record facts ask here where a warning would be silenced.
///
/// Read as clang-tidy reads them: `NOLINT` on the warning's line,
/// `NOLINTNEXTLINE` on the line before, a `NOLINTBEGIN` ... `NOLINTEND`
/// region around it; each either bare (every check) or with a list of
/// check globs in parentheses (negative globs are ignored, as clang-tidy
/// ignores them there). A region left open silences nothing (clang-tidy
/// reports it as an error).
class NoLintComments {
public:
  NoLintComments(const SourceManager &SM, llvm::StringRef Check)
      : SM(SM), Check(Check.str()) {}

  /// Whether a warning of the check at \p Loc (where it would be shown: the
  /// expansion of a macro) is silenced.
  bool silences(SourceLocation Loc);

private:
  using Region = std::pair<unsigned, unsigned>; // file offsets
  const std::vector<Region> &regionsOf(FileID File);

  const SourceManager &SM;
  std::string Check;
  llvm::DenseMap<FileID, std::vector<Region>> Regions;
};

/// Whether the text after a NOLINT marker, \p Rest (from just after
/// "NOLINT", "NOLINTNEXTLINE", ...), applies to \p Check: no list, or a
/// list in parentheses with a glob that matches it.
bool noLintListApplies(llvm::StringRef Rest, llvm::StringRef Check);

} // namespace tidy::asynctidy
} // namespace clang

#endif // ASYNCTIDY_SUPPORT_NOLINT_H
