//===--- LockScopes.cpp - which locks a block holds, and for how long -----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/LockScopes.h"
#include "Compat.h"
#include "support/Coroutines.h"
#include "support/Records.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>
#include <memory>
#include <optional>

namespace clang::tidy::asynctidy {

namespace {
/// `object.method()` as a statement of its own: the object and the method.
std::pair<const ValueDecl *, StringRef> memberCallStatement(const Stmt *S) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
  if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(S))
    Call = llvm::dyn_cast<CXXMemberCallExpr>(Cleanups->getSubExpr());
  if (!Call || !Call->getMethodDecl() ||
      !Call->getMethodDecl()->getIdentifier())
    return {nullptr, ""};
  return {namedObject(Call->getImplicitObjectArgument()),
          Call->getMethodDecl()->getName()};
}

/// `std::unique_lock lock(m, std::defer_lock)` or `std::try_to_lock`: the
/// guard does not hold the mutex for sure.
bool defersLocking(const CXXConstructExpr &Construct) {
  for (const Expr *Arg : Construct.arguments())
    if (isLockTag(Arg->getType(), "defer_lock_t") ||
        isLockTag(Arg->getType(), "try_to_lock_t"))
      return true;
  return false;
}

/// The holder of a lock: the guard variable, or the mutex locked by hand.
const ValueDecl *holderOf(const HeldLock &Lock) {
  return Lock.Guard ? Lock.Guard : Lock.Mutex;
}

/// The statements that \p S runs as branches or bodies of its own (an
/// `if`'s branches, a loop's body, a block's statements), as opposed to the
/// expressions it evaluates itself (a condition, a returned value).
llvm::SmallVector<const Stmt *, 2> branchesOf(const Stmt &S) {
  llvm::SmallVector<const Stmt *, 2> Branches;
  if (const auto *If = llvm::dyn_cast<IfStmt>(&S))
    Branches = {If->getThen(), If->getElse()};
  else if (const Stmt *Body = loopBody(S))
    Branches = {Body};
  else if (const auto *Switch = llvm::dyn_cast<SwitchStmt>(&S))
    Branches = {Switch->getBody()};
  else if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S))
    Branches.append(Block->body_begin(), Block->body_end());
  else if (const auto *Case = llvm::dyn_cast<SwitchCase>(&S))
    Branches = {Case->getSubStmt()};
  // A for loop's increment runs after its body.
  if (const auto *For = llvm::dyn_cast<ForStmt>(&S))
    Branches.push_back(For->getInc());
  Branches.erase(std::remove(Branches.begin(), Branches.end(), nullptr),
                 Branches.end());
  return Branches;
}

/// Whether \p S itself hands \p Holder on: `std::move(lock)` into an
/// awaiter, a callee or a member. A move in a branch of \p S ends the hold
/// on that path only (see movesAwayOnSomePaths).
bool movesAway(const Stmt &S, const ValueDecl &Holder) {
  bool Found = false;
  llvm::SmallPtrSet<const Stmt *, 4> Branches;
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (Branches.count(&Node))
      return false;
    for (const Stmt *Branch : branchesOf(Node))
      Branches.insert(Branch);
    if (const auto *Call = llvm::dyn_cast<CallExpr>(&Node);
        Call && Call->isCallToStdMove() && Call->getNumArgs() == 1 &&
        namedObject(Call->getArg(0)) == &Holder)
      Found = true;
    return !Found;
  });
  return Found;
}

/// Whether statement \p S ends the hold of \p Holder: unlock(), a guard's
/// release(), or the guard moved away.
bool releases(const Stmt &S, const ValueDecl *Holder) {
  if (!Holder)
    return false;
  auto [Object, Method] = memberCallStatement(&S);
  if (Object == Holder && (isUnlockMethod(Method) ||
                           (Method == "release" && llvm::isa<VarDecl>(Holder))))
    return true;
  return llvm::isa<VarDecl>(Holder) && movesAway(S, *Holder);
}

/// Whether \p S leaves the function: after it, nothing of the enclosing
/// block runs (`break` and `continue` do not count: the code after the
/// loop does run).
bool leavesFunction(const Stmt &S) {
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S))
    return !Block->body_empty() && leavesFunction(*Block->body_back());
  if (const auto *E = llvm::dyn_cast<Expr>(&S))
    return llvm::isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  return llvm::isa<ReturnStmt, CoreturnStmt>(S);
}

/// Whether a branch of \p S (of an `if`, a loop's body, a block's
/// statement) moves the guard \p Holder away, on a path that goes on after
/// \p S. A branch that moves it and returns (`if (done) return
/// stop(std::move(lock));`) leaves the hold as it was on the paths that go
/// on.
bool movesAwayOnSomePaths(const Stmt &S, const ValueDecl &Holder) {
  for (const Stmt *Branch : branchesOf(S)) {
    if (movesAway(*Branch, Holder)) {
      // In a block, what follows the move decides whether the path goes on.
      if (!leavesFunction(llvm::isa<CompoundStmt>(S) ? S : *Branch))
        return true;
      if (llvm::isa<CompoundStmt>(S))
        return false;
      continue;
    }
    if (movesAwayOnSomePaths(*Branch, Holder))
      return true;
  }
  return false;
}

/// How statement \p S of a block ends the hold of \p Holder: here, for the
/// rest of the block (unlock(), release(), a move), or on some of its
/// paths only (a move in one branch), which leaves the lock "maybe held"
/// after \p S; the model counts that as not held.
enum class Release { None, Here, OnSomePaths };
Release releaseIn(const Stmt &S, const ValueDecl *Holder) {
  if (releases(S, Holder))
    return Release::Here;
  if (Holder && llvm::isa<VarDecl>(Holder) && movesAwayOnSomePaths(S, *Holder))
    return Release::OnSomePaths;
  return Release::None;
}

/// The construction of a guard variable: `std::unique_lock lock(m);` or
/// `auto lock = std::unique_lock(m);`.
const CXXConstructExpr *guardConstruction(const VarDecl &Guard) {
  if (!Guard.hasInit())
    return nullptr;
  const Expr *Init = Guard.getInit()->IgnoreImplicit();
  if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = Cast->getSubExpr()->IgnoreImplicit();
  return llvm::dyn_cast<CXXConstructExpr>(Init);
}

/// The mutexes a guard's constructor names: `std::scoped_lock lock(a, b);`.
llvm::SmallVector<const ValueDecl *, 1> mutexesOf(const VarDecl &Guard) {
  llvm::SmallVector<const ValueDecl *, 1> Mutexes;
  if (const CXXConstructExpr *Construct = guardConstruction(Guard))
    for (const Expr *Arg : Construct->arguments()) {
      // absl::MutexLock lock(&mu_): a guard handed the mutex's address.
      if (const auto *Address =
              llvm::dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
          Address && Address->getOpcode() == UO_AddrOf)
        Arg = Address->getSubExpr();
      // Not the tags: std::adopt_lock, or Asio's enumerator adopt_lock.
      const ValueDecl *Mutex = namedObject(Arg);
      const TagDecl *Tag =
          Mutex ? Mutex->getType().getNonReferenceType()->getAsTagDecl()
                : nullptr;
      if (Mutex && !llvm::isa<EnumConstantDecl>(Mutex) &&
          !(Tag && Tag->getIdentifier() &&
            compat::endsWith(Tag->getName(), "_lock_t")))
        Mutexes.push_back(Mutex);
    }
  return Mutexes;
}

/// The guard a declaration statement constructs, if it constructs one.
const VarDecl *guardDeclaredBy(const Stmt *S, const LockTypes &Types) {
  const auto *Decls = llvm::dyn_cast<DeclStmt>(S);
  if (!Decls || !Decls->isSingleDecl())
    return nullptr;
  const auto *Var = llvm::dyn_cast<VarDecl>(Decls->getSingleDecl());
  if (!Var || !Var->hasInit())
    return nullptr;
  const CXXRecordDecl *Record = recordOf(Var->getType());
  if (!Record || Var->getType()->isReferenceType() ||
      !isGuardType(*Record, Types))
    return nullptr;
  const CXXConstructExpr *Construct = guardConstruction(*Var);
  if (!Construct || Construct->getNumArgs() == 0 || defersLocking(*Construct))
    return nullptr;
  // std::lock_guard<UnknownMutex> over a type whose lock() does nothing.
  const CXXRecordDecl *Mutex = recordOf(guardedMutexType(Var->getType()));
  if (Mutex && hasEmptyLock(*Mutex))
    return nullptr;
  return Var;
}
} // namespace

namespace {
/// The lock that \p Holder names, a guard variable or a mutex.
std::optional<HeldLock> lockOf(const ValueDecl &Holder,
                               const LockTypes &Types) {
  const CXXRecordDecl *Record = recordOf(Holder.getType());
  if (!Record)
    return std::nullopt;
  HeldLock Lock;
  if (const auto *Guard = llvm::dyn_cast<VarDecl>(&Holder);
      Guard && isGuardType(*Record, Types)) {
    Lock.Guard = Guard;
    Lock.Mutexes = mutexesOf(*Guard);
  } else if (isMutexType(*Record, Types.Mutexes)) {
    Lock.Mutex = &Holder;
    Lock.Mutexes = {&Holder};
  } else {
    return std::nullopt;
  }
  return Lock;
}

/// A condition that tried a lock: `m.try_lock()`, `lock.try_lock_for(d)`,
/// `lock.owns_lock()` or `lock` of a guard, maybe negated.
struct TriedLock {
  std::optional<HeldLock> Lock;
  bool Negated = false;
};

TriedLock triedIn(const Expr *Condition, const LockTypes &Types) {
  TriedLock Result;
  if (!Condition)
    return Result;
  Condition = Condition->IgnoreParenImpCasts();
  // `!lock || queue_.empty()` fails whenever the attempt did; `lock &&
  // ready` succeeds only when it succeeded.
  if (const auto *Logical = llvm::dyn_cast<BinaryOperator>(Condition);
      Logical && Logical->isLogicalOp()) {
    for (const Expr *Side : {Logical->getLHS(), Logical->getRHS()}) {
      TriedLock Found = triedIn(Side, Types);
      if (Found.Lock && Found.Negated == (Logical->getOpcode() == BO_LOr))
        return Found;
    }
    return Result;
  }
  while (const auto *Not = llvm::dyn_cast<UnaryOperator>(Condition)) {
    if (Not->getOpcode() != UO_LNot)
      return Result;
    Result.Negated = !Result.Negated;
    Condition = Not->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Condition);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  const ValueDecl *Object =
      Method ? namedObject(Call->getImplicitObjectArgument()) : nullptr;
  if (!Object)
    return Result;
  bool Tries = Method->getIdentifier() && isTryLockMethod(Method->getName());
  bool Asks = llvm::isa<CXXConversionDecl>(Method) ||
              (Method->getIdentifier() && Method->getName() == "owns_lock");
  if (Tries || (Asks && llvm::isa<VarDecl>(Object)))
    Result.Lock = lockOf(*Object, Types);
  if (Result.Lock)
    Result.Lock->Tried = true;
  return Result;
}

/// Whether \p S always leaves the enclosing block: a return, a throw, a
/// jump, or a block that ends in one.
bool alwaysLeaves(const Stmt *S) {
  if (const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && alwaysLeaves(Block->body_back());
  if (const auto *Cleanups = llvm::dyn_cast_or_null<ExprWithCleanups>(S))
    S = Cleanups->getSubExpr();
  return llvm::isa_and_nonnull<ReturnStmt, CXXThrowExpr, BreakStmt,
                               ContinueStmt, GotoStmt, CoreturnStmt>(S);
}

/// `std::lock(a, b)`: the mutexes it takes together.
std::optional<HeldLock> lockedTogether(const Stmt *S, const LockTypes &Types) {
  if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(S))
    S = Cleanups->getSubExpr();
  const auto *Call = llvm::dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Callee->getName() != "lock" ||
      llvm::isa<CXXMethodDecl>(Callee) || Call->getNumArgs() < 2)
    return std::nullopt;
  HeldLock Lock;
  Lock.Together = true;
  for (const Expr *Arg : Call->arguments()) {
    const ValueDecl *Mutex = namedObject(Arg);
    const CXXRecordDecl *Record = Mutex ? recordOf(Mutex->getType()) : nullptr;
    if (!Record || !isMutexType(*Record, Types.Mutexes))
      return std::nullopt;
    Lock.Mutexes.push_back(Mutex);
  }
  Lock.Mutex = Lock.Mutexes.front();
  return Lock;
}

/// The lock that statement \p S of a block takes for the statements after
/// it, if it takes one.
std::optional<HeldLock> lockTakenBy(const Stmt *S, const LockTypes &Types) {
  if (const VarDecl *Guard = guardDeclaredBy(S, Types)) {
    HeldLock Lock;
    Lock.Guard = Guard;
    Lock.Mutexes = mutexesOf(*Guard);
    return Lock;
  }
  // `if (!m.try_lock()) return;` and `while (!m.try_lock()) ...`: held
  // after them.
  if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
    TriedLock Tried = triedIn(If->getCond(), Types);
    if (Tried.Negated && !If->getElse() && alwaysLeaves(If->getThen()))
      return Tried.Lock;
    return std::nullopt;
  }
  if (const auto *While = llvm::dyn_cast<WhileStmt>(S)) {
    TriedLock Tried = triedIn(While->getCond(), Types);
    return Tried.Negated ? Tried.Lock : std::nullopt;
  }
  if (std::optional<HeldLock> Together = lockedTogether(S, Types))
    return Together;
  // A guard locked again (`lock.lock()` after `lock.unlock()`, or after
  // std::defer_lock), or a mutex locked by hand.
  auto [Object, Method] = memberCallStatement(S);
  if (!Object || !isLockMethod(Method))
    return std::nullopt;
  return lockOf(*Object, Types);
}
} // namespace

const Expr *firstSuspensionWhileHeld(const Stmt &S, const HeldLock &Lock) {
  const ValueDecl *Holder = holderOf(Lock);
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S)) {
    // Released on this path from an unlock() on, until a lock() takes the
    // same lock again.
    bool Held = true;
    for (const Stmt *Child : Block->body()) {
      auto [Object, Method] = memberCallStatement(Child);
      Release Ends = releaseIn(*Child, Holder);
      if (Ends == Release::Here) {
        Held = false;
      } else if (Object == Holder && isLockMethod(Method)) {
        Held = true;
      } else if (Held) {
        if (const Expr *Found = firstSuspensionWhileHeld(*Child, Lock))
          return Found;
        Held = Ends == Release::None;
      }
    }
    return nullptr;
  }
  if (isSuspensionPoint(S))
    return llvm::cast<Expr>(&S);
  // Search the children as the coroutine walk does (not nested functions),
  // but through this function, so that nested blocks are seen as blocks.
  const Expr *Found = nullptr;
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (Found)
      return false;
    if (&Node == &S)
      return true;
    if (llvm::isa<CompoundStmt>(Node) || isSuspensionPoint(Node)) {
      Found = firstSuspensionWhileHeld(Node, Lock);
      return false;
    }
    return true;
  });
  return Found;
}

namespace {
/// Visits a statement with the locks held there and, when the statement
/// takes a lock, that lock.
using LockVisitor = llvm::function_ref<void(
    const Stmt &, llvm::ArrayRef<const HeldLock *>, const HeldLock *)>;

/// The locks a walk found; they live as long as what it recorded.
using LockStore = std::deque<std::vector<HeldLock>>;

/// \p Lock kept in \p Store, or null.
HeldLock *keep(std::optional<HeldLock> Lock, LockStore &Store) {
  if (!Lock)
    return nullptr;
  return &Store.emplace_back(std::vector<HeldLock>{std::move(*Lock)}).front();
}

void visitWithLocksHeld(const Stmt &S, const LockTypes &Types,
                        llvm::SmallVectorImpl<const HeldLock *> &Held,
                        LockStore &Store, LockVisitor Visit,
                        const HeldLock *Taking = nullptr) {
  Visit(S, Held, Taking);
  const auto *Block = llvm::dyn_cast<CompoundStmt>(&S);
  if (!Block) {
    // `if (m.try_lock()) { ... }`: the branch that got the lock holds it;
    // so does the right of `!lock || ...` and of `lock && ...`.
    const Stmt *Succeeded = nullptr;
    HeldLock *Tried = nullptr;
    if (const auto *If = llvm::dyn_cast<IfStmt>(&S)) {
      TriedLock Attempt = triedIn(If->getCond(), Types);
      Tried = keep(Attempt.Lock, Store);
      Succeeded = Attempt.Negated ? If->getElse() : If->getThen();
    } else if (const auto *Logical = llvm::dyn_cast<BinaryOperator>(&S);
               Logical && Logical->isLogicalOp()) {
      TriedLock Attempt = triedIn(Logical->getLHS(), Types);
      if (Attempt.Negated == (Logical->getOpcode() == BO_LOr))
        Tried = keep(Attempt.Lock, Store);
      Succeeded = Logical->getRHS();
    }
    if (Tried)
      Tried->Acquire = &S;
    forEachStmtOfFunction(S, [&](const Stmt &Child) {
      if (&Child == &S)
        return true;
      bool Holds = Tried && &Child == Succeeded;
      if (Holds)
        Held.push_back(Tried);
      visitWithLocksHeld(Child, Types, Held, Store, Visit);
      if (Holds)
        Held.pop_back();
      return false;
    });
    return;
  }
  const std::vector<HeldLock> &Taken =
      Store.emplace_back(locksTakenIn(*Block, Types));
  size_t Outer = Held.size();
  llvm::SmallVector<const HeldLock *, 4> OnEntry(Held.begin(), Held.end());
  size_t Index = 0;
  for (const Stmt *Child : Block->body()) {
    // A lock taken in this block holds from its First to its End.
    Held.resize(Outer);
    const HeldLock *TakenHere = nullptr;
    for (const HeldLock &Lock : Taken) {
      if (Lock.First <= Index && Index < Lock.End)
        Held.push_back(&Lock);
      if (Lock.Acquire == Child)
        TakenHere = &Lock;
    }
    visitWithLocksHeld(*Child, Types, Held, Store, Visit, TakenHere);
    // An enclosing lock released on this path, `lock.unlock(); ...`, stays
    // released for the rest of this block.
    for (size_t I = 0; I < Outer; ++I)
      if (Held[I] && releaseIn(*Child, holderOf(*Held[I])) != Release::None)
        Held[I] = nullptr;
    ++Index;
  }
  // Other paths leave the block with the enclosing locks still held.
  Held.assign(OnEntry.begin(), OnEntry.end());
}
} // namespace

namespace {
/// A body walked once with the locks held at each statement, for the checks
/// that ask again: callback-under-lock, lock-order-inversion and
/// unguarded-member each walk the same member functions.
struct LockFlow {
  struct Step {
    const Stmt *S;
    unsigned HeldBegin, HeldEnd; // into Held
    const HeldLock *Taking;
  };
  std::vector<Step> Steps;
  std::vector<const HeldLock *> Held;
  LockStore Locks;
};

std::unique_ptr<LockFlow> walkFlow(const Stmt &Body, const LockTypes &Types) {
  auto Flow = std::make_unique<LockFlow>();
  llvm::SmallVector<const HeldLock *, 4> Held;
  visitWithLocksHeld(Body, Types, Held, Flow->Locks,
                     [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> All,
                         const HeldLock *Taking) {
                       // Locks released on the path are kept as null
                       // entries; leave them out.
                       unsigned Begin = Flow->Held.size();
                       for (const HeldLock *Lock : All)
                         if (Lock)
                           Flow->Held.push_back(Lock);
                       Flow->Steps.push_back(
                           {&S, Begin, unsigned(Flow->Held.size()), Taking});
                     });
  return Flow;
}

/// The flows of the translation unit being checked (one thread checks it),
/// by body and by the text of the lock types.
struct FlowCache {
  std::vector<std::pair<std::string, std::string>> TypeLists;
  llvm::DenseMap<std::pair<const Stmt *, unsigned>, std::unique_ptr<LockFlow>>
      Flows;
};
thread_local FlowCache Flows;

const LockFlow &flowOf(const Stmt &Body, const LockTypes &Types) {
  std::pair<std::string, std::string> Lists(Types.Guards.text(),
                                            Types.Mutexes.text());
  unsigned Kind = llvm::find(Flows.TypeLists, Lists) - Flows.TypeLists.begin();
  if (Kind == Flows.TypeLists.size())
    Flows.TypeLists.push_back(std::move(Lists));
  std::unique_ptr<LockFlow> &Flow = Flows.Flows[{&Body, Kind}];
  if (!Flow)
    Flow = walkFlow(Body, Types);
  return *Flow;
}

void replay(const Stmt &Body, const LockTypes &Types, LockVisitor Visit) {
  const LockFlow &Flow = flowOf(Body, Types);
  llvm::ArrayRef<const HeldLock *> Held(Flow.Held);
  for (const LockFlow::Step &Step : Flow.Steps)
    Visit(*Step.S, Held.slice(Step.HeldBegin, Step.HeldEnd - Step.HeldBegin),
          Step.Taking);
}
} // namespace

void forgetLockFlows() { Flows = FlowCache(); }

void forEachStmtWithLocksHeld(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const Stmt &, llvm::ArrayRef<const HeldLock *>)>
        Visit) {
  replay(Body, Types,
         [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> Held,
             const HeldLock *) { Visit(S, Held); });
}

void forEachLockTaken(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const HeldLock &, llvm::ArrayRef<const HeldLock *>)>
        Visit) {
  replay(Body, Types,
         [&](const Stmt &, llvm::ArrayRef<const HeldLock *> Held,
             const HeldLock *Taking) {
           if (Taking)
             Visit(*Taking, Held);
         });
}

QualType guardedMutexType(QualType GuardType) {
  const auto *Specialization =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          recordOf(GuardType));
  if (!Specialization || Specialization->getTemplateArgs().size() == 0)
    return QualType();
  const TemplateArgument &First = Specialization->getTemplateArgs()[0];
  if (First.getKind() == TemplateArgument::Type)
    return First.getAsType();
  if (First.getKind() == TemplateArgument::Pack && First.pack_size() > 0 &&
      First.pack_begin()->getKind() == TemplateArgument::Type)
    return First.pack_begin()->getAsType();
  return QualType();
}

bool takesLock(const CompoundStmt &Block, const LockTypes &Types) {
  return llvm::any_of(Block.body(), [&](const Stmt *S) {
    return lockTakenBy(S, Types).has_value();
  });
}

std::vector<HeldLock> locksTakenIn(const CompoundStmt &Block,
                                   const LockTypes &Types) {
  std::vector<HeldLock> Locks;
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  for (size_t I = 0; I < Body.size(); ++I) {
    std::optional<HeldLock> Lock = lockTakenBy(Body[I], Types);
    if (!Lock)
      continue;
    Lock->Acquire = Body[I];
    Lock->Block = &Block;
    Lock->First = I + 1;
    Lock->End = Body.size();
    // The lock ends at the first statement that releases it, or after
    // the first that releases it on some of its paths.
    for (size_t J = Lock->First; J < Body.size(); ++J) {
      Release Ends = releaseIn(*Body[J], holderOf(*Lock));
      if (Ends == Release::None)
        continue;
      Lock->End = Ends == Release::Here ? J : J + 1;
      Lock->ReleasedExplicitly = Ends == Release::Here;
      break;
    }
    Locks.push_back(*Lock);
  }
  return Locks;
}

} // namespace clang::tidy::asynctidy
