//===--- Findings.h - what the merge reports, and how ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MERGE_FINDINGS_H
#define ASYNCTIDY_MERGE_FINDINGS_H

#include "Facts.h"
#include "llvm/Support/raw_ostream.h"

namespace asynctidy::merge {

struct Note {
  Location At;
  std::string Message;
};

/// A warning of one check, with its notes, as clang-tidy would give it.
struct Finding {
  std::string Check;
  Location At;
  std::string Message;
  std::vector<Note> Notes;
};

/// Sorts by place, for output that does not depend on the order of units.
void sortFindings(std::vector<Finding> &Findings);

/// clang-tidy's diagnostic lines: "file:line:col: warning: ... [check]",
/// then the notes.
void printFindings(llvm::raw_ostream &Out, llvm::ArrayRef<Finding> Findings);

/// The YAML that clang-tidy's -export-fixes writes, which CI tools and
/// clang-apply-replacements read; paths are taken against \p BuildDirectory.
void writeExportFixes(llvm::raw_ostream &Out, llvm::ArrayRef<Finding> Findings,
                      llvm::StringRef BuildDirectory);

} // namespace asynctidy::merge

#endif // ASYNCTIDY_MERGE_FINDINGS_H
