//===--- LockScopes.h - which locks a block holds, and for how long -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_LOCKSCOPES_H
#define ASYNCTIDY_SUPPORT_LOCKSCOPES_H

#include "support/NameList.h"
#include "clang/AST/Stmt.h"
#include <vector>

namespace clang::tidy::asynctidy {

/// The names that tell locks apart from other objects.
struct LockTypes {
  /// RAII guards that lock in their constructor: std::lock_guard, ...
  const NameList &Guards;
  /// Mutexes whose lock() a function may call by hand.
  const NameList &Mutexes;
};

/// A lock taken by one statement of a block and held by the statements that
/// follow it, up to where it is released or the block ends.
struct HeldLock {
  /// The statement that takes the lock: a guard's declaration or a
  /// `mutex.lock()` call.
  const Stmt *Acquire = nullptr;
  /// The guard variable, or nullptr for a lock() called by hand.
  const VarDecl *Guard = nullptr;
  /// The mutex variable or data member, when it is named directly.
  const ValueDecl *Mutex = nullptr;
  /// Statements [First, End) of the block run with the lock held: First is
  /// the statement after Acquire, End the statement that releases it
  /// (`guard.unlock()`, `mutex.unlock()`) or the end of the block.
  size_t First = 0, End = 0;
  /// Whether End is an explicit release rather than the end of the block.
  bool ReleasedExplicitly = false;
};

/// The locks that the statements of \p Block take, each with the statements
/// of \p Block that run while it is held. Locks taken in nested blocks are
/// those blocks' own; a guard constructed with std::defer_lock holds nothing.
std::vector<HeldLock> locksTakenIn(const CompoundStmt &Block,
                                   const LockTypes &Types);

/// The first suspension point in \p S reached while \p Lock is still held:
/// a nested block that releases the lock (`lock.unlock(); co_await ...;`)
/// suspends without it from there on. nullptr if there is none.
const Expr *firstSuspensionWhileHeld(const Stmt &S, const HeldLock &Lock);

/// The mutex type a guard of type \p GuardType locks (its first template
/// argument), or a null type.
QualType guardedMutexType(QualType GuardType);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_LOCKSCOPES_H
