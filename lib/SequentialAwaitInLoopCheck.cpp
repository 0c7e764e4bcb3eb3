//===--- SequentialAwaitInLoopCheck.cpp - asynctidy -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SequentialAwaitInLoopCheck.h"
#include "support/Coroutines.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

// Awaits that are sequential by nature: timers and back-off, and reads from
// a stream, channel or queue, where each result is the next one.
static constexpr llvm::StringLiteral DefaultSequentialAwaitables =
    ".*([Ss]leep|[Ww]ait|[Dd]elay|[Tt]imer|[Bb]ackoff|[Rr]etry|[Rr]ead|"
    "[Rr]eceive|[Rr]ecv|[Aa]ccept|[Pp]op|[Nn]ext)[^:]*";

namespace {
bool isLoop(const Stmt &S) {
  return llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

/// Visits the statements of a loop body that run in each iteration of this
/// loop: not those of nested loops, which are judged as loops of their own.
void forEachStmtOfIteration(const Stmt &Body,
                            llvm::function_ref<bool(const Stmt &)> Visit) {
  forEachStmtOfFunction(Body, [&](const Stmt &S) {
    if (&S != &Body && isLoop(S))
      return false;
    return Visit(S);
  });
}

const VarDecl *referencedVariable(const Expr *E) {
  if (const auto *Ref =
          llvm::dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return llvm::dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// The variables a statement writes: assigned, incremented, or the object of
/// a non-const member call.
void collectWrites(const Stmt &S, llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(&S)) {
    if (Binary->isAssignmentOp())
      if (const VarDecl *Var = referencedVariable(Binary->getLHS()))
        Out.insert(Var);
  } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&S)) {
    if (Unary->isIncrementDecrementOp())
      if (const VarDecl *Var = referencedVariable(Unary->getSubExpr()))
        Out.insert(Var);
  } else if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&S)) {
    if (Operator->isAssignmentOp() || Operator->getOperator() == OO_PlusPlus ||
        Operator->getOperator() == OO_MinusMinus)
      if (const VarDecl *Var = referencedVariable(Operator->getArg(0)))
        Out.insert(Var);
  } else if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && !Method->isConst())
      if (const VarDecl *Var =
              referencedVariable(Member->getImplicitObjectArgument()))
        Out.insert(Var);
  }
}

bool refersToAny(const Stmt &S,
                 const llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  bool Found = false;
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&Node))
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
        Found = Found || Vars.contains(Var);
    return !Found;
  });
  return Found;
}

const Stmt *loopCondition(const Stmt &Loop) {
  if (const auto *For = llvm::dyn_cast<ForStmt>(&Loop))
    return For->getCond();
  if (const auto *While = llvm::dyn_cast<WhileStmt>(&Loop))
    return While->getCond();
  if (const auto *Do = llvm::dyn_cast<DoStmt>(&Loop))
    return Do->getCond();
  return nullptr;
}

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *For = llvm::dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *While = llvm::dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = llvm::dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  return nullptr;
}
} // namespace

SequentialAwaitInLoopCheck::SequentialAwaitInLoopCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      SequentialAwaitables(
          readNameList("SequentialAwaitables", DefaultSequentialAwaitables)),
      WhenAllFunction(readFunctionName("WhenAllFunction", "")) {}

void SequentialAwaitInLoopCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(unless(isExpansionInSystemHeader()),
                                  isDefinition(), matchers::isCoroutine())
                         .bind("coroutine"),
                     this);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

void SequentialAwaitInLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine =
      Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Coroutine = Lambda->getCallOperator();
  if (!Coroutine || !isCoroutine(*Coroutine))
    return;
  forEachStmtOfFunction(*Coroutine->getBody(), [&](const Stmt &S) {
    if (isLoop(S))
      if (const Stmt *Body = loopBody(S))
        checkLoop(S, *Body);
    return true;
  });
}

bool SequentialAwaitInLoopCheck::isIgnoredAwaitable(const Expr &Operand) const {
  // The awaited call, through temporaries and conversions.
  const auto *Call =
      llvm::dyn_cast<CallExpr>(Operand.IgnoreImplicit()->IgnoreParens());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return !Callee || SequentialAwaitables.matches(*Callee);
}

void SequentialAwaitInLoopCheck::checkLoop(const Stmt &Loop, const Stmt &Body) {
  // A loop that can stop early decides on what it awaits: leave it be.
  const CoawaitExpr *Await = nullptr;
  bool StopsEarly = false;
  forEachStmtOfIteration(Body, [&](const Stmt &S) {
    if (llvm::isa<BreakStmt, ReturnStmt, CoreturnStmt, GotoStmt, CXXThrowExpr,
                  CoyieldExpr>(S))
      StopsEarly = true;
    if (const auto *Candidate = llvm::dyn_cast<CoawaitExpr>(&S))
      if (!Candidate->isImplicit() && !Await)
        Await = Candidate;
    return true;
  });
  if (!Await)
    return;
  // What the iteration writes, apart from what the awaited call itself does
  // to its object (`co_await client.fetch(id)` changes the client, but the
  // next fetch does not wait for that).
  llvm::SmallPtrSet<const VarDecl *, 8> Written;
  forEachStmtOfIteration(Body, [&](const Stmt &S) {
    if (&S == Await)
      return false;
    collectWrites(S, Written);
    return true;
  });
  if (StopsEarly || isIgnoredAwaitable(*Await->getOperand()))
    return;
  // An operand that uses what an earlier iteration wrote (a cursor, the
  // previous page) depends on it; so does a loop whose condition reads what
  // the iterations write.
  if (refersToAny(*Await->getOperand(), Written))
    return;
  if (const Stmt *Condition = loopCondition(Loop))
    if (refersToAny(*Condition, Written))
      return;

  diag(Await->getBeginLoc(),
       "each iteration waits here before the next one starts, although the "
       "awaited operations do not depend on each other");
  if (WhenAllFunction.empty())
    diag(Loop.getBeginLoc(),
         "start the operations first and await them together with a "
         "concurrent composition such as "
         "asio::experimental::make_parallel_group, "
         "folly::coro::collectAllRange or cppcoro::when_all",
         DiagnosticIDs::Note);
  else
    diag(Loop.getBeginLoc(),
         "start the operations first and await them together with '%0'",
         DiagnosticIDs::Note)
        << WhenAllFunction;
}

} // namespace clang::tidy::asynctidy
