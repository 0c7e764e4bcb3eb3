//===--- Calls.h - questions about calls and their arguments --------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_CALLS_H
#define ASYNCTIDY_SUPPORT_CALLS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::asynctidy {

/// The member function that \p Call calls on `this` (`helper()`,
/// `this->helper()`), also when a class template leaves the call dependent
/// (a call of a bound member, not yet a member call); null otherwise.
const CXXMethodDecl *methodCalledOnThis(const CallExpr &Call);

/// Visits each argument of \p Call with the type of the parameter it
/// initialises (a null type when the callee is unknown or variadic there).
/// The object of an overloaded operator that is a member function is not
/// an argument.
void forEachArgument(
    const CallExpr &Call,
    llvm::function_ref<void(const Expr &Arg, QualType Param)> Visit);

/// Whether a parameter of type \p Param can change what its argument
/// refers to: a non-const lvalue reference or pointer.
bool canModifyArgument(QualType Param);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_CALLS_H
