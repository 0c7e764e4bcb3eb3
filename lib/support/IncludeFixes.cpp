//===--- IncludeFixes.cpp - the #include each fix-it needs ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/IncludeFixes.h"
#include "Compat.h"
#include "support/MacroOrigin.h"
#include "clang/Basic/SourceManager.h"
#include <map>
#include <string>
#include <utility>

namespace clang::tidy::asynctidy {

namespace {
struct Insertion {
  bool Computed = false;
  bool GivenByWarning = false; // applied by -fix and --fix-notes
  bool GivenByNote = false;    // applied by --fix-notes only
  std::optional<FixItHint> Hint;
};
struct TranslationUnitInsertions {
  const Preprocessor *Unit = nullptr;
  std::map<std::pair<unsigned, std::string>, Insertion> ByFileAndHeader;
};
TranslationUnitInsertions &insertions() {
  static TranslationUnitInsertions State;
  return State;
}

/// Whether a NOLINT comment may suppress a diagnostic at \p Loc: one on its
/// line or the line before, or a NOLINTBEGIN anywhere in its file. Erring
/// towards "may" only costs a second copy of an #include.
bool maySuppress(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedExpansionLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return true;
  if (Buffer.contains("NOLINTBEGIN"))
    return true;
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart;
  size_t PreviousStart = LineStart == 0 ? 0 : Buffer.rfind('\n', LineStart - 1);
  PreviousStart = PreviousStart == StringRef::npos ? 0 : PreviousStart;
  size_t LineEnd = Buffer.find('\n', Offset);
  return Buffer.slice(PreviousStart, LineEnd).contains("NOLINT");
}
} // namespace

IncludeFixes::IncludeFixes(utils::IncludeSorter::IncludeStyle Style)
    : Inserter(Style) {}

void IncludeFixes::registerPreprocessor(Preprocessor *PP) {
  Inserter.registerPreprocessor(PP);
  if (insertions().Unit != PP) {
    insertions().Unit = PP;
    insertions().ByFileAndHeader.clear();
  }
}

std::optional<FixItHint> IncludeFixes::include(SourceLocation Loc,
                                               const SourceManager &SM,
                                               llvm::StringRef Header,
                                               bool OnNote) {
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  Insertion &Entry =
      insertions().ByFileAndHeader[{File.getHashValue(), Header.str()}];
  if (!Entry.Computed) {
    // IncludeInserter answers once per file and header; the answer is kept
    // for the fixes that follow, of any check.
    Entry.Hint = compat::toStd(Inserter.createIncludeInsertion(File, Header));
    Entry.Computed = true;
  }
  // With --fix-notes a note's fix is applied alongside every warning's, so a
  // note's fix needs the header only when no earlier fix carries it; a
  // warning's fix also when only a note's does (plain -fix skips notes).
  if (!Entry.Hint || Entry.GivenByWarning || (OnNote && Entry.GivenByNote))
    return std::nullopt;
  bool Applied = !maySuppress(Loc, SM) && isSpelledByUser(Loc, SM);
  (OnNote ? Entry.GivenByNote : Entry.GivenByWarning) |= Applied;
  return Entry.Hint;
}

} // namespace clang::tidy::asynctidy
