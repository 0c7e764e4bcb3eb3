//===--- LockScopes.h - which locks a block holds, and for how long -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_LOCKSCOPES_H
#define ASYNCTIDY_SUPPORT_LOCKSCOPES_H

#include "support/LockTypes.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::asynctidy {

/// A lock taken by one statement of a block and held by the statements that
/// follow it, up to where it is released or the block ends.
struct HeldLock {
  /// The statement that takes the lock: a guard's declaration or a
  /// `mutex.lock()` call.
  const Stmt *Acquire = nullptr;
  /// The guard variable, or nullptr for a lock() called by hand.
  const VarDecl *Guard = nullptr;
  /// For a lock() called by hand, the mutex variable or data member.
  const ValueDecl *Mutex = nullptr;
  /// Every mutex the lock holds that is named directly: the guard's mutex
  /// arguments (several for std::scoped_lock), or Mutex.
  llvm::SmallVector<const ValueDecl *, 1> Mutexes;
  /// Statements [First, End) of the block run with the lock held: First is
  /// the statement after Acquire, End the statement that releases it
  /// (`guard.unlock()`, `mutex.unlock()`) or the end of the block.
  size_t First = 0, End = 0;
  /// Whether End is an explicit release rather than the end of the block.
  bool ReleasedExplicitly = false;
  /// The block whose statement Acquire is (its First - 1st statement).
  const CompoundStmt *Block = nullptr;
  /// Whether the lock was tried (`if (!m.try_lock()) return;`): taking it
  /// never waits, so it is no step of a lock order.
  bool Tried = false;
  /// Whether std::lock() took the Mutexes together (Mutex is the first).
  bool Together = false;
};

/// Whether a statement of \p Block takes a lock (locksTakenIn would find
/// one), without working out how long it holds.
bool takesLock(const CompoundStmt &Block, const LockTypes &Types);

/// The locks that the statements of \p Block take, each with the statements
/// of \p Block that run while it is held. Locks taken in nested blocks are
/// those blocks' own; a guard constructed with std::defer_lock or
/// std::try_to_lock holds nothing by itself (`if (lock)` does, see
/// forEachStmtWithLocksHeld). A lock is held up to the statement that
/// releases it: unlock(), a guard's release(), or a guard moved away
/// (`co_await resume_with(std::move(lock))`).
std::vector<HeldLock> locksTakenIn(const CompoundStmt &Block,
                                   const LockTypes &Types);

/// The first suspension point in \p S reached while \p Lock is still held:
/// a nested block that releases the lock (`lock.unlock(); co_await ...;`)
/// suspends without it from there on. nullptr if there is none.
const Expr *firstSuspensionWhileHeld(const Stmt &S, const HeldLock &Lock);

/// Visits \p Body and the statements in it, as forEachStmtOfFunction does
/// (not nested functions), each with the locks held when it runs: those
/// taken by enclosing blocks and not yet released on the path to it, and
/// in the branch of an `if` whose condition tried a lock and got it
/// (`if (m.try_lock())`, `if (lock.owns_lock())`, `if (lock)`).
///
/// The walk is done once per body and lock types in a translation unit and
/// replayed for the checks that ask again; the HeldLock objects live until
/// the next translation unit starts (forgetLockFlows).
void forEachStmtWithLocksHeld(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const Stmt &, llvm::ArrayRef<const HeldLock *>)>
        Visit);

/// Visits each lock that \p Body takes (as locksTakenIn finds them, in every
/// block of \p Body but not in nested functions), with the locks already
/// held when it is taken.
void forEachLockTaken(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const HeldLock &, llvm::ArrayRef<const HeldLock *>)>
        Visit);

/// Forgets the walks of the previous translation unit; called when one
/// starts, since its statements may reuse the previous one's addresses.
void forgetLockFlows();

/// The mutex type a guard of type \p GuardType locks (its first template
/// argument), or a null type.
QualType guardedMutexType(QualType GuardType);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_LOCKSCOPES_H
