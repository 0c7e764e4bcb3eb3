//===--- OnlyGrowing.h - containers only grown, across units --------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_MERGE_ONLYGROWING_H
#define ASYNCTIDY_MERGE_ONLYGROWING_H

#include "Findings.h"

namespace asynctidy::merge {

/// async-unbounded-container's findings for the classes whose member
/// functions no single unit defines all of: the check is silent there (a
/// removal may be in another unit), and the merge judges them with the
/// member functions of every unit, by the check's own rule.
llvm::Expected<std::vector<Finding>>
onlyGrowingContainers(llvm::ArrayRef<UnitFacts> Units);

} // namespace asynctidy::merge

#endif // ASYNCTIDY_MERGE_ONLYGROWING_H
