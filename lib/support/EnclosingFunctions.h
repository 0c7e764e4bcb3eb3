//===--- EnclosingFunctions.h - which function holds a statement ----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H
#define ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::asynctidy {

/// Calls \p Visit with each ancestor of \p S (see parentOf), innermost
/// first, and the node the walk came from, until \p Visit returns false.
/// Implicit nodes (casts, temporaries) may stand between written ones.
void forEachAncestor(const Stmt &S, ASTContext &Context,
                     llvm::function_ref<bool(const DynTypedNode &Parent,
                                             const DynTypedNode &Child)>
                         Visit);

/// The innermost function, or lambda call operator, whose body holds \p S;
/// null outside any function (a global's initializer).
///
/// It asks the index of support/Parents.h, built once per translation unit
/// over the traversal scope: the answer does not depend on the order in
/// which matches arrive.
const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Context);

/// The member function whose body holds \p S directly (not inside a lambda
/// or a local class), or null.
const CXXMethodDecl *enclosingMethod(const Stmt &S, ASTContext &Context);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H
