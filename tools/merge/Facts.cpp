//===--- Facts.cpp - reading the facts the checks recorded ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Facts.h"
#include "CompatLLVM.h"
#include "facts/FactsFormat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace asynctidy::merge {

namespace {
llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Error listFiles(const std::string &Input,
                      std::vector<std::string> &Files) {
  llvm::sys::fs::file_status Status;
  if (std::error_code Error = llvm::sys::fs::status(Input, Status))
    return error(Input + ": " + Error.message());
  if (!llvm::sys::fs::is_directory(Status)) {
    Files.push_back(Input);
    return llvm::Error::success();
  }
  std::error_code Error;
  for (llvm::sys::fs::recursive_directory_iterator It(Input, Error), End;
       It != End && !Error; It.increment(Error))
    if (compat::endsWith(It->path(), facts::FileSuffix))
      Files.push_back(It->path());
  if (Error)
    return error(Input + ": " + Error.message());
  return llvm::Error::success();
}

llvm::Expected<UnitFacts> readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return error(Path + ": " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return error(Path + ": not JSON: " + llvm::toString(Parsed.takeError()));
  llvm::json::Object *Object = Parsed->getAsObject();
  if (!Object ||
      compat::toStd(Object->getString("format")) != facts::FormatName)
    return error(Path + ": not an asynctidy facts file");
  std::optional<int64_t> Version = compat::toStd(Object->getInteger("version"));
  if (Version != facts::FormatVersion)
    return error(Path + ": facts of format version " +
                 (Version ? std::to_string(*Version) : "(none)") +
                 ", but this asynctidy-merge reads version " +
                 std::to_string(facts::FormatVersion) +
                 ": record the facts with the asynctidy module of the same "
                 "release as the merge");
  std::optional<llvm::StringRef> Check =
      compat::toStd(Object->getString("check"));
  std::optional<llvm::StringRef> Unit =
      compat::toStd(Object->getString("unit"));
  if (!Check || !Unit)
    return error(Path + ": no check or unit named");
  return UnitFacts{Path, Check->str(), Unit->str(), std::move(*Object)};
}
} // namespace

llvm::Expected<std::vector<UnitFacts>>
readFacts(llvm::ArrayRef<std::string> Inputs) {
  std::vector<std::string> Files;
  for (const std::string &Input : Inputs)
    if (llvm::Error Error = listFiles(Input, Files))
      return std::move(Error);
  llvm::sort(Files);
  std::vector<UnitFacts> Units;
  for (const std::string &File : Files) {
    llvm::Expected<UnitFacts> Unit = readFile(File);
    if (!Unit)
      return Unit.takeError();
    Units.push_back(std::move(*Unit));
  }
  return Units;
}

bool readLocation(const llvm::json::Value *Value, Location &Out) {
  const llvm::json::Array *Parts = Value ? Value->getAsArray() : nullptr;
  if (!Parts || Parts->size() != 4)
    return false;
  std::optional<llvm::StringRef> File =
      compat::toStd((*Parts)[0].getAsString());
  std::optional<int64_t> Line = compat::toStd((*Parts)[1].getAsInteger());
  std::optional<int64_t> Column = compat::toStd((*Parts)[2].getAsInteger());
  std::optional<int64_t> Offset = compat::toStd((*Parts)[3].getAsInteger());
  if (!File || !Line || !Column || !Offset)
    return false;
  Out = {File->str(), unsigned(*Line), unsigned(*Column), unsigned(*Offset)};
  return true;
}

llvm::Error malformed(const UnitFacts &Unit, llvm::StringRef What) {
  return error(Unit.Path + ": malformed facts: " + What);
}

} // namespace asynctidy::merge
