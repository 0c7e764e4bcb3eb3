//===--- LockTypes.h - which types are mutexes, and which are guards ------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_LOCKTYPES_H
#define ASYNCTIDY_SUPPORT_LOCKTYPES_H

#include "support/NameList.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

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

/// The names that tell locks apart from other objects. Types the lists do
/// not name are recognised by their shape (see isMutexType, isGuardType).
struct LockTypes {
  /// RAII guards that lock in their constructor: std::lock_guard, ...
  const NameList &Guards;
  /// Mutexes whose lock() a function may call by hand.
  const NameList &Mutexes;
};

/// Whether \p Record is a mutex: listed in \p Mutexes, or a class of the
/// program with `lock()` and `unlock()` members (a wrapper such as
/// `port::Mutex`) whose `lock()` is not empty and that is not a guard.
bool isMutexType(const CXXRecordDecl &Record, const NameList &Mutexes);

/// Whether \p Type is a lock of a C API, named by its typedef:
/// `pthread_mutex_t`, `pthread_rwlock_t`, `pthread_spinlock_t`, C11's
/// `mtx_t`, Windows' `SRWLOCK` and `CRITICAL_SECTION`.
bool isCLockType(QualType Type);

/// Whether objects of \p Record lock for themselves: it or a base owns a
/// mutex (also one of a C API, see isCLockType). In a class template, a member
/// whose type is a template parameter that defaults to a mutex counts
/// (`template <typename M = spin_mutex>`).
bool ownsMutex(const CXXRecordDecl &Record, const NameList &Mutexes);

/// Whether \p Record has a `lock()` that does nothing (`void lock() {}`):
/// not a lock (the peer suite that Infer ships counts it as none).
bool hasEmptyLock(const CXXRecordDecl &Record);

/// Whether \p Record implements a lock or an event rather than using one:
/// it declares a member function named "unlock" in any case, alone or as
/// the first word (`UnlockHere()`, `unlock_shared()`), or both a `wait`
/// and a `set`, `signal` or `notify...`. Its state follows the primitive's
/// own protocol (an owner's recursion count, a reset while no one waits).
bool implementsSynchronisation(const CXXRecordDecl &Record);

/// Whether \p Record is a lock guard: listed in \p Guards, or a class with
/// a destructor of its own and a constructor that is handed a mutex (by
/// reference or pointer), as `MutexLock(Mutex *)` is.
bool isGuardType(const CXXRecordDecl &Record, const LockTypes &Types);

/// Whether \p Type is the tag type named \p Name that guards take to say how
/// to lock (`std::adopt_lock_t`, `std::defer_lock_t`, `std::try_to_lock_t`),
/// a struct in the standard library, an enum in others (Asio's).
bool isLockTag(QualType Type, llvm::StringRef Name);

/// Whether a method named \p Name takes a lock: lock(), lock_shared(), and
/// absl::Mutex's Lock(), ReaderLock(), WriterLock().
bool isLockMethod(llvm::StringRef Name);
/// Whether a method named \p Name tries to take a lock and says whether it
/// did: try_lock(), try_lock_for(), try_lock_until(), TryLock(), ...
bool isTryLockMethod(llvm::StringRef Name);
/// Whether a method named \p Name releases a lock (not release(), which
/// leaves the mutex locked).
bool isUnlockMethod(llvm::StringRef Name);

namespace matchers {
AST_MATCHER(NamedDecl, isLockMethod) {
  return Node.getIdentifier() && asynctidy::isLockMethod(Node.getName());
}
/// A class that isMutexType() recognises.
AST_MATCHER_P(CXXRecordDecl, isMutexType, const NameList *, Mutexes) {
  return asynctidy::isMutexType(Node, *Mutexes);
}
/// A class that isGuardType() recognises.
AST_MATCHER_P2(CXXRecordDecl, isGuardType, const NameList *, Guards,
               const NameList *, Mutexes) {
  return asynctidy::isGuardType(Node, {*Guards, *Mutexes});
}
} // namespace matchers

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_LOCKTYPES_H
