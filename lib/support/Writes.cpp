//===--- Writes.cpp - what a statement writes to --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Writes.h"
#include "support/Calls.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::asynctidy {

bool isAccessorOverload(const CXXMethodDecl &Method) {
  if (Method.isConst())
    return false;
  for (const NamedDecl *Other :
       Method.getParent()->lookup(Method.getDeclName()))
    if (const auto *Overload =
            llvm::dyn_cast<CXXMethodDecl>(Other->getAsFunction()))
      if (Overload->isConst())
        return true;
  return false;
}

const Expr *accessedObject(const Expr *E) {
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(E))
    return Operator->getOperator() == OO_Subscript ? Operator->getArg(0)
                                                   : nullptr;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      if (isAccessorOverload(*Method))
        return Call->getImplicitObjectArgument();
  return nullptr;
}

/// The writes of a member call, an operator call or a member call that a
/// template leaves unresolved.
static void forEachCallWrite(
    const Stmt &S,
    llvm::function_ref<void(const Expr &Target, bool ThroughPointer)> Written) {
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const auto *Callee =
        llvm::dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    if (Method && !Method->isConst() && !isAccessorOverload(*Method))
      Written(*Member->getImplicitObjectArgument(),
              Callee && Callee->isArrow());
  } else if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&S)) {
    const auto *Method =
        llvm::dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
    if (Operator->getNumArgs() > 0 &&
        ((Method && !Method->isConst() && !isAccessorOverload(*Method)) ||
         Operator->isAssignmentOp()))
      Written(*Operator->getArg(0), false);
  } else if (const auto *Dependent =
                 llvm::dyn_cast<CXXDependentScopeMemberExpr>(&S)) {
    // `items_.push_back(x)` in a template: the method is not known yet.
    if (!Dependent->isImplicitAccess())
      Written(*Dependent->getBase(), false);
  }
}

void forEachWrite(
    const Stmt &S,
    llvm::function_ref<void(const Expr &Target, bool ThroughPointer)> Written) {
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(&S)) {
    if (Binary->isAssignmentOp())
      Written(*Binary->getLHS(), false);
  } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&S)) {
    if (Unary->isIncrementDecrementOp())
      Written(*Unary->getSubExpr(), false);
  } else {
    forEachCallWrite(S, Written);
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(&S);
  if (!Call)
    return;
  forEachArgument(*Call, [&](const Expr &Arg, QualType Param) {
    if (!canModifyArgument(Param))
      return;
    const auto *Address =
        llvm::dyn_cast<UnaryOperator>(Arg.IgnoreParenImpCasts());
    if (Address && Address->getOpcode() == UO_AddrOf)
      Written(*Address->getSubExpr(), false);
    // A pointer handed on by value: the callee may change what it points
    // to, not the pointer (`deallocate(buffer_)`). An array decays to a
    // pointer to its own elements (`memcpy(bytes_, ...)`).
    else if (!Param->isPointerType() ||
             Arg.IgnoreParenImpCasts()->getType()->isArrayType())
      Written(Arg, false);
    else
      Written(Arg, true);
  });
}

} // namespace clang::tidy::asynctidy
