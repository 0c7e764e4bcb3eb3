//===--- WaitWithoutTimeoutCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "WaitWithoutTimeoutCheck.h"
#include "support/Coroutines.h"
#include "support/FixItUtils.h"
#include "support/LockScopes.h"
#include "support/Records.h"
#include "support/StmtPath.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;
using matchers::matchesNameList;

static constexpr llvm::StringLiteral DefaultConditionVariableTypes =
    "::std::condition_variable;::std::condition_variable_any;"
    "::boost::condition_variable;::boost::condition_variable_any";
static constexpr llvm::StringLiteral DefaultFutureTypes =
    "::std::future;::std::shared_future;::boost::future;"
    "::boost::shared_future";
static constexpr llvm::StringLiteral DefaultEventWaitFunctions =
    "::std::latch::wait;::std::barrier::arrive_and_wait;"
    "::std::counting_semaphore::acquire;::std::binary_semaphore::acquire;"
    "::absl::Notification::WaitForNotification;::absl::BlockingCounter::Wait;"
    "::boost::latch::wait";
static constexpr llvm::StringLiteral DefaultAllowedFunctions =
    "::main;.*TestBody;.*_[Tt]est;[Tt]est_.*";

namespace {
/// Whether \p Function asks \p Future whether it is ready before it waits:
/// `wait_for`, `wait_until` or `is_ready` on the same variable.
bool checksReadiness(const FunctionDecl &Function, const ValueDecl &Future) {
  bool Found = false;
  forEachStmtOfFunction(*Function.getBody(), [&](const Stmt &S) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S);
    if (Call && Call->getMethodDecl() &&
        Call->getMethodDecl()->getIdentifier() &&
        llvm::is_contained({StringRef("wait_for"), StringRef("wait_until"),
                            StringRef("is_ready")},
                           Call->getMethodDecl()->getName()) &&
        namedObject(Call->getImplicitObjectArgument()) == &Future)
      Found = true;
    return !Found;
  });
  return Found;
}
} // namespace

WaitWithoutTimeoutCheck::WaitWithoutTimeoutCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ConditionVariableTypes(readNameList("ConditionVariableTypes",
                                          DefaultConditionVariableTypes)),
      FutureTypes(readNameList("FutureTypes", DefaultFutureTypes)),
      EventWaitFunctions(
          readNameList("EventWaitFunctions", DefaultEventWaitFunctions)),
      AllowedFunctions(
          readNameList("AllowedFunctions", DefaultAllowedFunctions)),
      CheckPredicateWaits(readBool("CheckPredicateWaits", false)),
      DefaultTimeout(Options.get("DefaultTimeout", "std::chrono::seconds(30)")
                         .trim()
                         .str()),
      Inserter(readIncludeStyle()) {
  // The value is pasted into code: one expression, nothing more.
  if (DefaultTimeout.empty() ||
      StringRef(DefaultTimeout).find_first_of(";{}") != StringRef::npos) {
    configurationDiag("option '%0' must be a duration expression, such as "
                      "'std::chrono::seconds(30)', not '%1'; no fix-it will "
                      "be offered",
                      DiagnosticIDs::Error)
        << optionKey("DefaultTimeout") << DefaultTimeout;
    DefaultTimeout.clear();
  }
}

void WaitWithoutTimeoutCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AsyncTidyCheck::storeOptions(Opts);
  Options.store(Opts, "DefaultTimeout", DefaultTimeout);
}

void WaitWithoutTimeoutCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  Inserter.registerPreprocessor(PP);
}

void WaitWithoutTimeoutCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Functions.registerMatchers(*Finder, *this);
  auto InUserCode = unless(isExpansionInSystemHeader());
  auto ConditionWait = cxxMemberCallExpr(
      InUserCode,
      callee(cxxMethodDecl(hasName("wait"),
                           ofClass(matchesNameList(&ConditionVariableTypes)))));
  Finder->addMatcher(ConditionWait.bind("condition"), this);
  Finder->addMatcher(
      // The object's class: libstdc++ declares wait() in a base class.
      cxxMemberCallExpr(
          InUserCode, callee(cxxMethodDecl(hasAnyName("wait", "get"))),
          thisPointerType(namedDecl(matchesNameList(&FutureTypes))))
          .bind("future"),
      this);
  Finder->addMatcher(
      callExpr(InUserCode,
               callee(functionDecl(matchesNameList(&EventWaitFunctions))))
          .bind("event"),
      this);
}

namespace {
/// Whether \p S is an `if` that leaves the loop or the function.
bool isConditionalExit(const Stmt &S) {
  const auto *If = llvm::dyn_cast<IfStmt>(&S);
  if (!If)
    return false;
  bool Exits = false;
  forEachStmtOfFunction(*If->getThen(), [&](const Stmt &Node) {
    Exits |= llvm::isa<ReturnStmt, BreakStmt>(Node);
    return !Exits &&
           !llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(
               Node);
  });
  return Exits;
}
} // namespace

/// Whether the innermost loop around \p Wait tests a condition on every
/// wake-up: `while (!ready) cv.wait(lock);`, or an endless loop whose body
/// leaves, before the wait, when the state it waits for has come
/// (`for (;;) { if (stopping) return; ...; cv.wait(lock); }`). Either is the
/// predicate form written out: no wake-up is lost.
bool WaitWithoutTimeoutCheck::testsBeforeWaiting(const CallExpr &Wait,
                                                 const Stmt &Body,
                                                 const ASTContext &Context) {
  auto Enclosing = enclosingStmts(Wait, Body);
  const Stmt *Child = &Wait;
  for (const Stmt *Parent : Enclosing) {
    if (llvm::isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(Parent)) {
      if (!isEndlessLoop(*Parent, Context))
        return llvm::isa<WhileStmt, DoStmt>(Parent);
      const auto *Block = llvm::dyn_cast<CompoundStmt>(Child);
      if (!Block)
        return false;
      for (const Stmt *S : Block->body()) {
        if (std::find(Enclosing.begin(), Enclosing.end(), S) !=
                Enclosing.end() ||
            S == &Wait)
          return false;
        if (isConditionalExit(*S))
          return true;
      }
      return false;
    }
    Child = Parent;
  }
  return false;
}

/// Whether \p Function is the implementation of a wait: a member function
/// named wait, get or join that waits on a data member of its own object
/// (`void Event::wait() { cv_.wait(lock, ...); }`, `T Future::get()`). Its
/// callers' waits are judged, not the one inside it.
bool WaitWithoutTimeoutCheck::implementsAWait(const FunctionDecl &Function,
                                              const CallExpr &Wait) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Function);
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Wait);
  if (!Method || !Method->getIdentifier() || !Call ||
      !llvm::is_contained({"wait", "get", "join"}, Method->getName().lower()))
    return false;
  const ValueDecl *Object = namedObject(Call->getImplicitObjectArgument());
  return Object && llvm::isa<FieldDecl>(Object);
}

void WaitWithoutTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  if (Functions.record(Result))
    return;
  const auto *Condition =
      Result.Nodes.getNodeAs<CXXMemberCallExpr>("condition");
  const auto *Future = Result.Nodes.getNodeAs<CXXMemberCallExpr>("future");
  const auto *Event = Result.Nodes.getNodeAs<CallExpr>("event");
  const CallExpr *Wait = Condition ? Condition : Future ? Future : Event;
  const FunctionDecl *Function =
      Functions.enclosing(*Wait, *Result.SourceManager);
  // Waits in main and in tests, and in coroutines (where
  // async-blocking-call-in-coroutine reports any blocking wait).
  if (!Function || AllowedFunctions.matches(*Function) ||
      isCoroutine(*Function) || implementsAWait(*Function, *Wait))
    return;

  if (Condition) {
    bool HasPredicate =
        Condition->getNumArgs() > 1 ||
        (Function->hasBody() &&
         testsBeforeWaiting(*Condition, *Function->getBody(), *Result.Context));
    if (HasPredicate && !CheckPredicateWaits)
      return;
    diag(Condition->getExprLoc(),
         "%select{wait without a predicate or a timeout: a notification sent "
         "before it is lost, and the thread can sleep forever|wait without a "
         "timeout: if the condition never comes true, the thread sleeps "
         "forever}0")
        << HasPredicate;
    diag(Condition->getExprLoc(),
         "%select{wait with a timeout, in a loop that tests the condition|"
         "wait with a timeout, and handle the timeout}0",
         DiagnosticIDs::Note)
        << HasPredicate << waitFor(*Condition, *Result.Context);
    return;
  }
  if (Future) {
    const ValueDecl *Object = namedObject(Future->getImplicitObjectArgument());
    if (Object && Function->hasBody() && checksReadiness(*Function, *Object))
      return;
    bool IsGet = Future->getMethodDecl()->getName() == "get";
    diag(Future->getExprLoc(),
         "'%0' on a future that is not known to be ready: if the result never "
         "comes, the thread blocks forever")
        << Future->getMethodDecl()->getName();
    auto Note = diag(Future->getExprLoc(),
                     "%select{wait with a timeout first (wait_for), and handle "
                     "the timeout|wait with a timeout, and handle the "
                     "timeout}0",
                     DiagnosticIDs::Note)
                << !IsGet;
    if (!IsGet)
      Note << waitFor(*Future, *Result.Context);
    return;
  }
  diag(Event->getBeginLoc(),
       "'%0' waits without a timeout: if the event never comes, the thread "
       "blocks forever")
      << Event->getDirectCallee()->getQualifiedNameAsString();
}

std::vector<FixItHint>
WaitWithoutTimeoutCheck::waitFor(const CXXMemberCallExpr &Call,
                                 ASTContext &Context) {
  const auto *Member =
      llvm::dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (DefaultTimeout.empty() || !Member || !isSafeToEdit(Call, Context) ||
      Call.getRParenLoc().isMacroID())
    return {};
  const CXXRecordDecl *Record = Call.getMethodDecl()->getParent();
  if (!declaresMember(*Record, "wait_for"))
    return {};
  std::vector<FixItHint> Fixes{FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Member->getMemberLoc()), "wait_for")};
  // The timeout goes after the lock (condition variables) or alone
  // (futures), before any predicate.
  if (Call.getNumArgs() == 0)
    Fixes.push_back(
        FixItHint::CreateInsertion(Call.getRParenLoc(), DefaultTimeout));
  else
    Fixes.push_back(FixItHint::CreateInsertion(
        Lexer::getLocForEndOfToken(Call.getArg(0)->getEndLoc(), 0,
                                   Context.getSourceManager(),
                                   Context.getLangOpts()),
        ", " + DefaultTimeout));
  if (StringRef(DefaultTimeout).starts_with("std::chrono::") &&
      !isDeclaredInStd(Context, "chrono"))
    if (auto Include =
            Inserter.include(Call.getBeginLoc(), Context.getSourceManager(),
                             "<chrono>", /*OnNote=*/true))
      Fixes.push_back(*Include);
  return Fixes;
}

} // namespace clang::tidy::asynctidy
