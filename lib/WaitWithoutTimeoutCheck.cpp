//===--- WaitWithoutTimeoutCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "WaitWithoutTimeoutCheck.h"
#include "Compat.h"
#include "support/Calls.h"
#include "support/Coroutines.h"
#include "support/EnclosingFunctions.h"
#include "support/FixItUtils.h"
#include "support/LockScopes.h"
#include "support/Records.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

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
/// Whether \p S is a call of a wait of a future (`wait`, `get`) or a
/// question whether it is ready (`wait_for`, `wait_until`, `is_ready`) on
/// \p Future.
bool asksFuture(const Stmt &S, const ValueDecl &Future, bool OnlyReadiness) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      namedObject(Call->getImplicitObjectArgument()) != &Future)
    return false;
  StringRef Name = Method->getName();
  return Name == "wait_for" || Name == "wait_until" || Name == "is_ready" ||
         (!OnlyReadiness && (Name == "wait" || Name == "get"));
}

/// Whether \p S calls a member function on `this` that waits on the
/// member \p Future: `this->wait(); return this->future.get();`.
bool callsOwnWaitOn(const Stmt &S, const ValueDecl &Future) {
  const auto *Call = llvm::dyn_cast<CallExpr>(&S);
  const CXXMethodDecl *Method = Call ? methodCalledOnThis(*Call) : nullptr;
  if (!Method || !Method->hasBody() || !llvm::isa<FieldDecl>(Future))
    return false;
  bool Waits = false;
  forEachStmtOfFunction(*Method->getBody(), [&](const Stmt &Node) {
    Waits |= asksFuture(Node, Future, /*OnlyReadiness=*/false);
    return !Waits;
  });
  return Waits;
}

/// Whether \p Function knows \p Future is ready at \p Wait: it asks with a
/// timeout (`wait_for`, `wait_until`, `is_ready`) anywhere, or has already
/// waited for it (`f.wait(); return f.get();`).
bool knownReady(const FunctionDecl &Function, const CallExpr &Wait,
                const ValueDecl &Future, const SourceManager &SM) {
  bool Found = false;
  forEachStmtOfFunction(*Function.getBody(), [&](const Stmt &S) {
    bool Before = &S != &Wait && SM.isBeforeInTranslationUnit(
                                     S.getBeginLoc(), Wait.getBeginLoc());
    Found |= asksFuture(S, Future, /*OnlyReadiness=*/!Before) ||
             (Before && callsOwnWaitOn(S, Future));
    return !Found;
  });
  return Found;
}

/// Whether \p E is the result of a call that starts work and hands back
/// its future (`std::async(job)`, `pool.submit(job)`, `post_flush()`); a
/// promise's `get_future()` is not: whoever holds the promise may never
/// keep it.
bool startsWork(const Expr &E) {
  const Expr *Inner = E.IgnoreImplicit();
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Inner);
      Construct && Construct->getNumArgs() == 1)
    Inner = Construct->getArg(0)->IgnoreImplicit();
  // A call that returns a reference hands out a future that exists
  // already (`pending_.front()`).
  const auto *Call = llvm::dyn_cast<CallExpr>(Inner);
  if (!Call || Call->isGLValue() || Call->isCallToStdMove())
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return !(Callee && Callee->getIdentifier() &&
           (Callee->getName() == "get_future" || Callee->getName() == "share"));
}

bool isLocalVariable(const ValueDecl *D) {
  const auto *Var = llvm::dyn_cast_or_null<VarDecl>(D);
  return Var && Var->hasLocalStorage() && !llvm::isa<ParmVarDecl>(Var);
}

/// Whether the future \p Object is one \p Function started itself: the
/// result of a call that starts work, a local variable or structured
/// binding made from one, or an element of a local container (fork/join:
/// `for (auto &f : futures) f.get();`). The wait is then the function's
/// purpose, and whether it can hang depends on the work, judged where that
/// work is.
bool startedHere(const Expr &Object, const FunctionDecl &Function) {
  const Expr *E = Object.IgnoreParenImpCasts();
  if (startsWork(*E))
    return true;
  if (const auto *Subscript = llvm::dyn_cast<CXXOperatorCallExpr>(E);
      Subscript && Subscript->getOperator() == OO_Subscript)
    return isLocalVariable(namedObject(Subscript->getArg(0)));
  const ValueDecl *Named = namedObject(E);
  if (const auto *Binding = llvm::dyn_cast_or_null<BindingDecl>(Named)) {
    const auto *Whole =
        llvm::dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
    return isLocalVariable(Whole) && Whole->getInit() &&
           startsWork(*Whole->getInit());
  }
  if (!isLocalVariable(Named))
    return false;
  const auto *Var = llvm::cast<VarDecl>(Named);
  if (Var->getInit() && startsWork(*Var->getInit()))
    return true;
  bool OverLocal = false;
  forEachStmtOfFunction(*Function.getBody(), [&](const Stmt &S) {
    if (const auto *Loop = llvm::dyn_cast<CXXForRangeStmt>(&S);
        Loop && Loop->getLoopVariable() == Var)
      OverLocal |= isLocalVariable(namedObject(Loop->getRangeInit()));
    return !OverLocal;
  });
  return OverLocal;
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
      DefaultTimeout(
          StringRef(optionValue("DefaultTimeout", "std::chrono::seconds(30)"))
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

std::optional<WaitWithoutTimeoutCheck::WaitKind>
WaitWithoutTimeoutCheck::waitKind(const CallExpr &Call) const {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (Method && Method->getIdentifier()) {
    StringRef Name = Method->getName();
    if (Name == "wait" && ConditionVariableTypes.matches(*Method->getParent()))
      return WaitKind::Condition;
    // The object's class, through aliases (`using Reply = std::future<int>`):
    // libstdc++ declares wait() in a base class.
    if ((Name == "wait" || Name == "get") &&
        FutureTypes.matchesObjectOf(*Member))
      return WaitKind::Future;
  }
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (Callee && EventWaitFunctions.matches(*Callee))
    return WaitKind::Event;
  return std::nullopt;
}

class WaitWithoutTimeoutCheck::WaitCall
    : public ast_matchers::internal::MatcherInterface<CallExpr> {
public:
  explicit WaitCall(const WaitWithoutTimeoutCheck &Check) : Check(Check) {}
  bool matches(const CallExpr &Node, ast_matchers::internal::ASTMatchFinder *,
               ast_matchers::internal::BoundNodesTreeBuilder *) const override {
    return Check.waitKind(Node).has_value();
  }

private:
  const WaitWithoutTimeoutCheck &Check;
};

void WaitWithoutTimeoutCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(ast_matchers::internal::Matcher<CallExpr>(new WaitCall(*this)))
          .bind("wait"),
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
      !llvm::is_contained(llvm::ArrayRef<StringRef>({"wait", "get", "join"}),
                          Method->getName().lower()))
    return false;
  const ValueDecl *Object = namedObject(Call->getImplicitObjectArgument());
  return Object && llvm::isa<FieldDecl>(Object);
}

void WaitWithoutTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Wait = Result.Nodes.getNodeAs<CallExpr>("wait");
  std::optional<WaitKind> Kind = waitKind(*Wait);
  const FunctionDecl *Function = enclosingFunction(*Wait, *Result.Context);
  // Waits in main and in tests, and in coroutines (where
  // async-blocking-call-in-coroutine reports any blocking wait).
  if (!Kind || !Function || AllowedFunctions.matches(*Function) ||
      isCoroutine(*Function) || implementsAWait(*Function, *Wait))
    return;

  if (*Kind == WaitKind::Condition)
    return reportConditionWait(*llvm::cast<CXXMemberCallExpr>(Wait), *Function,
                               *Result.Context);
  if (*Kind == WaitKind::Future)
    return reportFutureWait(*llvm::cast<CXXMemberCallExpr>(Wait), *Function,
                            *Result.Context);
  diag(Wait->getBeginLoc(),
       "'%0' waits without a timeout: if the event never comes, the thread "
       "blocks forever")
      << Wait->getDirectCallee()->getQualifiedNameAsString();
}

void WaitWithoutTimeoutCheck::reportConditionWait(const CXXMemberCallExpr &Wait,
                                                  const FunctionDecl &Function,
                                                  ASTContext &Context) {
  bool HasPredicate = Wait.getNumArgs() > 1 ||
                      (Function.hasBody() &&
                       testsBeforeWaiting(Wait, *Function.getBody(), Context));
  if (HasPredicate && !CheckPredicateWaits)
    return;
  diag(Wait.getExprLoc(),
       "%select{wait without a predicate or a timeout: a notification sent "
       "before it is lost, and the thread can sleep forever|wait without a "
       "timeout: if the condition never comes true, the thread sleeps "
       "forever}0")
      << HasPredicate;
  diag(Wait.getExprLoc(),
       "%select{wait with a timeout, in a loop that tests the condition|"
       "wait with a timeout, and handle the timeout}0",
       DiagnosticIDs::Note)
      << HasPredicate << waitFor(Wait, Context);
}

void WaitWithoutTimeoutCheck::reportFutureWait(const CXXMemberCallExpr &Wait,
                                               const FunctionDecl &Function,
                                               ASTContext &Context) {
  const Expr &ObjectExpr = *Wait.getImplicitObjectArgument();
  const ValueDecl *Object = namedObject(&ObjectExpr);
  if (Function.hasBody() &&
      (startedHere(ObjectExpr, Function) ||
       (Object &&
        knownReady(Function, Wait, *Object, Context.getSourceManager()))))
    return;
  bool IsGet = Wait.getMethodDecl()->getName() == "get";
  diag(Wait.getExprLoc(),
       "'%0' on a future that is not known to be ready: if the result never "
       "comes, the thread blocks forever")
      << Wait.getMethodDecl()->getName();
  auto Note = diag(Wait.getExprLoc(),
                   "%select{wait with a timeout first (wait_for), and handle "
                   "the timeout|wait with a timeout, and handle the "
                   "timeout}0",
                   DiagnosticIDs::Note)
              << !IsGet;
  if (!IsGet)
    Note << waitFor(Wait, Context);
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
  if (compat::startsWith(DefaultTimeout, "std::chrono::") &&
      !isDeclaredInStd(Context, "chrono"))
    if (auto Include =
            Inserter.include(Call.getBeginLoc(), Context.getSourceManager(),
                             "<chrono>", /*OnNote=*/true))
      Fixes.push_back(*Include);
  return Fixes;
}

} // namespace clang::tidy::asynctidy
