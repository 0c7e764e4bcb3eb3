//===--- TestCode.cpp - the code of a project's tests ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/TestCode.h"
#include "Compat.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::asynctidy {

/// Whether \p Path is the header of a test framework. Plain string tests: a
/// unit of real headers lists hundreds of files, and a regular expression
/// over each of them cost more than most checks.
static bool isTestFrameworkHeader(StringRef Path) {
  StringRef Name = llvm::sys::path::filename(Path);
  StringRef Parent = llvm::sys::path::parent_path(Path);
  StringRef Directory = llvm::sys::path::filename(Parent);
  if (Directory == "catch2" || compat::endsWith(Parent, "boost/test"))
    return true;
  if ((Name == "gtest.h" && Directory == "gtest") ||
      (Name == "gmock.h" && Directory == "gmock"))
    return true;
  return llvm::is_contained(
      llvm::ArrayRef<StringRef>({"catch.hpp", "doctest.h", "unit_test.hpp",
                                 "UnitTest++.h", "unittestpp.h"}),
      Name);
}

bool includesTestFramework(const SourceManager &SM) {
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It)
    if (isTestFrameworkHeader(compat::fileName(It->first)))
      return true;
  return false;
}

/// Whether the name of the file at \p Path says that it holds tests.
static bool hasTestFileName(StringRef Path) {
  static const llvm::Regex TestName(
      "^(tests?|test_.*|.*[_-](tests?|unittests?|fuzzer))$");
  return TestName.match(llvm::sys::path::stem(Path).lower());
}

/// Whether a directory of \p Path has one of the \p Names.
static bool isInDirectoryNamed(StringRef Path,
                               std::initializer_list<StringRef> Names) {
  StringRef Directory = llvm::sys::path::parent_path(Path);
  for (auto It = llvm::sys::path::begin(Directory),
            End = llvm::sys::path::end(Directory);
       It != End; ++It)
    if (llvm::is_contained(Names, *It))
      return true;
  return false;
}

/// Whether a directory of \p Path is named like a test directory.
static bool isInTestDirectory(StringRef Path) {
  return isInDirectoryNamed(
      Path, {"test", "tests", "testing", "unittest", "unittests"});
}

bool isInTestCode(SourceLocation Loc, const SourceManager &SM,
                  llvm::function_ref<bool()> UnitIncludesFramework) {
  SourceLocation Where = SM.getExpansionLoc(Loc);
  if (Where.isInvalid() || SM.isInSystemHeader(Where))
    return false;
  FileID File = SM.getFileID(Where);
  auto Entry = SM.getFileEntryRefForID(File);
  if (Entry && hasTestFileName(Entry->getName()))
    return true;
  if (!UnitIncludesFramework())
    return false;
  return File == SM.getMainFileID() ||
         (Entry && isInTestDirectory(Entry->getName()));
}

bool isInExampleCode(SourceLocation Loc, const SourceManager &SM) {
  SourceLocation Where = SM.getExpansionLoc(Loc);
  if (Where.isInvalid() || SM.isInSystemHeader(Where))
    return false;
  auto Entry = SM.getFileEntryRefForID(SM.getFileID(Where));
  return Entry &&
         isInDirectoryNamed(Entry->getName(),
                            {"example", "examples", "sample", "samples",
                             "tutorial", "tutorials", "demo", "demos"});
}

} // namespace clang::tidy::asynctidy
