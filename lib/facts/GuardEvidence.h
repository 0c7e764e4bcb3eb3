//===--- GuardEvidence.h - which members a class's mutex guards -----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// async-unguarded-member's judgement, over what the member functions of one
// class do with its members and its mutexes. The check builds it from the
// AST of one translation unit, the whole-program merge from the facts of
// every unit; both judge with this code. Entities are indices: of the
// class's members, its mutex members, its member functions.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_FACTS_GUARDEVIDENCE_H
#define ASYNCTIDY_FACTS_GUARDEVIDENCE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <utility>
#include <vector>

namespace asynctidy::facts {

/// One use of a data member in a member function.
struct MemberUse {
  unsigned Member = 0;
  bool Write = false;
  /// The class's mutexes held there.
  llvm::SmallVector<unsigned, 2> Held;
  /// Whether any lock at all is held there.
  bool AnyLockHeld = false;
  /// Written in an assertion macro (`assert(!pending_)`).
  bool InAssertion = false;
};

/// What a member function of the class is, and what its body does.
struct MethodFacts {
  std::string Name;
  bool Public = false;
  /// Neither static, nor a constructor or a destructor.
  bool OnAnObject = true;
  /// No thread-safety analysis, documented as not for concurrent use, or
  /// an assignment that locks to copy another object.
  bool Exempt = false;
  /// Named in SingleThreadedFunctions: set-up or teardown.
  bool SingleThreaded = false;
  /// Runs with its caller's lock: takes a guard, asserts that a lock is
  /// held, or requires a capability.
  bool HoldsCallersLock = false;
  /// Its body is known. Member functions without one are only called.
  bool HasBody = false;
  bool TakesLock = false;
  std::vector<MemberUse> Uses;
  /// Member functions it calls on `this`, and whether a lock is held there.
  std::vector<std::pair<unsigned, bool>> Calls;
  /// Names that a template calls on `this` with a lock held, unresolved.
  llvm::SmallVector<std::string, 1> UnresolvedCallsUnderLock;
};

/// How much evidence a member's guard needs.
struct MemberFacts {
  /// Const, a reference, a mutex, thread-safe, or locking for itself.
  bool Shared = false;
  /// A flag, a counter, an enum or a plain pointer.
  bool Scalar = false;
};

struct ClassFacts {
  std::vector<MemberFacts> Members;
  std::vector<MethodFacts> Methods;
};

/// A member function that uses a guarded member with no lock held.
struct UnguardedUse {
  unsigned Method, Use;
  /// The mutex that guards the member (the first shown).
  unsigned Mutex;
  /// A write of the member with that mutex held: method and use.
  std::pair<unsigned, unsigned> Example;
  /// Every mutex that guards a member the function uses unguarded.
  llvm::SmallVector<unsigned, 1> NeededMutexes;
};

/// Whether a read comes before the function takes one of \p Guards itself,
/// on the same path: a fast path checked again under the lock.
using FastPathPredicate = llvm::function_ref<bool(
    unsigned Method, unsigned Use, llvm::ArrayRef<unsigned> Guards)>;

/// The member functions that use a member unguarded which others write
/// with a mutex of the class held, each at its first such use, judged as
/// docs/checks/unguarded-member.md says. \p ScalarLockingFunctions member
/// functions must lock around a scalar member for its guard to count.
std::vector<UnguardedUse> findUnguardedUses(const ClassFacts &Class,
                                            unsigned ScalarLockingFunctions,
                                            FastPathPredicate IsFastPath);

} // namespace asynctidy::facts

#endif // ASYNCTIDY_FACTS_GUARDEVIDENCE_H
