//===--- DiscardedResult.h - values that a statement drops ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_DISCARDEDRESULT_H
#define ASYNCTIDY_SUPPORT_DISCARDEDRESULT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// How a discarded value was dropped.
enum class DiscardKind {
  Unused, ///< the expression is a statement of its own: `f();`
  Voided, ///< an explicit cast to void: `(void)f();`
  Ignored ///< assigned to std::ignore: `std::ignore = f();`
};

/// A value that the statement evaluating it drops.
struct Discard {
  DiscardKind Kind;
  /// The expression that stands as the statement: the value itself, the
  /// cast or the assignment, with what wraps it (parentheses, temporaries).
  const Expr *Statement;
  /// Whether Statement stands directly in a block, where a fix-it may
  /// replace it with another statement.
  bool InBlock;
};

/// How the value of \p Value is dropped, if the statement that evaluates it
/// drops it: it is a statement of its own (in a block, a branch or loop
/// body, a for increment, after a label or an attribute, or the left of a
/// comma), looking through parentheses, temporaries and implicit
/// conversions, or such a statement casts it to void or assigns it to
/// std::ignore. std::nullopt when the value is used.
///
/// It asks support/Parents.h upward from the value, so that a check matches
/// only the calls it cares about, not every statement of every block.
std::optional<Discard> discardOf(const Expr &Value, ASTContext &Context);

namespace matchers {
/// Matches an expression whose value is dropped (discardOf). Cheap: put it
/// before the tests of the callee, so that most calls stop here.
AST_MATCHER(Expr, isDiscarded) {
  return discardOf(Node, Finder->getASTContext()).has_value();
}
} // namespace matchers

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_DISCARDEDRESULT_H
