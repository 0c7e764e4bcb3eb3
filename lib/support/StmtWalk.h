//===--- StmtWalk.h - the statements that run as part of a function -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_STMTWALK_H
#define ASYNCTIDY_SUPPORT_STMTWALK_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::asynctidy {

/// Calls \p Visit on \p Root and every statement below it, parents first,
/// without entering other functions written inside it (lambdas, blocks,
/// local classes) or operands that are never evaluated (sizeof, noexcept):
/// their code does not run as part of this function. When
/// \p Visit returns false, the children of that statement are skipped.
void forEachStmtOfFunction(const Stmt &Root,
                           llvm::function_ref<bool(const Stmt &)> Visit);

/// Whether \p S names, as forEachStmtOfFunction walks it, a declaration for
/// which \p Wanted holds: a variable or function by name, a data member
/// through a member access.
bool refersTo(const Stmt &S,
              llvm::function_ref<bool(const ValueDecl &)> Wanted);

/// Calls \p Visit on \p Root and every statement below it, the bodies of
/// lambdas written inside it included (a callback that a member function
/// hands out is its code too), but not their captures.
void forEachStmtAndLambda(const Stmt &Root,
                          llvm::function_ref<void(const Stmt &)> Visit);

/// \p E as the user spelled it (Expr::IgnoreUnlessSpelledInSource), or null
/// when \p E is null.
const Expr *asSpelled(const Expr *E);

/// The variable or data member \p E names, looking through `this->` and
/// references (`std::mutex &m = mutex_;` names mutex_), or nullptr.
const ValueDecl *namedObject(const Expr *E);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_STMTWALK_H
