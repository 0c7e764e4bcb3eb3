//===--- NoLint.cpp - the NOLINT comments of the user's code --------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/NoLint.h"
#include "Compat.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::asynctidy {

namespace {
/// A glob of clang-tidy's check lists, where only '*' is special.
bool globMatches(StringRef Glob, StringRef Name) {
  size_t Star = Glob.find('*');
  if (Star == StringRef::npos)
    return Glob == Name;
  if (!Name.consume_front(Glob.take_front(Star)))
    return false;
  Glob = Glob.drop_front(Star + 1);
  for (size_t From = 0; From <= Name.size(); ++From)
    if (globMatches(Glob, Name.drop_front(From)))
      return true;
  return false;
}

/// Whether \p Line holds the marker \p Marker (exactly: "NOLINT" is not
/// "NOLINTNEXTLINE") with a list that applies to \p Check.
bool lineHasMarker(StringRef Line, StringRef Marker, StringRef Check) {
  for (size_t At = Line.find("NOLINT"); At != StringRef::npos;
       At = Line.find("NOLINT", At + 1)) {
    StringRef Rest = Line.drop_front(At);
    if (!Rest.consume_front(Marker))
      continue;
    if (Marker == "NOLINT" &&
        (compat::startsWith(Rest, "NEXTLINE") ||
         compat::startsWith(Rest, "BEGIN") || compat::startsWith(Rest, "END")))
      continue;
    if (noLintListApplies(Rest, Check))
      return true;
  }
  return false;
}

/// The line of \p Buffer around \p Offset, without its end of line.
StringRef lineAt(StringRef Buffer, unsigned Offset) {
  size_t Start = Buffer.rfind('\n', Offset);
  Start = Start == StringRef::npos ? 0 : Start + 1;
  size_t End = Buffer.find('\n', Offset);
  return Buffer.slice(Start, End == StringRef::npos ? Buffer.size() : End);
}
} // namespace

bool noLintListApplies(StringRef Rest, StringRef Check) {
  if (!Rest.consume_front("("))
    return true;
  size_t Close = Rest.find(')');
  if (Close == StringRef::npos) // as clang-tidy reads an unclosed list
    return true;
  llvm::SmallVector<StringRef, 4> Globs;
  Rest.take_front(Close).split(Globs, ',');
  for (StringRef Glob : Globs) {
    Glob = Glob.trim();
    if (!Glob.empty() && Glob.front() != '-' && globMatches(Glob, Check))
      return true;
  }
  return false;
}

const std::vector<NoLintComments::Region> &
NoLintComments::regionsOf(FileID File) {
  auto [It, Inserted] = Regions.insert({File, {}});
  if (!Inserted)
    return It->second;
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return It->second;
  std::vector<unsigned> Open;
  for (size_t At = Buffer.find("NOLINT"); At != StringRef::npos;
       At = Buffer.find("NOLINT", At + 1)) {
    StringRef Rest = Buffer.drop_front(At);
    bool Begin = Rest.consume_front("NOLINTBEGIN");
    if (!Begin && !Rest.consume_front("NOLINTEND"))
      continue;
    if (!noLintListApplies(Rest, Check))
      continue;
    if (Begin)
      Open.push_back(At);
    else if (!Open.empty()) {
      It->second.push_back({Open.back(), unsigned(At)});
      Open.pop_back();
    }
  }
  return It->second;
}

bool NoLintComments::silences(SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  SourceLocation At = SM.getFileLoc(Loc);
  auto [File, Offset] = SM.getDecomposedLoc(At);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return false;
  StringRef Line = lineAt(Buffer, Offset);
  if (lineHasMarker(Line, "NOLINT", Check))
    return true;
  size_t LineStart = Line.data() - Buffer.data();
  if (LineStart > 0 &&
      lineHasMarker(lineAt(Buffer, LineStart - 1), "NOLINTNEXTLINE", Check))
    return true;
  for (const Region &R : regionsOf(File))
    if (R.first <= Offset && Offset <= R.second)
      return true;
  return false;
}

} // namespace clang::tidy::asynctidy
