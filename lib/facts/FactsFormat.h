//===--- FactsFormat.h - the whole-program facts files --------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What the checks write for the whole-program merge (asynctidy-merge) and the
// merge reads: one JSON file per translation unit and check, in a directory
// the user names. The checks and the merge share this header and nothing
// else, so it depends on LLVM's Support library only.
//
// A file is an object: "format" (FactsFormatName), "version"
// (FactsFormatVersion), "check", "unit" (the main file), and the check's own
// facts. A location is [file, line, column, offset]; files are relative to
// the directory clang-tidy ran in when they lie below it, so that facts made
// on different machines (or in Bazel's sandboxes) merge.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_FACTS_FACTSFORMAT_H
#define ASYNCTIDY_FACTS_FACTSFORMAT_H

#include "llvm/ADT/StringRef.h"

namespace asynctidy::facts {

inline constexpr llvm::StringLiteral FormatName = "asynctidy-facts";
/// Raised whenever a reader of the previous version would misread a file.
inline constexpr int FormatVersion = 1;
/// The name of every facts file ends so.
inline constexpr llvm::StringLiteral FileSuffix = ".facts.json";

} // namespace asynctidy::facts

#endif // ASYNCTIDY_FACTS_FACTSFORMAT_H
