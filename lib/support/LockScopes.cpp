//===--- LockScopes.cpp - which locks a block holds, and for how long -----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/LockScopes.h"
#include "support/Coroutines.h"
#include "support/Records.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

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

bool defersLocking(const CXXConstructExpr &Construct) {
  for (const Expr *Arg : Construct.arguments())
    if (const CXXRecordDecl *Tag = recordOf(Arg->getType()))
      if (Tag->getName() == "defer_lock_t")
        return true;
  return false;
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
    for (const Expr *Arg : Construct->arguments())
      if (const ValueDecl *Mutex = namedObject(Arg))
        if (!recordOf(Mutex->getType()) ||
            !recordOf(Mutex->getType())->getName().ends_with("_lock_t"))
          Mutexes.push_back(Mutex);
  return Mutexes;
}

/// The guard a declaration statement constructs, if it constructs one.
const VarDecl *guardDeclaredBy(const Stmt *S, const NameList &Guards) {
  const auto *Decls = llvm::dyn_cast<DeclStmt>(S);
  if (!Decls || !Decls->isSingleDecl())
    return nullptr;
  const auto *Var = llvm::dyn_cast<VarDecl>(Decls->getSingleDecl());
  if (!Var || !Var->hasInit())
    return nullptr;
  const CXXRecordDecl *Record = recordOf(Var->getType());
  if (!Record || !Guards.matches(*Record))
    return nullptr;
  const CXXConstructExpr *Construct = guardConstruction(*Var);
  if (!Construct || Construct->getNumArgs() == 0 || defersLocking(*Construct))
    return nullptr;
  return Var;
}
} // namespace

bool isLockMethod(StringRef Name) {
  return Name == "lock" || Name == "lock_shared" || Name == "Lock" ||
         Name == "ReaderLock" || Name == "WriterLock";
}

// Not release(): std::unique_lock::release() leaves the mutex locked.
bool isUnlockMethod(StringRef Name) {
  return Name == "unlock" || Name == "unlock_shared" || Name == "Unlock" ||
         Name == "ReaderUnlock" || Name == "WriterUnlock";
}

const ValueDecl *namedObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

const Expr *firstSuspensionWhileHeld(const Stmt &S, const HeldLock &Lock) {
  const ValueDecl *Holder = Lock.Guard ? Lock.Guard : Lock.Mutex;
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S)) {
    // Released on this path from an unlock() on, until a lock() takes the
    // same lock again.
    bool Held = true;
    for (const Stmt *Child : Block->body()) {
      auto [Object, Method] = memberCallStatement(Child);
      if (Object == Holder && isUnlockMethod(Method))
        Held = false;
      else if (Object == Holder && isLockMethod(Method))
        Held = true;
      else if (Held)
        if (const Expr *Found = firstSuspensionWhileHeld(*Child, Lock))
          return Found;
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

void visitWithLocksHeld(const Stmt &S, const LockTypes &Types,
                        llvm::SmallVectorImpl<const HeldLock *> &Held,
                        LockVisitor Visit, const HeldLock *Taking = nullptr) {
  Visit(S, Held, Taking);
  const auto *Block = llvm::dyn_cast<CompoundStmt>(&S);
  if (!Block) {
    forEachStmtOfFunction(S, [&](const Stmt &Child) {
      if (&Child == &S)
        return true;
      visitWithLocksHeld(Child, Types, Held, Visit);
      return false;
    });
    return;
  }
  std::vector<HeldLock> Taken = locksTakenIn(*Block, Types);
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
    visitWithLocksHeld(*Child, Types, Held, Visit, TakenHere);
    // An enclosing lock released on this path, `lock.unlock(); ...`, stays
    // released for the rest of this block.
    auto [Object, Method] = memberCallStatement(Child);
    if (Object && isUnlockMethod(Method))
      for (size_t I = 0; I < Outer; ++I)
        if (Held[I] &&
            (Held[I]->Guard ? Held[I]->Guard : Held[I]->Mutex) == Object)
          Held[I] = nullptr;
    ++Index;
  }
  // Other paths leave the block with the enclosing locks still held.
  Held.assign(OnEntry.begin(), OnEntry.end());
}
} // namespace

namespace {
void visitStillHeld(const Stmt &Body, const LockTypes &Types,
                    LockVisitor Visit) {
  llvm::SmallVector<const HeldLock *, 4> Held;
  visitWithLocksHeld(Body, Types, Held,
                     [&](const Stmt &S,
                         llvm::ArrayRef<const HeldLock *> AllHeld,
                         const HeldLock *Taking) {
                       // Locks released on the path are kept as null
                       // entries; hide them.
                       llvm::SmallVector<const HeldLock *, 4> StillHeld;
                       for (const HeldLock *Lock : AllHeld)
                         if (Lock)
                           StillHeld.push_back(Lock);
                       Visit(S, StillHeld, Taking);
                     });
}
} // namespace

void forEachStmtWithLocksHeld(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const Stmt &, llvm::ArrayRef<const HeldLock *>)>
        Visit) {
  visitStillHeld(Body, Types,
                 [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> Held,
                     const HeldLock *) { Visit(S, Held); });
}

void forEachLockTaken(
    const Stmt &Body, const LockTypes &Types,
    llvm::function_ref<void(const HeldLock &, llvm::ArrayRef<const HeldLock *>)>
        Visit) {
  visitStillHeld(Body, Types,
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

std::vector<HeldLock> locksTakenIn(const CompoundStmt &Block,
                                   const LockTypes &Types) {
  std::vector<HeldLock> Locks;
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  for (size_t I = 0; I < Body.size(); ++I) {
    HeldLock Lock;
    if (const VarDecl *Guard = guardDeclaredBy(Body[I], Types.Guards)) {
      Lock.Guard = Guard;
      Lock.Mutexes = mutexesOf(*Guard);
    } else {
      auto [Object, Method] = memberCallStatement(Body[I]);
      const CXXRecordDecl *Record =
          Object ? recordOf(Object->getType()) : nullptr;
      if (!Record || !isLockMethod(Method))
        continue;
      // A guard locked again (`lock.lock()` after `lock.unlock()`, or after
      // std::defer_lock), or a mutex locked by hand.
      const auto *GuardVar = llvm::dyn_cast<VarDecl>(Object);
      if (GuardVar && Types.Guards.matches(*Record)) {
        Lock.Guard = GuardVar;
        Lock.Mutexes = mutexesOf(*GuardVar);
      } else if (Types.Mutexes.matches(*Record)) {
        Lock.Mutex = Object;
        Lock.Mutexes = {Object};
      } else {
        continue;
      }
    }
    Lock.Acquire = Body[I];
    Lock.Block = &Block;
    Lock.First = I + 1;
    Lock.End = Body.size();
    // The lock ends at the first statement that releases it: the guard's
    // unlock(), or unlock() on the same mutex.
    const ValueDecl *Holder = Lock.Guard ? Lock.Guard : Lock.Mutex;
    for (size_t J = Lock.First; J < Body.size(); ++J) {
      auto [Object, Method] = memberCallStatement(Body[J]);
      if (Object == Holder && isUnlockMethod(Method)) {
        Lock.End = J;
        Lock.ReleasedExplicitly = true;
        break;
      }
    }
    Locks.push_back(Lock);
  }
  return Locks;
}

} // namespace clang::tidy::asynctidy
