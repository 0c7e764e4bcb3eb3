//===--- StmtPath.cpp - where a statement sits in its function ------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "StmtPath.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::asynctidy {

static bool findPath(const Stmt &Target, const Stmt &Node,
                     llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (&Node == &Target)
    return true;
  for (const Stmt *Child : Node.children()) {
    if (Child && findPath(Target, *Child, Path)) {
      Path.push_back(&Node);
      return true;
    }
  }
  return false;
}

llvm::SmallVector<const Stmt *, 8> enclosingStmts(const Stmt &Target,
                                                  const Stmt &Root) {
  llvm::SmallVector<const Stmt *, 8> Path;
  if (!findPath(Target, Root, Path))
    Path.clear();
  return Path;
}

const Stmt *loopBody(const Stmt &S) {
  if (const auto *For = llvm::dyn_cast<ForStmt>(&S))
    return For->getBody();
  if (const auto *While = llvm::dyn_cast<WhileStmt>(&S))
    return While->getBody();
  if (const auto *Do = llvm::dyn_cast<DoStmt>(&S))
    return Do->getBody();
  if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(&S))
    return Range->getBody();
  return nullptr;
}

/// Whether \p Condition is absent or always true.
static bool isAlwaysTrue(const Expr *Condition, const ASTContext &Context) {
  if (!Condition)
    return true;
  if (Condition->isValueDependent() || Condition->containsErrors())
    return false;
  bool Value = false;
  return Condition->EvaluateAsBooleanCondition(Value, Context) && Value;
}

bool isEndlessLoop(const Stmt &S, const ASTContext &Context) {
  if (const auto *While = llvm::dyn_cast<WhileStmt>(&S))
    return !While->getConditionVariable() &&
           isAlwaysTrue(While->getCond(), Context);
  if (const auto *For = llvm::dyn_cast<ForStmt>(&S))
    return !For->getConditionVariable() &&
           isAlwaysTrue(For->getCond(), Context);
  if (const auto *Do = llvm::dyn_cast<DoStmt>(&S))
    return isAlwaysTrue(Do->getCond(), Context);
  return false;
}

bool isInLoopBody(const Stmt &S, llvm::ArrayRef<const Stmt *> Enclosing) {
  const Stmt *Child = &S;
  for (const Stmt *Parent : Enclosing) {
    if (loopBody(*Parent) == Child)
      return true;
    if (!llvm::isa<CompoundStmt>(Parent))
      return false;
    Child = Parent;
  }
  return false;
}

} // namespace clang::tidy::asynctidy
