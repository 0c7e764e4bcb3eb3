//===--- HandleStores.h - members that keep and wait for task handles -----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_HANDLESTORES_H
#define ASYNCTIDY_SUPPORT_HANDLESTORES_H

#include "clang/AST/DeclCXX.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// A data member that keeps task handles: a `std::vector`, `std::deque` or
/// `std::list` of them.
struct HandleStore {
  const FieldDecl *Member = nullptr;
  /// The member function that joins, gets or waits for the elements
  /// (`for (auto &t : workers_) t.join();`); null when none does.
  const CXXMethodDecl *Waiter = nullptr;
  /// Whether the elements wait for their task when they are destroyed
  /// (`std::jthread`): then nothing needs to join them.
  bool JoinsOnDestruction = false;
};

/// The first member of \p Class that keeps handles of type \p Handle, with
/// what waits for them; std::nullopt when there is none.
std::optional<HandleStore> findHandleStore(const CXXRecordDecl &Class,
                                           QualType Handle);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_HANDLESTORES_H
