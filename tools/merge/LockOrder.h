//===--- LockOrder.h - lock-order cycles across translation units ---------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MERGE_LOCKORDER_H
#define ASYNCTIDY_MERGE_LOCKORDER_H

#include "Findings.h"

namespace asynctidy::merge {

/// The lock-order cycles of the whole program that no single unit shows:
/// async-lock-order-inversion's graph of "acquired while held" edges, with
/// the edges that calls into functions of other units add. A cycle all of
/// whose edges one unit has was reported by the check in that unit, and is
/// not reported again.
llvm::Expected<std::vector<Finding>>
lockOrderCycles(llvm::ArrayRef<UnitFacts> Units);

} // namespace asynctidy::merge

#endif // ASYNCTIDY_MERGE_LOCKORDER_H
