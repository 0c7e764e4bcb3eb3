//===--- EnclosingFunctions.cpp - which function holds a statement --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/EnclosingFunctions.h"
#include "support/Parents.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::asynctidy {

void forEachAncestor(const Stmt &S, ASTContext &Context,
                     llvm::function_ref<bool(const DynTypedNode &Parent,
                                             const DynTypedNode &Child)>
                         Visit) {
  DynTypedNode Child = DynTypedNode::create(S);
  for (DynTypedNode Parent = parentOf(Child, Context);
       !Parent.getNodeKind().isNone(); Parent = parentOf(Child, Context)) {
    if (!Visit(Parent, Child))
      return;
    Child = Parent;
  }
}

/// The first ancestor of \p S that \p Stops at; an empty node if none.
static DynTypedNode
firstAncestor(const Stmt &S, ASTContext &Context,
              llvm::function_ref<bool(const DynTypedNode &)> Stops) {
  DynTypedNode Found;
  forEachAncestor(S, Context,
                  [&](const DynTypedNode &Parent, const DynTypedNode &) {
                    if (!Stops(Parent))
                      return true;
                    Found = Parent;
                    return false;
                  });
  return Found;
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
