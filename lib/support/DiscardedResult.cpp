//===--- DiscardedResult.cpp - values that a statement drops --------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/DiscardedResult.h"
#include "support/Parents.h"
#include "support/StmtPath.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::asynctidy {

namespace {
/// \p E without what stands between a call and the statement that holds
/// it: parentheses, full-expression cleanups, temporaries, implicit casts.
const Expr *unwrapped(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      return E;
    E = Next;
  }
}

/// The outermost expression around \p E that only wraps it, and its parent.
std::pair<const Expr *, DynTypedNode> outermostWrapper(const Expr &E,
                                                       ASTContext &Context) {
  const Expr *Top = &E;
  DynTypedNode Parent = parentOf(DynTypedNode::create(*Top), Context);
  while (const auto *Wrapper = Parent.get<Expr>()) {
    if (unwrapped(Wrapper) != &E)
      break;
    Top = Wrapper;
    Parent = parentOf(Parent, Context);
  }
  return {Top, Parent};
}

/// Whether \p Operator is `std::ignore = <Value>`.
bool assignsToIgnore(const CXXOperatorCallExpr &Operator, const Expr &Value) {
  if (Operator.getOperator() != OO_Equal || Operator.getNumArgs() != 2 ||
      unwrapped(Operator.getArg(1)) != &Value)
    return false;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(unwrapped(Operator.getArg(0)));
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->getIdentifier() && Var->getName() == "ignore" &&
         Var->isInStdNamespace();
}

/// The statement that a label (`case 1:`, `default:`, `retry:`) or an
/// attribute (`[[likely]]`) introduces.
const Stmt *labeledStatement(const Stmt &S) {
  if (const auto *Case = llvm::dyn_cast<SwitchCase>(&S))
    return Case->getSubStmt();
  if (const auto *Label = llvm::dyn_cast<LabelStmt>(&S))
    return Label->getSubStmt();
  if (const auto *Attributed = llvm::dyn_cast<AttributedStmt>(&S))
    return Attributed->getSubStmt();
  return nullptr;
}

/// Whether \p Parent evaluates its child \p Child as a statement of its own,
/// dropping its value.
bool dropsValueOf(const Stmt &Parent, const Stmt *Child) {
  if (llvm::isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = llvm::dyn_cast<IfStmt>(&Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const Stmt *Body = loopBody(Parent); Body && Child == Body)
    return true;
  if (const auto *For = llvm::dyn_cast<ForStmt>(&Parent))
    return Child == For->getInc();
  if (const auto *Comma = llvm::dyn_cast<BinaryOperator>(&Parent))
    return Comma->getOpcode() == BO_Comma && Child == Comma->getLHS();
  return Child == labeledStatement(Parent);
}
} // namespace

std::optional<Discard> discardOf(const Expr &Value, ASTContext &Context) {
  auto [Top, Parent] = outermostWrapper(Value, Context);
  DiscardKind Kind = DiscardKind::Unused;
  const auto *Cast = Parent.get<ExplicitCastExpr>();
  const auto *Assignment = Parent.get<CXXOperatorCallExpr>();
  if (Cast && Cast->getTypeAsWritten()->isVoidType()) {
    Kind = DiscardKind::Voided;
    std::tie(Top, Parent) = outermostWrapper(*Cast, Context);
  } else if (Assignment && assignsToIgnore(*Assignment, Value)) {
    Kind = DiscardKind::Ignored;
    std::tie(Top, Parent) = outermostWrapper(*Assignment, Context);
  }
  const auto *Holder = Parent.get<Stmt>();
  if (!Holder || !dropsValueOf(*Holder, Top))
    return std::nullopt;
  return Discard{Kind, Top, llvm::isa<CompoundStmt>(Holder)};
}

} // namespace clang::tidy::asynctidy
