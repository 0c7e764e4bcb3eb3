//===--- StmtWalk.cpp - the statements that run as part of a function -----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/StmtWalk.h"
#include "Compat.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::asynctidy {

void forEachStmtOfFunction(const Stmt &Root,
                           llvm::function_ref<bool(const Stmt &)> Visit) {
  if (!Visit(Root))
    return;
  // A coroutine's own body is the one statement of its CoroutineBodyStmt
  // that the user wrote; the rest is what the compiler adds around it.
  if (const auto *Coroutine = llvm::dyn_cast<CoroutineBodyStmt>(&Root)) {
    if (const Stmt *Body = Coroutine->getBody())
      forEachStmtOfFunction(*Body, Visit);
    return;
  }
  // Only the operand of a co_await or co_yield is the user's; the calls to
  // await_ready, await_suspend and await_resume are the compiler's.
  if (const auto *Suspend = llvm::dyn_cast<CoroutineSuspendExpr>(&Root)) {
    if (const Expr *Operand = compat::suspendOperand(*Suspend))
      forEachStmtOfFunction(*Operand, Visit);
    return;
  }
  // Operands that are never evaluated (sizeof, alignof, noexcept, typeid of
  // a non-polymorphic type) do not run.
  if (llvm::isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr>(Root))
    return;
  if (const auto *TypeId = llvm::dyn_cast<CXXTypeidExpr>(&Root))
    if (!TypeId->isPotentiallyEvaluated())
      return;
  if (llvm::isa<LambdaExpr, BlockExpr, DeclStmt>(Root)) {
    // A lambda's captures are evaluated here, its body runs elsewhere; a
    // declaration's initialisers run here, but a local class's do not.
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(&Root)) {
      for (const Expr *Init : Lambda->capture_inits())
        if (Init)
          forEachStmtOfFunction(*Init, Visit);
      return;
    }
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&Root)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
          if (const Expr *Init = Var->getInit())
            forEachStmtOfFunction(*Init, Visit);
    }
    return;
  }
  for (const Stmt *Child : Root.children())
    if (Child)
      forEachStmtOfFunction(*Child, Visit);
}

bool refersTo(const Stmt &S,
              llvm::function_ref<bool(const ValueDecl &)> Wanted) {
  bool Found = false;
  // Returning false only prunes the walk below a node, so a later reference
  // must not undo an earlier match.
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (Found)
      return false;
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&Node))
      Found = Wanted(*Ref->getDecl());
    else if (const auto *Member = llvm::dyn_cast<MemberExpr>(&Node))
      Found = Wanted(*Member->getMemberDecl());
    return !Found;
  });
  return Found;
}

void forEachStmtAndLambda(const Stmt &Root,
                          llvm::function_ref<void(const Stmt &)> Visit) {
  Visit(Root);
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(&Root)) {
    if (const Stmt *Body = Lambda->getBody())
      forEachStmtAndLambda(*Body, Visit);
    return;
  }
  for (const Stmt *Child : Root.children())
    if (Child)
      forEachStmtAndLambda(*Child, Visit);
}

const Expr *asSpelled(const Expr *E) {
  return E ? E->IgnoreUnlessSpelledInSource() : nullptr;
}

const ValueDecl *namedObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    // `std::mutex &m = mutex_;`: the reference names what it was bound to.
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->getType()->isReferenceType() && Var->getInit() &&
        !llvm::isa<ParmVarDecl>(Var))
      if (const ValueDecl *Bound = namedObject(Var->getInit()))
        return Bound;
    return Ref->getDecl();
  }
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

} // namespace clang::tidy::asynctidy
