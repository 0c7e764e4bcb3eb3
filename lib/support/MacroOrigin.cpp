//===--- MacroOrigin.cpp - code that macros write -------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/MacroOrigin.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::asynctidy {

bool isSpelledByUser(SourceLocation Loc, const SourceManager &SM) {
  // Follow macro arguments back to where they were written; the first token
  // that comes from a macro's body decides.
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc)) {
      FileID Definition = SM.getFileID(SM.getSpellingLoc(Loc));
      FileID Use = SM.getFileID(SM.getExpansionLoc(Loc));
      return Definition == Use;
    }
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return true;
}

} // namespace clang::tidy::asynctidy
