//===--- Calls.cpp - questions about calls and their arguments ------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Calls.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::asynctidy {

const CXXMethodDecl *methodCalledOnThis(const CallExpr &Call) {
  const auto *Member =
      llvm::dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Member ||
      !llvm::isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return llvm::dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
}

void forEachArgument(
    const CallExpr &Call,
    llvm::function_ref<void(const Expr &Arg, QualType Param)> Visit) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  unsigned Offset = llvm::isa<CXXOperatorCallExpr>(Call) &&
                            llvm::isa_and_nonnull<CXXMethodDecl>(Callee)
                        ? 1
                        : 0;
  for (unsigned I = Offset; I < Call.getNumArgs(); ++I) {
    QualType Param = Callee && I - Offset < Callee->getNumParams()
                         ? Callee->getParamDecl(I - Offset)->getType()
                         : QualType();
    Visit(*Call.getArg(I), Param);
  }
}

bool canModifyArgument(QualType Param) {
  return !Param.isNull() &&
         (Param->isLValueReferenceType() || Param->isPointerType()) &&
         !Param->getPointeeType().isConstQualified();
}

} // namespace clang::tidy::asynctidy
