//===--- DiscardedResult.h - matchers for values that are dropped ---------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_DISCARDEDRESULT_H
#define ASYNCTIDY_SUPPORT_DISCARDEDRESULT_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <vector>

namespace clang::tidy::asynctidy {

/// How a discarded value was dropped.
enum class DiscardKind {
  Unused, ///< the expression is a statement of its own: `f();`
  Voided, ///< an explicit cast to void: `(void)f();`
  Ignored ///< assigned to std::ignore: `std::ignore = f();`
};

/// Matchers, one per kind of statement (a block, a branch or loop body, a
/// for increment, a label or attribute, the left of a comma), for a statement
/// that evaluates an expression matched by \p Value and drops its result,
/// looking through parentheses, temporaries and implicit conversions. Register
/// each one: MatchFinder then tries it only on statements of its kind. Binds
/// "discarded" to the expression that drops the value (the call itself, the
/// cast or the assignment) and, when that expression is a statement directly
/// inside a block (where a fix-it may replace it with another statement), binds
/// "discarded-in-block" to it as well.
std::vector<ast_matchers::internal::Matcher<Stmt>>
discardsResultOf(const ast_matchers::internal::Matcher<Expr> &Value);

/// Which kind of discard the nodes bound by discardsResultOf() describe.
DiscardKind discardKind(const ast_matchers::MatchFinder::MatchResult &Result);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_DISCARDEDRESULT_H
