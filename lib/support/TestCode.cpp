//===--- TestCode.cpp - the code of a project's tests ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/TestCode.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::asynctidy {

bool includesTestFramework(const SourceManager &SM) {
  static const llvm::Regex Framework(
      "(^|/)(gtest/gtest\\.h|gmock/gmock\\.h|catch2/[^/]+|catch\\.hpp|"
      "doctest\\.h|boost/test/[^/]+|unit_test\\.hpp|"
      "UnitTest\\+\\+/UnitTest\\+\\+\\.h|unittestpp\\.h)$");
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It)
    if (Framework.match(It->first.getName()))
      return true;
  return false;
}

bool isInTestCode(SourceLocation Loc, const SourceManager &SM) {
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  if (File == SM.getMainFileID())
    return true;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry || SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
    return false;
  StringRef Directory = llvm::sys::path::parent_path(Entry->getName());
  for (auto It = llvm::sys::path::begin(Directory),
            End = llvm::sys::path::end(Directory);
       It != End; ++It)
    if (llvm::is_contained({StringRef("test"), StringRef("tests"),
                            StringRef("testing"), StringRef("unittest"),
                            StringRef("unittests")},
                           *It))
      return true;
  return false;
}

} // namespace clang::tidy::asynctidy
