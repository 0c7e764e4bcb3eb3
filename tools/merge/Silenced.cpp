//===--- Silenced.cpp - the places where the user silenced a check --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Silenced.h"
#include "CompatLLVM.h"
#include <set>
#include <tuple>

namespace asynctidy::merge {

llvm::Error dropSilenced(std::vector<Finding> &Findings,
                         llvm::ArrayRef<UnitFacts> Units) {
  std::set<std::tuple<std::string, std::string, int64_t>> Silenced;
  for (const UnitFacts &Unit : Units) {
    // Facts of an earlier release of this format version have no list.
    const llvm::json::Array *Places = Unit.Facts.getArray("silenced");
    for (const llvm::json::Value &Place :
         Places ? *Places : llvm::json::Array()) {
      const llvm::json::Array *Parts = Place.getAsArray();
      std::optional<llvm::StringRef> File =
          Parts && Parts->size() == 2 ? compat::toStd((*Parts)[0].getAsString())
                                      : std::nullopt;
      std::optional<int64_t> Line =
          File ? compat::toStd((*Parts)[1].getAsInteger()) : std::nullopt;
      if (!Line)
        return malformed(Unit, "a silenced place that is not [file, line]");
      Silenced.insert({Unit.Check, File->str(), *Line});
    }
  }
  llvm::erase_if(Findings, [&](const Finding &F) {
    return Silenced.count({F.Check, F.At.File, int64_t(F.At.Line)});
  });
  return llvm::Error::success();
}

} // namespace asynctidy::merge
