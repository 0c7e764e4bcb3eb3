//===--- UnguardedMemberCheck.h - asynctidy -------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_UNGUARDEDMEMBERCHECK_H
#define ASYNCTIDY_UNGUARDEDMEMBERCHECK_H

#include "support/AsyncTidyCheck.h"
#include "support/IncludeFixes.h"
#include "support/LockScopes.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::asynctidy {

/// Finds data members that a class's member functions touch under its mutex
/// in one place and without it in another.
///
/// For the user-facing documentation see docs/checks/unguarded-member.md.
class UnguardedMemberCheck : public AsyncTidyCheck {
public:
  UnguardedMemberCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  /// One use of a data member in a member function.
  struct Access {
    const FieldDecl *Field;
    const MemberExpr *Where;
    bool Write;
    /// The mutex data members of the class held there.
    llvm::SmallVector<const ValueDecl *, 2> Held;
    /// Whether any lock at all is held there.
    bool AnyLockHeld;
    /// Whether it is written in an assertion macro (`assert(!pending_)`).
    bool InAssertion = false;
  };

  /// What a member function does with the members and the locks.
  struct MethodSummary {
    const CXXMethodDecl *Method = nullptr;
    std::vector<Access> Accesses;
    /// Member functions of the class it calls on `this`, and whether a lock
    /// is held at the call.
    std::vector<std::pair<const CXXMethodDecl *, bool>> Calls;
    /// Names of member functions a template calls on `this` with a lock
    /// held, before it resolves which overload.
    llvm::SmallVector<StringRef, 1> UnresolvedCallsUnderLock;
    bool TakesLock = false;
    /// Where it takes a mutex data member of the class.
    std::vector<std::pair<const Stmt *, const ValueDecl *>> Acquisitions;
    /// Whether it asserts that its caller holds a lock (`AssertHeld()`).
    bool AssertsLock = false;
  };

private:
  /// Which mutexes guard which member, as the judged member functions show.
  struct Evidence {
    llvm::MapVector<const FieldDecl *, llvm::SmallVector<const ValueDecl *, 1>>
        Guards;
    /// For each guarded member, a write with its mutex held.
    llvm::DenseMap<const FieldDecl *, const Access *> GuardedExample;
    /// For each guarded member, how many member functions access it with
    /// its mutex held.
    llvm::DenseMap<const FieldDecl *, unsigned> LockedFunctions;
  };
  using JudgedPredicate = llvm::function_ref<bool(const CXXMethodDecl &)>;

  MethodSummary summarise(const CXXMethodDecl &Method) const;
  llvm::DenseSet<const CXXMethodDecl *>
  underCallersLock(llvm::ArrayRef<MethodSummary> Summaries) const;
  Evidence collectEvidence(llvm::ArrayRef<MethodSummary> Summaries,
                           const JudgedPredicate &IsJudged) const;
  llvm::DenseSet<const CXXMethodDecl *> reachedConcurrently(
      llvm::ArrayRef<MethodSummary> Summaries,
      llvm::function_ref<bool(const CXXMethodDecl &)> MayRun) const;
  bool isShared(const FieldDecl &Field) const;
  bool isShownGuarded(const FieldDecl &Field, const Evidence &Found) const;
  static bool assertsStateOf(const FieldDecl &Field,
                             const MethodSummary &Summary);
  bool isFastPath(const Access &Read, const MethodSummary &Summary,
                  llvm::ArrayRef<const ValueDecl *> Guards) const;
  void checkClass(const CXXRecordDecl &Class,
                  llvm::ArrayRef<const CXXMethodDecl *> Methods);
  void
  reportMethod(const MethodSummary &Summary, const Evidence &Found,
               const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods);
  std::vector<FixItHint>
  guardBody(const MethodSummary &Summary, const ValueDecl &Mutex,
            const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods);
  bool canHoldForWholeBody(
      const MethodSummary &Summary, const CompoundStmt &Body,
      const FieldDecl &Mutex,
      const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods) const;

  const NameList &GuardTypes;
  const NameList &MutexTypes;
  const NameList &ThreadSafeTypes;
  const NameList &SingleThreadedFunctions;
  /// How many member functions must lock around a scalar member before
  /// the lock counts as its guard.
  const unsigned ScalarLockingFunctions;
  IncludeFixes Inserter;
  ASTContext *Context = nullptr;
  llvm::MapVector<const CXXRecordDecl *, std::vector<const CXXMethodDecl *>>
      Classes;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_UNGUARDEDMEMBERCHECK_H
