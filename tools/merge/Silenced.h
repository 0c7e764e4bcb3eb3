//===--- Silenced.h - the places where the user silenced a check ----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MERGE_SILENCED_H
#define ASYNCTIDY_MERGE_SILENCED_H

#include "Findings.h"

namespace asynctidy::merge {

/// Removes from \p Findings each warning at a place the units listed as
/// silenced for its check ("silenced": [[file, line], ...]): a NOLINT
/// comment there, or the module's rules for tests, examples and code that
/// macros write, as clang-tidy would have applied them to the check's own
/// warning. A malformed list is an error that names its file.
llvm::Error dropSilenced(std::vector<Finding> &Findings,
                         llvm::ArrayRef<UnitFacts> Units);

} // namespace asynctidy::merge

#endif // ASYNCTIDY_MERGE_SILENCED_H
