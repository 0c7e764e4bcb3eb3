//===--- LockOrderInversionCheck.h - asynctidy ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_LOCKORDERINVERSIONCHECK_H
#define ASYNCTIDY_LOCKORDERINVERSIONCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/LockScopes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include <deque>

namespace clang::tidy::asynctidy {

/// Finds mutexes acquired in opposite orders in two places of the
/// translation unit (also through calls made with a lock held), and
/// non-recursive mutexes acquired again while held.
///
/// For the user-facing documentation see docs/checks/lock-order-inversion.md.
class LockOrderInversionCheck : public AsyncTidyCheck {
public:
  LockOrderInversionCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// One mutex taken by one lock: a guard's mutex, or `m.lock()`.
  struct Acquisition {
    const ValueDecl *Mutex;
    const HeldLock *Lock;
    /// Reached through `this` or a variable: the same object each time.
    bool SameObjectEachTime;
    bool Shared;
  };
  /// "While Held was held, Acquired was taken": at Where, directly or in a
  /// function called there.
  struct Edge {
    Acquisition Held;
    Acquisition Acquired;
    const Stmt *Where;
    const FunctionDecl *Through; // the function called at Where, if any
  };

  struct FunctionLocks {
    std::vector<Acquisition> Taken;
    /// Calls, with the locks held at each.
    std::vector<std::pair<const CallExpr *, std::vector<Acquisition>>> Calls;
  };
  void summarise(const FunctionDecl &Function);
  const std::vector<Acquisition> &acquiredThrough(const FunctionDecl *Function);
  void addEdge(const Edge &E);
  void reportCycles();
  void recordFacts();
  llvm::json::Object acquisitionFacts(const Acquisition &A);
  llvm::json::Object functionFacts(const FunctionDecl &Function,
                                   const FunctionLocks &Summary);
  void reportSelfDeadlock(const Edge &E);
  bool isRecursive(const ValueDecl &Mutex) const;
  std::vector<FixItHint> mergeGuards(const Edge &E);

  const NameList &GuardTypes;
  const NameList &MutexTypes;
  const NameList &RecursiveMutexTypes;
  /// Where to write the facts of each unit for the whole-program merge.
  const std::string FactsDirectory;
  ASTContext *Context = nullptr;
  const HeldLock *intern(const HeldLock &Lock);

  // Stable copies of the locks the summaries point to, one per statement
  // that takes a lock.
  std::deque<HeldLock> LockStorage;
  llvm::DenseMap<const Stmt *, const HeldLock *> Interned;
  llvm::MapVector<const FunctionDecl *, FunctionLocks> Functions;
  llvm::DenseMap<const FunctionDecl *, std::vector<Acquisition>> Transitive;
  llvm::MapVector<std::pair<const ValueDecl *, const ValueDecl *>, Edge> Edges;
  /// A mutex acquired while held, by the statement that acquires it again:
  /// each such place is a deadlock of its own.
  llvm::MapVector<const Stmt *, Edge> SelfEdges;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_LOCKORDERINVERSIONCHECK_H
