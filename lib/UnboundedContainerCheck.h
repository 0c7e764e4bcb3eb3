//===--- UnboundedContainerCheck.h - asynctidy ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_UNBOUNDEDCONTAINERCHECK_H
#define ASYNCTIDY_UNBOUNDEDCONTAINERCHECK_H

#include "support/AsyncTidyCheck.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::asynctidy {

/// Finds member containers that the class only ever grows, and vectors used
/// as queues (erase(begin())).
///
/// For the user-facing documentation see docs/checks/unbounded-container.md.
class UnboundedContainerCheck : public AsyncTidyCheck {
public:
  UnboundedContainerCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  struct Uses;        // what member functions do to a container member
  class UseCollector; // records them from one function body
  void checkClass(const CXXRecordDecl &Class);
  llvm::MapVector<const FieldDecl *, Uses>
  containerMembers(const CXXRecordDecl &Class) const;
  /// Calls \p Visit on each member function's body found in the unit, and
  /// whether growth there counts (not in a constructor or set-up function).
  void forEachBody(const CXXRecordDecl &Class,
                   llvm::function_ref<void(const FunctionDecl &, const Stmt &,
                                           bool CountGrowth)>
                       Visit) const;
  llvm::MapVector<const FieldDecl *, Uses>
  collectMembers(const CXXRecordDecl &Class) const;
  void recordFacts();
  llvm::json::Object classFacts(const CXXRecordDecl &Class);
  /// What one body does to the members, as facts.
  static llvm::json::Array
  useFacts(const llvm::MapVector<const FieldDecl *, Uses> &Members,
           const SourceManager &SM);
  void report(const FieldDecl &Field, const Uses &U);
  void collect(const Stmt &Body, const CXXRecordDecl &Class,
               llvm::MapVector<const FieldDecl *, Uses> &Members,
               bool CountGrowth) const;
  bool isContainer(QualType Type) const;
  void noteBound(const FieldDecl &Field, const Uses &U);

  const NameList &ContainerTypes;
  const NameList &MutexTypes;
  const NameList &SetUpFunctions;
  const std::string MaxSize;
  const std::string OverflowPolicy;
  /// Where to write the facts of each unit for the whole-program merge.
  const std::string FactsDirectory;
  ASTContext *Context = nullptr;
  llvm::SetVector<const CXXRecordDecl *> Classes;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_UNBOUNDEDCONTAINERCHECK_H
