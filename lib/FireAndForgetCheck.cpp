//===--- FireAndForgetCheck.cpp - asynctidy -------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FireAndForgetCheck.h"
#include "support/Coroutines.h"
#include "support/DiscardedResult.h"
#include "support/EnclosingFunctions.h"
#include "support/FixItUtils.h"
#include "support/HandleStores.h"
#include "support/Records.h"
#include "support/StmtWalk.h"
#include "support/ThreadEntries.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;
using matchers::matchesNameList;

/// Whether \p Async is `std::async(std::launch::deferred, ...)`, whose task
/// runs only when the future is waited for.
static bool isDeferredLaunch(const CallExpr &Async) {
  if (Async.getNumArgs() < 2)
    return false;
  const auto *Policy =
      llvm::dyn_cast<DeclRefExpr>(Async.getArg(0)->IgnoreParenImpCasts());
  const auto *Enumerator =
      Policy ? llvm::dyn_cast<EnumConstantDecl>(Policy->getDecl()) : nullptr;
  return Enumerator && Enumerator->getName() == "deferred";
}

/// Whether \p Type, or the class it points to, is a coroutine's return
/// type: it names a promise_type.
static bool isCoroutineTaskType(QualType Type) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  IdentifierInfo &Promise = Record->getASTContext().Idents.get("promise_type");
  return !Record->lookup(&Promise).empty();
}

/// Whether the object \p Call is made on comes from a coroutine: a task,
/// or what a chain of member calls made of one (`task(...).via(ex)`).
static bool isMadeOnCoroutineTask(const CXXMemberCallExpr &Call) {
  const Expr *Object = Call.getImplicitObjectArgument();
  while (Object) {
    Object = Object->IgnoreImplicit()->IgnoreParens();
    if (isCoroutineTaskType(Object->getType()))
      return true;
    const auto *Inner = llvm::dyn_cast<CXXMemberCallExpr>(Object);
    Object = Inner ? Inner->getImplicitObjectArgument() : nullptr;
  }
  return false;
}

/// Whether \p If runs its branch once: its condition tests a flag that the
/// branch itself sets (`if (!started_) { started_ = true; ... }`).
static bool setsItsOwnCondition(const IfStmt &If) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Tested;
  forEachStmtOfFunction(*If.getCond(), [&](const Stmt &S) {
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S))
      Tested.insert(Ref->getDecl());
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(&S))
      Tested.insert(Member->getMemberDecl());
    return true;
  });
  bool Sets = false;
  forEachStmtOfFunction(*If.getThen(), [&](const Stmt &S) {
    const Expr *Target = nullptr;
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(&S))
      Target = Assign->getOpcode() == BO_Assign ? Assign->getLHS() : nullptr;
    if (const auto *Call = llvm::dyn_cast<CXXOperatorCallExpr>(&S))
      Target = Call->getOperator() == OO_Equal ? Call->getArg(0) : nullptr;
    if (Target)
      Sets |= refersTo(*Target,
                       [&](const ValueDecl &D) { return Tested.contains(&D); });
    return !Sets;
  });
  return Sets;
}

/// The function a co_spawn call starts: `echo(std::move(socket))`, or the
/// one a lambda returns (`[self] { return self->run(); }`), or the lambda.
static const FunctionDecl *spawnedFunction(const CallExpr &Spawn) {
  for (const Expr *Arg : Spawn.arguments()) {
    const Expr *E = Arg->IgnoreUnlessSpelledInSource();
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E)) {
      const CompoundStmt *Body = Lambda->getCompoundStmtBody();
      const auto *Return = Body && Body->size() == 1
                               ? llvm::dyn_cast<ReturnStmt>(Body->body_front())
                               : nullptr;
      if (!Return || !Return->getRetValue()) {
        if (isCoroutine(*Lambda->getCallOperator()))
          return Lambda->getCallOperator();
        continue;
      }
      E = Return->getRetValue()->IgnoreUnlessSpelledInSource();
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Callee && Callee->getDefinition() &&
        isCoroutine(*Callee->getDefinition()))
      return Callee->getDefinition();
  }
  return nullptr;
}

/// Whether the whole body of \p Function is a try block with a handler
/// for every exception (`...` or std::exception): what it throws never
/// reaches the completion handler.
static bool catchesEverything(const FunctionDecl &Function) {
  const Stmt *Body = Function.getBody();
  if (const auto *Coroutine = llvm::dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(Body);
  const auto *Try = Block && Block->size() == 1
                        ? llvm::dyn_cast<CXXTryStmt>(Block->body_front())
                        : nullptr;
  if (!Try)
    return false;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    QualType Caught = Try->getHandler(I)->getCaughtType();
    if (Caught.isNull())
      return true;
    const auto *Record = Caught.getNonReferenceType()->getAsCXXRecordDecl();
    if (Record && Record->isInStdNamespace() &&
        Record->getName() == "exception")
      return true;
  }
  return false;
}

/// Whether \p Start runs once for the life of the process: in the body of
/// main or in a branch that sets its own condition (not in a lambda written
/// there, a handler that may run per request), or anywhere in what
/// std::call_once or a static variable's initializer runs. Such a thread is
/// a daemon, not a task whose handle was lost.
static bool isStartedOnce(const Expr &Start, ASTContext &Context) {
  bool InLambda = false, Once = false;
  forEachAncestor(Start, Context,
                  [&](const DynTypedNode &Parent, const DynTypedNode &Child) {
                    if (Parent.get<LambdaExpr>()) {
                      InLambda = true;
                    } else if (const auto *Call = Parent.get<CallExpr>()) {
                      const FunctionDecl *Callee = Call->getDirectCallee();
                      Once = Callee && Callee->isInStdNamespace() &&
                             Callee->getName() == "call_once";
                    } else if (const auto *Var = Parent.get<VarDecl>()) {
                      Once = Var->hasGlobalStorage();
                      return false;
                    } else if (const auto *If = Parent.get<IfStmt>()) {
                      Once = !InLambda && Child.get<Stmt>() == If->getThen() &&
                             setsItsOwnCondition(*If);
                    } else if (const auto *Function =
                                   Parent.get<FunctionDecl>()) {
                      Once = !InLambda && Function->isMain();
                      return false;
                    }
                    return !Once;
                  });
  return Once;
}

FireAndForgetCheck::FireAndForgetCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ThreadTypes(readNameList("ThreadTypes", DefaultThreadTypes)),
      CoSpawnFunctions(readNameList(
          "CoSpawnFunctions", "::asio::co_spawn;::boost::asio::co_spawn")),
      DetachedTokenTypes(
          readNameList("DetachedTokenTypes",
                       "::asio::detached_t;::boost::asio::detached_t")),
      SpawnFunctions(readNameList("SpawnFunctions", "")),
      ReportFix(readFunctionName("ReportFunction", ""), readIncludeStyle()) {}

void FireAndForgetCheck::registerPPCallbacks(const SourceManager &SM,
                                             Preprocessor *PP,
                                             Preprocessor *ModuleExpanderPP) {
  ReportFix.registerPreprocessor(PP);
}

/// Matches the calls that startsIn finds something in.
class FireAndForgetCheck::StartsTask
    : public ast_matchers::internal::MatcherInterface<CallExpr> {
public:
  explicit StartsTask(const FireAndForgetCheck &Check) : Check(Check) {}
  bool matches(const CallExpr &Node,
               ast_matchers::internal::ASTMatchFinder *Finder,
               ast_matchers::internal::BoundNodesTreeBuilder *) const override {
    return !Check.startsIn(Node, Finder->getASTContext()).empty();
  }

private:
  const FireAndForgetCheck &Check;
};

void FireAndForgetCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(ast_matchers::internal::Matcher<CallExpr>(new StartsTask(*this)))
          .bind("call"),
      this);
}

const Expr *FireAndForgetCheck::detachedToken(const CallExpr &Spawn) const {
  for (const Expr *Arg : Spawn.arguments()) {
    // Default arguments, last, are not the caller's choice of token.
    if (llvm::isa<CXXDefaultArgExpr>(Arg))
      return nullptr;
    const Expr *Token = asSpelled(Arg)->IgnoreParenImpCasts();
    if (DetachedTokenTypes.matchesClassOf(Token->getType()))
      return Token;
  }
  return nullptr;
}

llvm::SmallVector<FireAndForgetCheck::Start, 1>
FireAndForgetCheck::startsIn(const CallExpr &Call, ASTContext &Context) const {
  llvm::SmallVector<Start, 1> Starts;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Starts;
  StringRef Name = Callee->getIdentifier() ? Callee->getName() : "";
  // Each but a thread's detach and co_spawn only where a statement drops
  // what the call returns.
  auto Dropped = [&] { return discardOf(Call, Context).has_value(); };
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
      Method && llvm::isa<CXXMemberCallExpr>(Call) &&
      (Name == "detach" || Name == "start")) {
    bool OfThread = ThreadTypes.matches(*Method->getParent());
    if (OfThread && Name == "detach")
      Starts.push_back(Start::Detach);
    // A coroutine task detached or started without keeping what could
    // await it.
    else if (!OfThread && Dropped())
      Starts.push_back(Start::TaskDetach);
  }
  if (CoSpawnFunctions.matches(*Callee) && detachedToken(Call))
    Starts.push_back(Start::CoSpawn);
  // std::async apart from the user's spawn functions: dropping its future
  // blocks, which deserves its own message.
  if (Name == "async" &&
      Callee->getDeclContext()->getRedeclContext()->isStdNamespace() &&
      Dropped())
    Starts.push_back(Start::Async);
  if (SpawnFunctions.matches(*Callee) &&
      !Callee->getReturnType()->isVoidType() && Dropped())
    Starts.push_back(Start::Spawn);
  return Starts;
}

StringRef FireAndForgetCheck::handleNoun(Task Kind) {
  switch (Kind) {
  case Task::Thread:
    return "thread";
  case Task::Future:
    return "future";
  case Task::Spawned:
    return "handle";
  }
  llvm_unreachable("all kinds of task are covered");
}

/// The edits that store the handle in \p Member instead of dropping it:
/// `std::async(...)` becomes `pending_.push_back(std::async(...))`,
/// `t.detach()` becomes `workers_.push_back(std::move(t))`. None where the
/// code cannot be edited safely.
static llvm::SmallVector<FixItHint, 2> storeFixes(const Expr &Site,
                                                  const Expr &Handle,
                                                  StringRef Member,
                                                  const ASTContext &Context) {
  if (!isSafeToEdit(Site, Context))
    return {};
  if (&Site == &Handle)
    return {FixItHint::CreateInsertion(Site.getBeginLoc(),
                                       (Member + ".push_back(").str()),
            FixItHint::CreateInsertion(
                Lexer::getLocForEndOfToken(Site.getEndLoc(), 0,
                                           Context.getSourceManager(),
                                           Context.getLangOpts()),
                ")")};
  const auto *Detach = llvm::cast<CXXMemberCallExpr>(&Site);
  const auto *Callee = llvm::dyn_cast<MemberExpr>(Detach->getCallee());
  if (!Callee || Callee->isArrow())
    return {};
  bool Moves = Handle.IgnoreImplicit()->isGLValue();
  return {FixItHint::CreateInsertion(
              Site.getBeginLoc(),
              (Member + ".push_back(" + (Moves ? "std::move(" : "")).str()),
          FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(Callee->getOperatorLoc(),
                                             Site.getEndLoc()),
              Moves ? "))" : ")")};
}

// Keeping the handle changes what the program does (the owner now waits
// for the task when it shuts down; a std::async call no longer blocks), so
// the fix is on a note.
void FireAndForgetCheck::noteKeepHandle(const Expr &Site, const Expr &Handle,
                                        QualType Type, Task Kind,
                                        StringRef Otherwise) {
  const CXXMethodDecl *Method = enclosingMethod(Site, *Context);
  // A thread that is a member already has its place.
  if (!Method || Method->isStatic() || Method->isConst() ||
      llvm::isa<MemberExpr>(Handle.IgnoreParenImpCasts())) {
    diag(Site.getExprLoc(), Otherwise, DiagnosticIDs::Note);
    return;
  }
  Type = Type.getUnqualifiedType();
  std::optional<HandleStore> Store =
      findHandleStore(*Method->getParent(), Type);
  if (!Store) {
    diag(Site.getExprLoc(),
         "keep the %0 in a member that %select{joins|waits for}1 it, such "
         "as 'std::vector<%2>', and %select{join|wait for}1 its elements "
         "when the object shuts down",
         DiagnosticIDs::Note)
        << handleNoun(Kind) << (Kind != Task::Thread)
        << Type.getCanonicalType().getAsString(Context->getPrintingPolicy());
    return;
  }
  StringRef Member = Store->Member->getName();
  if (!Store->Waiter && !Store->JoinsOnDestruction) {
    diag(Site.getExprLoc(),
         "'%0' keeps such handles, but no member function %select{joins|waits "
         "for}1 them: %select{a joinable std::thread destroyed there ends the "
         "program in std::terminate|kept there, nothing would wait for it "
         "either}1",
         DiagnosticIDs::Note)
        << Member << (Kind != Task::Thread);
    return;
  }
  auto Note =
      diag(Site.getExprLoc(),
           "keep the %0 in '%1', %select{which '%3' %select{joins|"
           "waits for}2|whose threads join when they are destroyed}4",
           DiagnosticIDs::Note)
      << handleNoun(Kind) << Member << (Kind != Task::Thread)
      << (Store->Waiter ? Store->Waiter->getNameAsString() : std::string())
      << !Store->Waiter;
  Note << storeFixes(Site, Handle, Member, *Context);
}

void FireAndForgetCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  for (Start Kind : startsIn(*Call, *Context))
    report(Kind, *Call, Result);
}

void FireAndForgetCheck::report(Start Kind, const CallExpr &Call,
                                const MatchFinder::MatchResult &Result) {
  switch (Kind) {
  case Start::Detach: {
    const auto &Detach = llvm::cast<CXXMemberCallExpr>(Call);
    if (isStartedOnce(Detach, *Context))
      return;
    diag(Detach.getExprLoc(), "thread is detached: nothing can wait for it to "
                              "finish or learn that it failed");
    noteKeepHandle(Detach, *Detach.getImplicitObjectArgument(),
                   Detach.getObjectType(), Task::Thread,
                   "keep the thread and join it, or hold it in a std::jthread "
                   "that joins when it is destroyed");
    return;
  }
  case Start::TaskDetach: {
    const auto &Task = llvm::cast<CXXMemberCallExpr>(Call);
    if (!isMadeOnCoroutineTask(Task))
      return;
    diag(Task.getExprLoc(),
         "coroutine task is %select{detached|started}0 and its handle "
         "dropped: nothing can await it or learn that it failed")
        << (Task.getMethodDecl()->getName() == "start");
    diag(Task.getExprLoc(),
         "keep what the task returns and await it, or hand the task to a "
         "scope that awaits it",
         DiagnosticIDs::Note);
    return;
  }
  case Start::CoSpawn: {
    const FunctionDecl *Spawned = spawnedFunction(Call);
    if (isStartedOnce(Call, *Context) ||
        (Spawned && catchesEverything(*Spawned)))
      return;
    checkDetachedToken(Call, *detachedToken(Call), Result);
    return;
  }
  case Start::Async:
    diag(Call.getBeginLoc(),
         "future returned by 'std::async' is discarded: %select{the statement "
         "blocks until the task ends, and an exception it throws is lost|the "
         "deferred task never runs}0")
        << isDeferredLaunch(Call);
    noteKeepHandle(Call, Call, Call.getType(), Task::Future,
                   "keep the future and call get() where the result is "
                   "needed");
    return;
  case Start::Spawn:
    diag(Call.getBeginLoc(),
         "task handle returned by %0 is discarded: the task can no longer be "
         "awaited, joined or cancelled, and its failure is lost")
        << Call.getDirectCallee()->getDeclName();
    noteKeepHandle(Call, Call, Call.getType(), Task::Spawned,
                   "keep the handle and await or join it, or hand it to an "
                   "owner that does");
    return;
  }
}

void FireAndForgetCheck::checkDetachedToken(
    const CallExpr &Spawn, const Expr &Token,
    const MatchFinder::MatchResult &Result) {
  // The completion handler must accept the coroutine's result, if it has one.
  std::optional<QualType> ResultType;
  for (const Expr *Arg : Spawn.arguments())
    if ((ResultType = asioAwaitableResultType(*Arg)))
      break;
  bool CanFix = ResultType && isSafeToEdit(Token, *Result.Context);
  auto HandlerWith = [&](StringRef Body) {
    std::string Parameters = (*ResultType)->isVoidType()
                                 ? "std::exception_ptr error"
                                 : "std::exception_ptr error, auto&&";
    return FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Token.getSourceRange()),
        "[](" + Parameters + ") { if (error) " + Body.str() + " }");
  };
  auto IncludeFix = [&](DiagnosticBuilder &Diag, bool OnNote) {
    if (auto Include = ReportFix.includeExceptionHeader(
            Token.getBeginLoc(), *Result.SourceManager, OnNote))
      Diag << *Include;
  };

  bool Fixed = false;
  {
    auto Warning = diag(Token.getBeginLoc(), "coroutine spawned with "
                                             "'detached': an exception it "
                                             "throws is lost");
    if (ReportFix.isConfigured() && CanFix) {
      Warning << HandlerWith(ReportFix.reportExceptionPtr("error"));
      IncludeFix(Warning, /*OnNote=*/false);
      Fixed = true;
    }
  }
  if (Fixed)
    return;
  if (ReportFix.isConfigured()) {
    diag(Token.getBeginLoc(),
         "report the exception from a completion handler instead",
         DiagnosticIDs::Note);
    return;
  }
  // Without a report function the remedy rethrows from the handler, so that
  // the exception leaves io_context::run(): a change of behaviour, hence a
  // note.
  auto Note = diag(Token.getBeginLoc(),
                   "rethrow the exception from a completion handler, or set "
                   "the option '%0' to report it",
                   DiagnosticIDs::Note)
              << optionKey("ReportFunction");
  if (CanFix) {
    Note << HandlerWith("std::rethrow_exception(error);");
    IncludeFix(Note, /*OnNote=*/true);
  }
}

} // namespace clang::tidy::asynctidy
