//===--- SequentialAwaitInLoopCheck.cpp - asynctidy -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SequentialAwaitInLoopCheck.h"
#include "Compat.h"
#include "support/Coroutines.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "support/Writes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

// Awaits that are sequential by nature: timers and back-off, reads from a
// stream, channel or queue (each result is the next one), writes and sends
// (Asio allows one write at a time per socket), and locks.
static constexpr llvm::StringLiteral DefaultSequentialAwaitables =
    ".*([Ss]leep|[Ww]ait|[Dd]elay|[Tt]imer|[Bb]ackoff|[Rr]etry|[Rr]ead|"
    "[Rr]eceive|[Rr]ecv|[Aa]ccept|[Pp]op|[Nn]ext|[Ww]rite|[Ss]end|[Ll]ock|"
    "[Aa]cquire|[Rr]elease|[Pp]ush|[Pp]ut|[Pp]roduce|[Yy]ield|[Ss]ignal|"
    "[Pp]ost|[Dd]ispatch|[Ss]chedule|[Rr]esume)[^:]*";

namespace {
/// Whether \p S repeats: not the `do { ... } while (0)` that macros wrap
/// their statements in (an assertion's, a logging macro's).
bool isLoop(const Stmt &S) {
  if (const auto *Do = llvm::dyn_cast<DoStmt>(&S)) {
    const Expr *Condition = Do->getCond()->IgnoreParenImpCasts();
    if (const auto *Literal = llvm::dyn_cast<IntegerLiteral>(Condition))
      return Literal->getValue() != 0;
    if (const auto *Literal = llvm::dyn_cast<CXXBoolLiteralExpr>(Condition))
      return Literal->getValue();
  }
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

/// The variable or data member that an expression writing through it
/// changes: `cursor` in `cursor = ...`, `request` in `request.token = ...`
/// or `pending[i] = ...`, the member in `this->cursor_ = ...`.
const ValueDecl *writtenObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (llvm::isa<CXXThisExpr>(Base))
        return Member->getMemberDecl();
      E = Base;
    } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
    } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      return Ref->getDecl();
    } else {
      E = accessedObject(E);
    }
  }
  return nullptr;
}

/// The objects a statement writes (see forEachWrite), through a pointer
/// too: the next iteration may read what it points to.
void collectWrites(const Stmt &S,
                   llvm::SmallPtrSetImpl<const ValueDecl *> &Out) {
  forEachWrite(S, [&](const Expr &Target, bool) {
    if (const ValueDecl *Object = writtenObject(&Target))
      Out.insert(Object);
  });
}

/// Whether \p S reads one of \p Objects: a variable by name, a data member
/// through `this`.
bool refersToAny(const Stmt &S,
                 const llvm::SmallPtrSetImpl<const ValueDecl *> &Objects) {
  return refersTo(
      S, [&](const ValueDecl &Named) { return Objects.contains(&Named); });
}

/// What \p S awaits, if it is a `co_await` the code spells: also one that
/// a template leaves dependent.
const Expr *awaitedOperand(const Stmt &S) {
  if (const auto *Await = llvm::dyn_cast<CoawaitExpr>(&S))
    return Await->isImplicit() ? nullptr : compat::suspendOperand(*Await);
  if (const auto *Await = llvm::dyn_cast<DependentCoawaitExpr>(&S))
    return Await->getOperand();
  return nullptr;
}

/// The name of the function that \p Call calls where a template has not
/// resolved it yet (`client.fetch(id)` on a dependent `client`).
StringRef dependentCalleeName(const CallExpr &Call) {
  const Expr *Callee = Call.getCallee()->IgnoreParenImpCasts();
  DeclarationName Name;
  if (const auto *Member = llvm::dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    Name = Member->getMember();
  else if (const auto *Member = llvm::dyn_cast<UnresolvedMemberExpr>(Callee))
    Name = Member->getMemberName();
  else if (const auto *Lookup = llvm::dyn_cast<OverloadExpr>(Callee))
    Name = Lookup->getName();
  else if (const auto *Ref = llvm::dyn_cast<DependentScopeDeclRefExpr>(Callee))
    Name = Ref->getDeclName();
  return Name.isIdentifier() ? Name.getAsIdentifierInfo()->getName() : "";
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

} // namespace

SequentialAwaitInLoopCheck::SequentialAwaitInLoopCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      SequentialAwaitables(
          readNameList("SequentialAwaitables", DefaultSequentialAwaitables)),
      WhenAllFunction(readFunctionName("WhenAllFunction", "")) {}

void SequentialAwaitInLoopCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  registerCoroutineMatchers(*Finder, *this);
}

void SequentialAwaitInLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = matchedCoroutine(Result);
  if (!Coroutine)
    return;
  forEachStmtOfFunction(*Coroutine->getBody(), [&](const Stmt &S) {
    if (isLoop(S))
      if (const Stmt *Body = loopBody(S))
        checkLoop(S, *Body);
    return true;
  });
}

bool SequentialAwaitInLoopCheck::isIgnoredAwaitable(const Expr &Operand) const {
  // The awaited call, through temporaries, conversions and std::move.
  const Expr *Awaited = Operand.IgnoreImplicit()->IgnoreParens();
  if (const auto *Move = llvm::dyn_cast<CallExpr>(Awaited))
    if (Move->isCallToStdMove() && Move->getNumArgs() == 1)
      return true; // awaiting an existing task: nothing new starts here
  // `co_await ++it`: an asynchronous iterator advances one step at a time.
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(Awaited))
    if (Operator->getOperator() == OO_PlusPlus)
      return true;
  const auto *Call = llvm::dyn_cast<CallExpr>(Awaited);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee && Call && Call->isTypeDependent()) {
    StringRef Name = dependentCalleeName(*Call);
    return Name.empty() || SequentialAwaitables.matchesName(Name);
  }
  return !Callee || SequentialAwaitables.matches(*Callee);
}

// A loop that can stop early decides on what it awaits: leave it be. So is
// one that also awaits something sequential by nature in each iteration (a
// poll that sleeps, a send, a lock): it is paced on purpose.
SequentialAwaitInLoopCheck::Iteration
SequentialAwaitInLoopCheck::scanIteration(const Stmt &Body) const {
  Iteration It;
  // A break inside a switch leaves the switch, not the loop.
  std::function<void(const Stmt &, bool)> Scan = [&](const Stmt &Root,
                                                     bool InSwitch) {
    forEachStmtOfIteration(Root, [&](const Stmt &S) {
      if (&S != &Root && llvm::isa<SwitchStmt>(S)) {
        Scan(S, /*InSwitch=*/true);
        return false;
      }
      if (llvm::isa<ReturnStmt, CoreturnStmt, GotoStmt, CXXThrowExpr,
                    CoyieldExpr>(S) ||
          (llvm::isa<BreakStmt>(S) && !InSwitch))
        It.StopsEarly = true;
      if (const Expr *Awaited = awaitedOperand(S)) {
        It.Paced |= isIgnoredAwaitable(*Awaited);
        if (!It.Await) {
          It.Await = llvm::cast<Expr>(&S);
          It.Operand = Awaited;
        }
      }
      return true;
    });
  };
  Scan(Body, /*InSwitch=*/false);
  return It;
}

/// Whether what \p Await waits for depends on an earlier iteration: its
/// operand, or the loop's condition, uses what the iteration writes (a
/// cursor, the previous page), apart from what the awaited call itself does
/// to its object (`co_await client.fetch(id)` changes the client, but the
/// next fetch does not wait for that).
static bool dependsOnEarlierIteration(const Stmt &Loop, const Stmt &Body,
                                      const Expr &Await, const Expr &Operand) {
  llvm::SmallPtrSet<const ValueDecl *, 8> Written;
  forEachStmtOfIteration(Body, [&](const Stmt &S) {
    if (&S == &Await)
      return false;
    collectWrites(S, Written);
    return true;
  });
  if (refersToAny(Operand, Written))
    return true;
  const Stmt *Condition = loopCondition(Loop);
  return Condition && refersToAny(*Condition, Written);
}

void SequentialAwaitInLoopCheck::checkLoop(const Stmt &Loop, const Stmt &Body) {
  Iteration It = scanIteration(Body);
  if (!It.Await || It.StopsEarly || It.Paced ||
      dependsOnEarlierIteration(Loop, Body, *It.Await, *It.Operand))
    return;
  diag(It.Await->getBeginLoc(),
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
