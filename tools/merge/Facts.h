//===--- Facts.h - reading the facts the checks recorded ------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MERGE_FACTS_H
#define ASYNCTIDY_MERGE_FACTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace asynctidy::merge {

/// A place in a source file, as the facts give it.
struct Location {
  std::string File;
  unsigned Line = 0, Column = 0, Offset = 0;
};

/// The facts one check recorded for one translation unit.
struct UnitFacts {
  std::string Path; // of the facts file
  std::string Check;
  std::string Unit;
  llvm::json::Object Facts;
};

/// Reads every facts file in \p Inputs (directories, searched recursively,
/// or files), in a stable order. A file that is not valid facts of this
/// format's version is an error that names it.
llvm::Expected<std::vector<UnitFacts>>
readFacts(llvm::ArrayRef<std::string> Inputs);

/// Reads a [file, line, column, offset] location; false if malformed.
bool readLocation(const llvm::json::Value *Value, Location &Out);

/// An error about one facts file's content.
llvm::Error malformed(const UnitFacts &Unit, llvm::StringRef What);

} // namespace asynctidy::merge

#endif // ASYNCTIDY_MERGE_FACTS_H
