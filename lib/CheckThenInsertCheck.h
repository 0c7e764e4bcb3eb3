//===--- CheckThenInsertCheck.h - asynctidy -------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_CHECKTHENINSERTCHECK_H
#define ASYNCTIDY_CHECKTHENINSERTCHECK_H

#include "support/AsyncTidyCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::asynctidy {

/// Finds a membership test on an associative container followed by an
/// insertion of the same key: two lookups, and a window for a racing insert.
///
/// For the user-facing documentation see docs/checks/check-then-insert.md.
class CheckThenInsertCheck : public AsyncTidyCheck {
public:
  CheckThenInsertCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// A test whether a key is in a container: `m.find(k) == m.end()`,
  /// `!m.count(k)`, `m.contains(k)`, ...
  struct MembershipTest {
    const CXXMemberCallExpr *Lookup = nullptr;
    const Expr *Container = nullptr;
    const Expr *Key = nullptr;
    /// Whether the condition holds when the key is missing.
    bool TrueWhenMissing = false;
  };

private:
  /// The first lookup of the test's key after the if, in the same block.
  const Expr *laterLookup(const IfStmt &If, const MembershipTest &Test,
                          ASTContext &Context) const;
  /// The fix that folds the test into the insertion, if it is safe.
  std::vector<FixItHint> fixes(const IfStmt &If, const MembershipTest &Test,
                               const Expr &Insertion, const Expr *LaterLookup,
                               ASTContext &Context);

  /// What a fold writes: the inserting call, and what else it rewrites.
  struct Fold {
    std::string NewCall;
    bool Map = false;
    bool OnlyStatement = false;        // the branch is the insertion alone
    const Expr *LaterLookup = nullptr; // becomes `it`
    const Expr *AssignedSubscript = nullptr; // `m[k] = v` becomes `it->second`
  };
  std::vector<FixItHint> foldEdits(const IfStmt &If, const Stmt &First,
                                   const Fold &F, ASTContext &Context) const;

  const NameList &ContainerTypes;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_CHECKTHENINSERTCHECK_H
