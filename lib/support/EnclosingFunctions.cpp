//===--- EnclosingFunctions.cpp - which function holds a statement --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/EnclosingFunctions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::asynctidy {

/// The first ancestor of \p S that \p Stops at; an empty node if none.
static DynTypedNode
firstAncestor(const Stmt &S, ASTContext &Context,
              llvm::function_ref<bool(const DynTypedNode &)> Stops) {
  DynTypedNodeList Parents = Context.getParents(S);
  while (!Parents.empty()) {
    // A lambda's body has two parents, the lambda and its call operator:
    // the lambda is the one written in the code.
    for (const DynTypedNode &Parent : Parents)
      if (Parent.get<LambdaExpr>())
        return Stops(Parent) ? Parent : DynTypedNode();
    if (Stops(Parents[0]))
      return Parents[0];
    Parents = Context.getParents(Parents[0]);
  }
  return {};
}

static const FunctionDecl *functionOf(const DynTypedNode &Node) {
  if (const auto *Lambda = Node.get<LambdaExpr>())
    return Lambda->getCallOperator();
  return Node.get<FunctionDecl>();
}

const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Context) {
  return functionOf(firstAncestor(S, Context, [](const DynTypedNode &Node) {
    return functionOf(Node) != nullptr;
  }));
}

const CXXMethodDecl *enclosingMethod(const Stmt &S, ASTContext &Context) {
  DynTypedNode Scope = firstAncestor(S, Context, [](const DynTypedNode &Node) {
    return functionOf(Node) || Node.get<CXXRecordDecl>();
  });
  return Scope.get<LambdaExpr>()
             ? nullptr
             : llvm::dyn_cast_or_null<CXXMethodDecl>(Scope.get<FunctionDecl>());
}

} // namespace clang::tidy::asynctidy
