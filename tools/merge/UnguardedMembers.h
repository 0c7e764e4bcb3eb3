//===--- UnguardedMembers.h - members used unguarded, across units --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MERGE_UNGUARDEDMEMBERS_H
#define ASYNCTIDY_MERGE_UNGUARDEDMEMBERS_H

#include "Findings.h"

namespace asynctidy::merge {

/// async-unguarded-member's findings for the classes whose member functions
/// no single unit defines all of, judged by the check's own rule
/// (facts/GuardEvidence.h) over the member functions of every unit: the
/// guard that one unit shows, the unguarded use in another. A member
/// function that a unit reported already is not reported again.
llvm::Expected<std::vector<Finding>>
unguardedMembers(llvm::ArrayRef<UnitFacts> Units);

} // namespace asynctidy::merge

#endif // ASYNCTIDY_MERGE_UNGUARDEDMEMBERS_H
