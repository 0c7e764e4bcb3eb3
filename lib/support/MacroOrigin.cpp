//===--- MacroOrigin.cpp - code that macros write -------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/MacroOrigin.h"
#include "Compat.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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

bool isInAssertion(SourceLocation Loc, const SourceManager &SM,
                   const LangOptions &LangOpts) {
  for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc)) {
    StringRef Name = Lexer::getImmediateMacroName(Loc, SM, LangOpts);
    if (Name.lower().find("assert") != std::string::npos ||
        compat::startsWith(Name, "CHECK") || compat::startsWith(Name, "DCHECK"))
      return true;
  }
  return false;
}

} // namespace clang::tidy::asynctidy
