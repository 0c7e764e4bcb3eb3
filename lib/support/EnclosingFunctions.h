//===--- EnclosingFunctions.h - which function holds a statement ----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H
#define ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::asynctidy {

/// The innermost function, or lambda call operator, whose body holds \p S;
/// null outside any function (a global's initializer).
///
/// It asks the parent map, which clang-tidy builds once per translation
/// unit on the first question, over the traversal scope: the user's code
/// alone once UserCodeScope has narrowed it. The answer does not depend on
/// the order in which matches arrive.
const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Context);

/// The member function whose body holds \p S directly (not inside a lambda
/// or a local class), or null.
const CXXMethodDecl *enclosingMethod(const Stmt &S, ASTContext &Context);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H
