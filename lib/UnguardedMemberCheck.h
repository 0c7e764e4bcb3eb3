//===--- UnguardedMemberCheck.h - asynctidy -------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_UNGUARDEDMEMBERCHECK_H
#define ASYNCTIDY_UNGUARDEDMEMBERCHECK_H

#include "facts/GuardEvidence.h"
#include "support/AsyncTidyCheck.h"
#include "support/IncludeFixes.h"
#include "support/LockScopes.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/JSON.h"

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

private:
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

  /// One class as the judgement sees it (facts/GuardEvidence.h), with the
  /// declarations behind its indices.
  struct ClassModel {
    ::asynctidy::facts::ClassFacts Facts;
    /// Of the member functions with a body, which come first.
    std::vector<MethodSummary> Summaries;
    std::vector<const CXXMethodDecl *> Methods;
    std::vector<const FieldDecl *> Members;
    std::vector<const ValueDecl *> Mutexes;
    llvm::DenseMap<const CXXMethodDecl *, unsigned> MethodIndex;
    llvm::DenseMap<const FieldDecl *, unsigned> MemberIndex;
    llvm::DenseMap<const ValueDecl *, unsigned> MutexIndex;
  };

  MethodSummary summarise(const CXXMethodDecl &Method) const;
  ::asynctidy::facts::MethodFacts
  declarationFacts(const CXXMethodDecl &Method) const;
  ClassModel model(llvm::ArrayRef<const CXXMethodDecl *> Methods) const;
  void addBody(ClassModel &Model, unsigned Index) const;
  bool isShared(const FieldDecl &Field) const;
  bool isFastPath(const Access &Read, const MethodSummary &Summary,
                  llvm::ArrayRef<const ValueDecl *> Guards) const;
  std::vector<::asynctidy::facts::UnguardedUse>
  judge(const ClassModel &Model) const;
  void checkClass(const CXXRecordDecl &Class,
                  llvm::ArrayRef<const CXXMethodDecl *> Methods);
  void report(const ClassModel &Model,
              const ::asynctidy::facts::UnguardedUse &Found);
  std::vector<FixItHint>
  guardBody(const MethodSummary &Summary, const ValueDecl &Mutex,
            const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods);
  bool canHoldForWholeBody(
      const MethodSummary &Summary, const CompoundStmt &Body,
      const FieldDecl &Mutex,
      const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods) const;
  /// How the facts name the entities behind a model's indices.
  struct FactsKeys {
    std::vector<std::string> Methods, Members, Mutexes;
  };
  llvm::json::Object
  classFacts(const CXXRecordDecl &Class, const ClassModel &Model,
             llvm::ArrayRef<::asynctidy::facts::UnguardedUse> Reported);
  llvm::json::Object methodEntry(const ClassModel &Model, const FactsKeys &Keys,
                                 unsigned Method);
  llvm::json::Object useEntry(const ClassModel &Model, const FactsKeys &Keys,
                              unsigned Method, unsigned Use);

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
  /// Where the facts for the whole-program merge go; empty: nowhere.
  const std::string FactsDirectory;
  llvm::json::Array RecordedClasses;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_UNGUARDEDMEMBERCHECK_H
