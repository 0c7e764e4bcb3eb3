//===--- Facts.cpp - recording facts for the whole-program merge ----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Facts.h"
#include "facts/FactsFormat.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace clang::tidy::asynctidy {

namespace {
/// \p Path, absolute, then relative to the directory clang-tidy runs in
/// when it lies below it.
std::string portablePath(StringRef Path, const SourceManager &Sources) {
  llvm::SmallString<256> Absolute(Path);
  Sources.getFileManager().makeAbsolutePath(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Here;
  if (!llvm::sys::fs::current_path(Here)) {
    llvm::sys::path::remove_dots(Here, /*remove_dot_dot=*/true);
    StringRef Rest = Absolute;
    if (Rest.consume_front(Here) &&
        (Rest.empty() || llvm::sys::path::is_separator(Rest.front())))
      return Rest.ltrim("/").str();
  }
  return Absolute.str().str();
}

std::string fileOf(SourceLocation Loc, const SourceManager &Sources) {
  auto File =
      Sources.getFileEntryRefForID(Sources.getFileID(Sources.getFileLoc(Loc)));
  return File ? portablePath(File->getName(), Sources) : "";
}
} // namespace

std::string factsName(const NamedDecl &D) {
  return D.getQualifiedNameAsString();
}

std::string factsKey(const NamedDecl &D, const SourceManager &Sources) {
  std::string Key = D.getQualifiedNameAsString();
  if (const auto *Function = llvm::dyn_cast<FunctionDecl>(&D))
    Key += " " + Function->getType().getCanonicalType().getAsString();
  if (!D.isExternallyVisible())
    Key = fileOf(D.getLocation(), Sources) + ":" + Key;
  return Key;
}

llvm::json::Value factsLocation(SourceLocation Loc,
                                const SourceManager &Sources) {
  SourceLocation File = Sources.getFileLoc(Loc);
  return llvm::json::Array{
      fileOf(File, Sources), Sources.getSpellingLineNumber(File),
      Sources.getSpellingColumnNumber(File), Sources.getFileOffset(File)};
}

std::string writeFacts(StringRef Directory, StringRef Check,
                       const SourceManager &Sources, llvm::json::Object Facts) {
  std::string Unit =
      fileOf(Sources.getLocForStartOfFile(Sources.getMainFileID()), Sources);
  Facts["format"] = ::asynctidy::facts::FormatName;
  Facts["version"] = ::asynctidy::facts::FormatVersion;
  Facts["check"] = Check;
  Facts["unit"] = Unit;
  if (std::error_code Error = llvm::sys::fs::create_directories(Directory))
    return "cannot make the directory: " + Error.message();
  // One file per unit and check; the hash tells apart units of one name.
  std::string Name =
      llvm::sys::path::filename(Unit).str() + "-" +
      llvm::utohexstr(llvm::xxHash64(Unit + "\n" + Check.str()), true) + "." +
      Check.str() + ::asynctidy::facts::FileSuffix.str();
  llvm::SmallString<256> Temporary, Final(Directory);
  llvm::sys::path::append(Final, Name);
  int FD = -1;
  if (std::error_code Error = llvm::sys::fs::createUniqueFile(
          Final + ".%%%%%%%%.tmp", FD, Temporary))
    return "cannot write there: " + Error.message();
  {
    llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << llvm::json::Value(std::move(Facts)) << "\n";
    Out.close();
    if (Out.has_error()) {
      llvm::sys::fs::remove(Temporary);
      return "cannot write there: " + Out.error().message();
    }
  }
  if (std::error_code Error = llvm::sys::fs::rename(Temporary, Final))
    return "cannot write there: " + Error.message();
  return "";
}

} // namespace clang::tidy::asynctidy
