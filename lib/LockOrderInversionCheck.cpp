//===--- LockOrderInversionCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "LockOrderInversionCheck.h"
#include "facts/Graph.h"
#include "support/Facts.h"
#include "support/FixItUtils.h"
#include "support/Records.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

static constexpr llvm::StringLiteral DefaultRecursiveMutexTypes =
    "::std::recursive_mutex;::std::recursive_timed_mutex;"
    "::boost::recursive_mutex;::boost::recursive_timed_mutex";

namespace {
/// The expression naming the mutex a lock takes: the guard's constructor
/// argument (also when a deferred guard is locked later), or the object of
/// `m.lock()`.
const Expr *mutexExpression(const HeldLock &Lock, const ValueDecl &Mutex) {
  const Expr *Found = nullptr;
  const Stmt *Naming = Lock.Acquire;
  if (Lock.Guard && Lock.Guard->getInit())
    Naming = Lock.Guard->getInit();
  forEachStmtOfFunction(*Naming, [&](const Stmt &S) {
    if (Found)
      return false;
    const auto *E = llvm::dyn_cast<Expr>(&S);
    if (E && llvm::isa<DeclRefExpr, MemberExpr>(E->IgnoreParenImpCasts()) &&
        namedObject(E) == &Mutex) {
      Found = E->IgnoreParenImpCasts();
      return false;
    }
    return true;
  });
  return Found;
}

/// Whether the mutex is the same object wherever the code names it: a
/// variable, or a member reached through `this`.
bool isSameObjectEachTime(const HeldLock &Lock, const ValueDecl &Mutex) {
  if (llvm::isa<VarDecl>(Mutex))
    return true;
  const auto *Member =
      llvm::dyn_cast_or_null<MemberExpr>(mutexExpression(Lock, Mutex));
  return Member &&
         llvm::isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
}

/// A guard constructed with std::adopt_lock takes over a lock the code
/// already holds: it acquires nothing.
bool adopts(const HeldLock &Lock) {
  if (!Lock.Guard || !Lock.Guard->hasInit())
    return false;
  bool Found = false;
  forEachStmtOfFunction(*Lock.Guard->getInit(), [&](const Stmt &S) {
    const auto *E = llvm::dyn_cast<Expr>(&S);
    Found |= E && isLockTag(E->getType(), "adopt_lock_t");
    return !Found;
  });
  return Found;
}

bool isShared(const HeldLock &Lock) {
  if (Lock.Guard) {
    const CXXRecordDecl *Guard = recordOf(Lock.Guard->getType());
    return Guard && (Guard->getName() == "shared_lock" ||
                     Guard->getName() == "ReaderMutexLock");
  }
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Lock.Acquire);
  if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(Lock.Acquire))
    Call = llvm::dyn_cast<CXXMemberCallExpr>(Cleanups->getSubExpr());
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  return Method && Method->getIdentifier() &&
         (Method->getName() == "lock_shared" ||
          Method->getName() == "ReaderLock");
}

/// Whether \p Call is a member call on `this` (written or implied).
bool isCallOnThis(const CallExpr &Call) {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  return Member &&
         llvm::isa<CXXThisExpr>(
             Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
}

} // namespace

LockOrderInversionCheck::LockOrderInversionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      GuardTypes(readNameList("GuardTypes", DefaultGuardTypes)),
      MutexTypes(readNameList("MutexTypes", DefaultMutexTypes)),
      RecursiveMutexTypes(
          readNameList("RecursiveMutexTypes", DefaultRecursiveMutexTypes)),
      FactsDirectory(readFactsDirectory()) {}

void LockOrderInversionCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void LockOrderInversionCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    summarise(*Lambda->getCallOperator());
  else if (const auto *Function =
               Result.Nodes.getNodeAs<FunctionDecl>("function"))
    summarise(*Function);
}

const HeldLock *LockOrderInversionCheck::intern(const HeldLock &Lock) {
  auto [It, Inserted] = Interned.try_emplace(Lock.Acquire, nullptr);
  if (Inserted) {
    LockStorage.push_back(Lock);
    It->second = &LockStorage.back();
  }
  return It->second;
}

void LockOrderInversionCheck::summarise(const FunctionDecl &Function) {
  if (!Function.hasBody() || Functions.count(Function.getCanonicalDecl()))
    return;
  FunctionLocks &Summary = Functions[Function.getCanonicalDecl()];
  auto AcquisitionsOf = [&](const HeldLock &Lock) {
    std::vector<Acquisition> Result;
    const HeldLock *Stored = intern(Lock);
    for (const ValueDecl *Mutex : Lock.Mutexes)
      Result.push_back(
          {Mutex, Stored, isSameObjectEachTime(Lock, *Mutex), isShared(Lock)});
    return Result;
  };
  LockTypes Types{GuardTypes, MutexTypes};
  forEachLockTaken(
      *Function.getBody(), Types,
      [&](const HeldLock &Taken, llvm::ArrayRef<const HeldLock *> Held) {
        // Adopting a lock takes nothing; trying one never waits.
        if (adopts(Taken) || Taken.Tried)
          return;
        std::vector<Acquisition> Now = AcquisitionsOf(Taken);
        Summary.Taken.insert(Summary.Taken.end(), Now.begin(), Now.end());
        for (const HeldLock *Outer : Held)
          for (const Acquisition &Before : AcquisitionsOf(*Outer))
            for (const Acquisition &After : Now)
              addEdge({Before, After, Taken.Acquire, nullptr});
      });
  forEachStmtWithLocksHeld(
      *Function.getBody(), Types,
      [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> Held) {
        const auto *Call = llvm::dyn_cast<CallExpr>(&S);
        if (!Call || !Call->getDirectCallee())
          return;
        std::vector<Acquisition> HeldNow;
        for (const HeldLock *Lock : Held) {
          std::vector<Acquisition> Some = AcquisitionsOf(*Lock);
          HeldNow.insert(HeldNow.end(), Some.begin(), Some.end());
        }
        Summary.Calls.push_back({Call, std::move(HeldNow)});
      });
}

void LockOrderInversionCheck::addEdge(const Edge &E) {
  if (E.Held.Mutex == E.Acquired.Mutex)
    SelfEdges.insert({E.Where, E});
  else
    Edges.insert({{E.Held.Mutex, E.Acquired.Mutex}, E});
}

const std::vector<LockOrderInversionCheck::Acquisition> &
LockOrderInversionCheck::acquiredThrough(const FunctionDecl *Function) {
  // What a function takes, itself or in the functions it calls. A
  // recursive call sees what is known so far.
  Function = Function->getCanonicalDecl();
  auto [It, Inserted] = Transitive.try_emplace(Function);
  if (!Inserted)
    return It->second;
  auto Summary = Functions.find(Function);
  if (Summary == Functions.end())
    return It->second;
  std::vector<Acquisition> All = Summary->second.Taken;
  llvm::DenseSet<const ValueDecl *> Seen;
  for (const Acquisition &A : All)
    Seen.insert(A.Mutex);
  for (const auto &[Call, Held] : Summary->second.Calls)
    for (const Acquisition &A : acquiredThrough(Call->getDirectCallee()))
      if (Seen.insert(A.Mutex).second)
        All.push_back(A);
  Transitive[Function] = std::move(All);
  return Transitive[Function];
}

void LockOrderInversionCheck::onEndOfTranslationUnit() {
  // Acquisitions inside functions called with a lock held.
  for (auto &[Function, Summary] : Functions)
    for (const auto &[Call, Held] : Summary.Calls) {
      if (Held.empty())
        continue;
      std::vector<Acquisition> Inside =
          acquiredThrough(Call->getDirectCallee());
      for (const Acquisition &Before : Held)
        for (const Acquisition &After : Inside) {
          Acquisition Reached = After;
          // A member reached through `this` in the callee is the caller's
          // only if the call is on `this` too.
          if (Reached.SameObjectEachTime && llvm::isa<FieldDecl>(Reached.Mutex))
            Reached.SameObjectEachTime = isCallOnThis(*Call);
          addEdge({Before, Reached, Call, Call->getDirectCallee()});
        }
    }
  for (const auto &[Where, E] : SelfEdges)
    reportSelfDeadlock(E);
  reportCycles();
  if (!FactsDirectory.empty() && Context)
    recordFacts();
  Functions.clear();
  Transitive.clear();
  Edges.clear();
  SelfEdges.clear();
  Interned.clear();
  LockStorage.clear();
}

void LockOrderInversionCheck::recordFacts() {
  // What the merge needs to find the cycles and self-deadlocks that only the
  // whole program has: what each function takes and calls, with the locks
  // held, and what this unit judged (and reported) itself.
  const SourceManager &SM = Context->getSourceManager();
  llvm::json::Array FunctionFacts, EdgeFacts, SelfEdgeFacts;
  for (const auto &[Function, Summary] : Functions)
    FunctionFacts.push_back(functionFacts(*Function, Summary));
  for (const auto &[Pair, E] : Edges) {
    llvm::json::Object Edge{
        {"held", factsKey(*Pair.first, SM)},
        {"held_name", factsName(*Pair.first)},
        {"acquired", factsKey(*Pair.second, SM)},
        {"acquired_name", factsName(*Pair.second)},
        {"at", factsPlace(E.Where->getBeginLoc())},
        {"held_at", factsPlace(E.Held.Lock->Acquire->getBeginLoc())}};
    if (E.Through)
      Edge["through"] = factsName(*E.Through);
    EdgeFacts.push_back(std::move(Edge));
  }
  for (const auto &[Where, E] : SelfEdges)
    SelfEdgeFacts.push_back(
        llvm::json::Object{{"mutex", factsKey(*E.Acquired.Mutex, SM)},
                           {"at", factsPlace(Where->getBeginLoc())}});
  writeUnitFacts(FactsDirectory, SM,
                 llvm::json::Object{{"functions", std::move(FunctionFacts)},
                                    {"edges", std::move(EdgeFacts)},
                                    {"self_edges", std::move(SelfEdgeFacts)}});
}

llvm::json::Object
LockOrderInversionCheck::acquisitionFacts(const Acquisition &A) {
  const SourceManager &SM = Context->getSourceManager();
  return llvm::json::Object{{"mutex", factsKey(*A.Mutex, SM)},
                            {"name", factsName(*A.Mutex)},
                            {"at", factsPlace(A.Lock->Acquire->getBeginLoc())},
                            {"member", llvm::isa<FieldDecl>(A.Mutex)},
                            {"same_object", A.SameObjectEachTime},
                            {"shared", A.Shared},
                            {"recursive", isRecursive(*A.Mutex)}};
}

llvm::json::Object
LockOrderInversionCheck::functionFacts(const FunctionDecl &Function,
                                       const FunctionLocks &Summary) {
  const SourceManager &SM = Context->getSourceManager();
  llvm::json::Array Taken, Calls;
  for (const Acquisition &A : Summary.Taken)
    Taken.push_back(acquisitionFacts(A));
  for (const auto &[Call, Held] : Summary.Calls) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (SM.isInSystemHeader(SM.getFileLoc(Callee->getLocation())))
      continue;
    llvm::json::Array HeldFacts;
    for (const Acquisition &A : Held)
      HeldFacts.push_back(acquisitionFacts(A));
    Calls.push_back(llvm::json::Object{{"callee", factsKey(*Callee, SM)},
                                       {"name", factsName(*Callee)},
                                       {"at", factsPlace(Call->getBeginLoc())},
                                       {"on_this", isCallOnThis(*Call)},
                                       {"held", std::move(HeldFacts)}});
  }
  return llvm::json::Object{{"function", factsKey(Function, SM)},
                            {"name", factsName(Function)},
                            {"taken", std::move(Taken)},
                            {"calls", std::move(Calls)}};
}

bool LockOrderInversionCheck::isRecursive(const ValueDecl &Mutex) const {
  const CXXRecordDecl *Type = recordOf(Mutex.getType());
  return Type && RecursiveMutexTypes.matches(*Type);
}

void LockOrderInversionCheck::reportSelfDeadlock(const Edge &E) {
  if (isRecursive(*E.Acquired.Mutex) || !E.Held.SameObjectEachTime ||
      !E.Acquired.SameObjectEachTime || (E.Held.Shared && E.Acquired.Shared))
    return;
  diag(E.Where->getBeginLoc(),
       "mutex %0 is acquired %select{|in %2, called here, }1while it is "
       "already held: a non-recursive mutex deadlocks on itself")
      << E.Acquired.Mutex << (E.Through != nullptr) << E.Through;
  diag(E.Held.Lock->Acquire->getBeginLoc(), "%0 is first acquired here",
       DiagnosticIDs::Note)
      << E.Held.Mutex;
}

void LockOrderInversionCheck::reportCycles() {
  ::asynctidy::facts::Successors<const ValueDecl *> Successors;
  for (const auto &[Pair, E] : Edges)
    if (Pair.first != Pair.second)
      Successors[Pair.first].push_back(Pair.second);
  ::asynctidy::facts::Components<const ValueDecl *> SCC(Successors);
  llvm::DenseSet<unsigned> Reported;
  for (const auto &[Pair, E] : Edges) {
    auto [From, To] = Pair;
    unsigned Component = SCC.of(From);
    if (From == To || Component == 0 || Component != SCC.of(To) ||
        Reported.count(Component))
      continue;
    // The way back from To to From, within the component.
    auto Path = ::asynctidy::facts::pathWithin(Successors, SCC, To, From);
    if (Path.empty())
      continue;
    Reported.insert(Component);
    std::vector<const Edge *> Back;
    for (auto It = Path.rbegin(); It != Path.rend(); ++It)
      Back.push_back(&Edges.find(*It)->second);
    // Warn where the fix can merge two guards, if one of the edges allows.
    const Edge *Warned = &E;
    std::vector<FixItHint> Fixes = mergeGuards(E);
    if (Fixes.empty() && Back.size() == 1) {
      std::vector<FixItHint> Other = mergeGuards(*Back.front());
      if (!Other.empty()) {
        Warned = Back.front();
        Back = {&E};
        Fixes = std::move(Other);
      }
    }
    diag(Warned->Where->getBeginLoc(),
         "mutex %0 is acquired %select{|in %2, called here, }1while %3 is "
         "held, and elsewhere in the opposite order: the two can deadlock")
        << Warned->Acquired.Mutex << (Warned->Through != nullptr)
        << Warned->Through << Warned->Held.Mutex << Fixes;
    diag(Warned->Held.Lock->Acquire->getBeginLoc(), "%0 is acquired here",
         DiagnosticIDs::Note)
        << Warned->Held.Mutex;
    for (const Edge *Other : Back)
      diag(Other->Where->getBeginLoc(),
           "%0 is acquired %select{|in %2, called here, }1while %3 is held",
           DiagnosticIDs::Note)
          << Other->Acquired.Mutex << (Other->Through != nullptr)
          << Other->Through << Other->Held.Mutex;
  }
}

std::vector<FixItHint> LockOrderInversionCheck::mergeGuards(const Edge &E) {
  // Two guards declared one after the other, each over one mutex, neither
  // used afterwards: `std::scoped_lock` takes both without a deadlock.
  const HeldLock &First = *E.Held.Lock, &Second = *E.Acquired.Lock;
  if (E.Through || !Context->getLangOpts().CPlusPlus17 || !First.Guard ||
      !Second.Guard || First.Block != Second.Block || !First.Block ||
      First.Mutexes.size() != 1 || Second.Mutexes.size() != 1 ||
      First.First >= First.Block->size() ||
      First.Block->body_begin()[First.First] != Second.Acquire)
    return {};
  llvm::ArrayRef<Stmt *> After(First.Block->body_begin() + Second.First,
                               First.Block->body_end());
  for (const Stmt *S : After)
    if (refersTo(*S, [&](const ValueDecl &D) {
          return &D == First.Guard || &D == Second.Guard;
        }))
      return {};
  const Expr *A = mutexExpression(First, *E.Held.Mutex);
  const Expr *B = mutexExpression(Second, *E.Acquired.Mutex);
  std::optional<std::string> TextA =
      A ? sourceText(*A, *Context) : std::nullopt;
  std::optional<std::string> TextB =
      B ? sourceText(*B, *Context) : std::nullopt;
  SourceLocation End = endOfStatement(*Second.Acquire, *Context);
  if (!TextA || !TextB || End.isInvalid() ||
      !isSafeToEdit(*First.Acquire, *Context) ||
      !isSafeToEdit(*Second.Acquire, *Context))
    return {};
  return {FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(First.Acquire->getBeginLoc(), End),
      "std::scoped_lock " + First.Guard->getName().str() + "(" + *TextA + ", " +
          *TextB + ");")};
}

} // namespace clang::tidy::asynctidy
