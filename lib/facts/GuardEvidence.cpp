//===--- GuardEvidence.cpp - which members a class's mutex guards ---------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "facts/GuardEvidence.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace asynctidy::facts {
namespace {

using MethodSet = llvm::DenseSet<unsigned>;

/// Which mutexes guard which member, as the judged member functions show.
struct Evidence {
  llvm::MapVector<unsigned, llvm::SmallVector<unsigned, 1>> Guards;
  /// For each guarded member, a write with its mutex held.
  llvm::DenseMap<unsigned, std::pair<unsigned, unsigned>> Example;
  /// For each guarded member, how many member functions access it with
  /// its mutex held.
  llvm::DenseMap<unsigned, unsigned> LockedFunctions;
};

/// Adds to \p Set what \p Calls reach from it: the callees of the calls
/// that \p Follows accepts, until nothing changes.
template <typename FollowFn>
void closeOverCalls(const ClassFacts &Class, MethodSet &Set, FollowFn Follows) {
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (unsigned M = 0; M < Class.Methods.size(); ++M)
      for (const auto &[Callee, Held] : Class.Methods[M].Calls)
        if (Follows(M, Callee, Held) && Set.insert(Callee).second)
          Changed = true;
  }
}

/// Member functions that run with the lock their caller took: annotated
/// so, handed the guard, asserting it; called on `this` with a lock held
/// (also by a name a template leaves unresolved), or from such functions.
MethodSet underCallersLock(const ClassFacts &Class) {
  MethodSet Result;
  llvm::StringSet<> NamesCalledUnderLock;
  for (unsigned M = 0; M < Class.Methods.size(); ++M) {
    const MethodFacts &Method = Class.Methods[M];
    if (Method.HoldsCallersLock)
      Result.insert(M);
    for (const std::string &Name : Method.UnresolvedCallsUnderLock)
      NamesCalledUnderLock.insert(Name);
  }
  for (unsigned M = 0; M < Class.Methods.size(); ++M)
    if (Class.Methods[M].HasBody && !Class.Methods[M].Name.empty() &&
        NamesCalledUnderLock.count(Class.Methods[M].Name))
      Result.insert(M);
  closeOverCalls(Class, Result, [&](unsigned Caller, unsigned, bool Held) {
    return Held || Result.count(Caller);
  });
  return Result;
}

/// A private or protected member function runs when the class, a derived
/// class or a friend calls it. It is judged where a public member function
/// that may run concurrently with others calls it, directly or through
/// other such functions; one that only set-up, teardown or nothing here
/// calls is reached from code whose locking this class does not show.
template <typename MayRunFn>
MethodSet reachedConcurrently(const ClassFacts &Class, MayRunFn MayRun) {
  auto RunsConcurrently = [&](unsigned M) {
    return MayRun(M) && !Class.Methods[M].Exempt &&
           !Class.Methods[M].SingleThreaded;
  };
  MethodSet Reached;
  for (unsigned M = 0; M < Class.Methods.size(); ++M)
    if (Class.Methods[M].HasBody && Class.Methods[M].Public &&
        RunsConcurrently(M))
      Reached.insert(M);
  closeOverCalls(
      Class, Reached, [&](unsigned Caller, unsigned Callee, bool Held) {
        return Reached.count(Caller) && !Held && RunsConcurrently(Callee);
      });
  return Reached;
}

/// A member is guarded by the mutexes held where it is written: a member
/// only read under a lock (configuration read next to guarded state) is
/// not shown to need one.
template <typename JudgedFn>
Evidence collectEvidence(const ClassFacts &Class, JudgedFn IsJudged) {
  Evidence Found;
  for (unsigned M = 0; M < Class.Methods.size(); ++M) {
    if (!IsJudged(M))
      continue;
    const std::vector<MemberUse> &Uses = Class.Methods[M].Uses;
    for (unsigned U = 0; U < Uses.size(); ++U) {
      if (!Uses[U].Write)
        continue;
      for (unsigned Mutex : Uses[U].Held) {
        auto &List = Found.Guards[Uses[U].Member];
        if (!llvm::is_contained(List, Mutex))
          List.push_back(Mutex);
        Found.Example.try_emplace(Uses[U].Member, M, U);
      }
    }
  }
  for (unsigned M = 0; M < Class.Methods.size(); ++M) {
    if (!IsJudged(M))
      continue;
    llvm::DenseSet<unsigned> Locked;
    for (const MemberUse &Use : Class.Methods[M].Uses) {
      auto Guard = Found.Guards.find(Use.Member);
      if (Guard != Found.Guards.end() &&
          llvm::any_of(Use.Held, [&](unsigned Mutex) {
            return llvm::is_contained(Guard->second, Mutex);
          }))
        Locked.insert(Use.Member);
    }
    for (unsigned Member : Locked)
      ++Found.LockedFunctions[Member];
  }
  return Found;
}

/// A function that asserts what state the member is in, with no lock held,
/// relies on a protocol that keeps other threads away from it.
bool assertsStateOf(unsigned Member, const MethodFacts &Method) {
  return llvm::any_of(Method.Uses, [&](const MemberUse &Use) {
    return Use.Member == Member && Use.InAssertion && !Use.AnyLockHeld;
  });
}

/// The first use of \p Method that the evidence shows unguarded, if any.
std::optional<UnguardedUse> judgeMethod(const ClassFacts &Class, unsigned M,
                                        const Evidence &Found,
                                        unsigned ScalarLockingFunctions,
                                        FastPathPredicate IsFastPath) {
  std::optional<UnguardedUse> First;
  llvm::SmallVector<unsigned, 1> Needed;
  const std::vector<MemberUse> &Uses = Class.Methods[M].Uses;
  for (unsigned U = 0; U < Uses.size(); ++U) {
    const MemberUse &Use = Uses[U];
    const MemberFacts &Member = Class.Members[Use.Member];
    if (Use.AnyLockHeld || Member.Shared)
      continue;
    auto Guard = Found.Guards.find(Use.Member);
    // A flag, a counter or a pointer is often handed from thread to thread
    // by a protocol the lock does not show: one function that locks around
    // it is not enough. A container is corrupted by one unguarded change.
    unsigned Needs = Member.Scalar ? ScalarLockingFunctions : 1;
    if (Guard == Found.Guards.end() ||
        Found.LockedFunctions.lookup(Use.Member) < Needs ||
        assertsStateOf(Use.Member, Class.Methods[M]))
      continue;
    if (!Use.Write && IsFastPath(M, U, Guard->second))
      continue;
    if (!First)
      First = UnguardedUse{
          M, U, Guard->second.front(), Found.Example.lookup(Use.Member), {}};
    for (unsigned Mutex : Guard->second)
      if (!llvm::is_contained(Needed, Mutex))
        Needed.push_back(Mutex);
  }
  if (First)
    First->NeededMutexes = std::move(Needed);
  return First;
}

} // namespace

std::vector<UnguardedUse> findUnguardedUses(const ClassFacts &Class,
                                            unsigned ScalarLockingFunctions,
                                            FastPathPredicate IsFastPath) {
  // Member functions that run with the lock taken by their caller are
  // neither evidence nor findings.
  MethodSet UnderCallersLock = underCallersLock(Class);
  auto MayRun = [&](unsigned M) {
    return Class.Methods[M].OnAnObject && !UnderCallersLock.count(M);
  };
  MethodSet Reached = reachedConcurrently(Class, MayRun);
  auto IsJudged = [&](unsigned M) {
    const MethodFacts &Method = Class.Methods[M];
    return Method.HasBody && MayRun(M) && !Method.Exempt &&
           (Method.Public || Reached.count(M));
  };
  Evidence Found = collectEvidence(Class, IsJudged);
  std::vector<UnguardedUse> Result;
  for (unsigned M = 0; M < Class.Methods.size(); ++M)
    if (IsJudged(M) && !Class.Methods[M].SingleThreaded)
      if (std::optional<UnguardedUse> Use =
              judgeMethod(Class, M, Found, ScalarLockingFunctions, IsFastPath))
        Result.push_back(std::move(*Use));
  return Result;
}

} // namespace asynctidy::facts
