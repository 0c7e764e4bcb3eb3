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
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::asynctidy {

/// The default GuardTypes option of the checks that follow locks.
inline constexpr llvm::StringLiteral DefaultGuardTypes =
    "::std::lock_guard;::std::unique_lock;::std::scoped_lock;"
    "::std::shared_lock;::boost::lock_guard;::boost::unique_lock;"
    "::boost::shared_lock;::absl::MutexLock;::absl::ReaderMutexLock;"
    "::absl::WriterMutexLock";
/// The default MutexTypes option of the checks that follow locks.
inline constexpr llvm::StringLiteral DefaultMutexTypes =
    "::std::mutex;::std::recursive_mutex;::std::timed_mutex;"
    "::std::recursive_timed_mutex;::std::shared_mutex;"
    "::std::shared_timed_mutex;::boost::mutex;::absl::Mutex";

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

/// Visits \p Body and the statements in it, as forEachStmtOfFunction does
/// (not nested functions), each with the locks held when it runs: those
/// taken by enclosing blocks and not yet released on the path to it.
void forEachStmtWithLocksHeld(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const Stmt &, llvm::ArrayRef<const HeldLock *>)>
        Visit);

/// Whether a method named \p Name takes a lock: lock(), lock_shared(), and
/// absl::Mutex's Lock(), ReaderLock(), WriterLock().
bool isLockMethod(llvm::StringRef Name);
/// Whether a method named \p Name releases a lock (not release(), which
/// leaves the mutex locked).
bool isUnlockMethod(llvm::StringRef Name);

namespace matchers {
AST_MATCHER(NamedDecl, isLockMethod) {
  return Node.getIdentifier() && asynctidy::isLockMethod(Node.getName());
}
} // namespace matchers

/// Visits each lock that \p Body takes (as locksTakenIn finds them, in every
/// block of \p Body but not in nested functions), with the locks already
/// held when it is taken.
void forEachLockTaken(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const HeldLock &, llvm::ArrayRef<const HeldLock *>)>
        Visit);

/// The variable or data member \p E names, looking through `this->`, or
/// nullptr.
const ValueDecl *namedObject(const Expr *E);

/// The mutex type a guard of type \p GuardType locks (its first template
/// argument), or a null type.
QualType guardedMutexType(QualType GuardType);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_LOCKSCOPES_H
