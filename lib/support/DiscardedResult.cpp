//===--- DiscardedResult.cpp - matchers for values that are dropped -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/DiscardedResult.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

namespace {
/// Skips what stands between a call and the statement that holds it:
/// parentheses, full-expression cleanups, temporaries, implicit casts.
AST_MATCHER_P(Expr, ignoringWrappers, ast_matchers::internal::Matcher<Expr>,
              Inner) {
  const Expr *E = &Node;
  while (true) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      break;
    E = Next;
  }
  return Inner.matches(*E, Finder, Builder);
}

// Not among the matchers LLVM 19 provides.
const ast_matchers::internal::VariadicDynCastAllOfMatcher<Stmt, AttributedStmt>
    attributedStatement;

/// The statement that a label (`case 1:`, `default:`, `retry:`) or an
/// attribute (`[[likely]]`) introduces.
AST_MATCHER_P(Stmt, hasLabeledStmt, ast_matchers::internal::Matcher<Stmt>,
              Inner) {
  const Stmt *Sub = nullptr;
  if (const auto *Case = llvm::dyn_cast<SwitchCase>(&Node))
    Sub = Case->getSubStmt();
  else if (const auto *Label = llvm::dyn_cast<LabelStmt>(&Node))
    Sub = Label->getSubStmt();
  else if (const auto *Attributed = llvm::dyn_cast<AttributedStmt>(&Node))
    Sub = Attributed->getSubStmt();
  return Sub && Inner.matches(*Sub, Finder, Builder);
}
} // namespace

std::vector<ast_matchers::internal::Matcher<Stmt>>
discardsResultOf(const ast_matchers::internal::Matcher<Expr> &Value) {
  auto Wrapped = ignoringWrappers(Value);
  auto Voided = explicitCastExpr(hasDestinationType(voidType()),
                                 hasSourceExpression(Wrapped))
                    .bind("voided");
  auto Ignored = cxxOperatorCallExpr(
                     hasOverloadedOperatorName("="),
                     hasArgument(0, ignoringWrappers(declRefExpr(to(
                                        varDecl(hasName("::std::ignore")))))),
                     hasArgument(1, Wrapped))
                     .bind("ignored");
  auto Dropped = expr(ignoringWrappers(expr(anyOf(Voided, Ignored, Value))))
                     .bind("discarded");
  auto InBlock = expr(Dropped).bind("discarded-in-block");
  // One matcher per kind of statement, so that MatchFinder tries each only
  // on nodes of its kind. eachOf, not anyOf: `if (c) f(); else f();` drops
  // two values.
  return {compoundStmt(forEach(InBlock)),
          ifStmt(eachOf(hasThen(Dropped), hasElse(Dropped))),
          forStmt(eachOf(hasBody(Dropped), hasIncrement(Dropped))),
          whileStmt(hasBody(Dropped)),
          doStmt(hasBody(Dropped)),
          cxxForRangeStmt(hasBody(Dropped)),
          switchCase(hasLabeledStmt(Dropped)),
          labelStmt(hasLabeledStmt(Dropped)),
          attributedStatement(hasLabeledStmt(Dropped)),
          binaryOperator(hasOperatorName(","), hasLHS(Dropped))};
}

DiscardKind discardKind(const MatchFinder::MatchResult &Result) {
  if (Result.Nodes.getNodeAs<Expr>("voided"))
    return DiscardKind::Voided;
  if (Result.Nodes.getNodeAs<Expr>("ignored"))
    return DiscardKind::Ignored;
  return DiscardKind::Unused;
}

} // namespace clang::tidy::asynctidy
