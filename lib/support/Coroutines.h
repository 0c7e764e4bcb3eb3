//===--- Coroutines.h - facts about coroutine types -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_COROUTINES_H
#define ASYNCTIDY_SUPPORT_COROUTINES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// The `T` of an Asio `awaitable<T>` (standalone or Boost) that \p E is, or
/// that \p E returns when called without arguments, as the argument of
/// `co_spawn` is; std::nullopt when \p E is neither.
std::optional<QualType> asioAwaitableResultType(const Expr &E);

/// Whether \p Function is a coroutine: its body uses co_await, co_yield or
/// co_return.
bool isCoroutine(const FunctionDecl &Function);

/// Whether \p S is a suspension point the user wrote: a co_await or co_yield
/// (not the implicit initial and final suspensions of a coroutine).
bool isSuspensionPoint(const Stmt &S);

/// The first suspension point in \p S, in source order, not counting those
/// of functions written inside it; nullptr if there is none.
const Expr *firstSuspensionPoint(const Stmt &S);

/// Registers, with \p Check as their callback, matchers for every coroutine
/// written outside system headers: functions and methods, and lambdas (whose
/// call operators the traversal of code as written does not visit).
void registerCoroutineMatchers(ast_matchers::MatchFinder &Finder,
                               ast_matchers::MatchFinder::MatchCallback &Check);

/// The coroutine a result of registerCoroutineMatchers() is about, or
/// nullptr if it is a lambda that is not a coroutine.
const FunctionDecl *
matchedCoroutine(const ast_matchers::MatchFinder::MatchResult &Result);

namespace matchers {
/// Matches a function, lambda call operator or method that is a coroutine.
AST_MATCHER(FunctionDecl, isCoroutine) { return asynctidy::isCoroutine(Node); }
} // namespace matchers

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_COROUTINES_H
