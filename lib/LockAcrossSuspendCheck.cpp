//===--- LockAcrossSuspendCheck.cpp - asynctidy ---------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "support/Coroutines.h"
#include "support/FixItUtils.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

namespace {
/// Whether \p Statements mention \p D.
bool mentions(llvm::ArrayRef<Stmt *> Statements, const Decl *D) {
  return llvm::any_of(Statements, [&](const Stmt *S) {
    return refersTo(*S, [&](const ValueDecl &Named) { return &Named == D; });
  });
}

/// Whether \p Guard surely holds its lock from its construction: not when it
/// only tried (std::try_to_lock).
bool holdsForSure(const VarDecl &Guard) {
  const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(
      Guard.getInit()->IgnoreImplicit());
  if (!Construct)
    return false;
  for (const Expr *Arg : Construct->arguments())
    if (isLockTag(Arg->getType(), "try_to_lock_t"))
      return false;
  return true;
}

/// The variables that \p Statements declare at their top level.
std::vector<const Decl *> declaredBy(llvm::ArrayRef<Stmt *> Statements) {
  std::vector<const Decl *> Decls;
  for (const Stmt *S : Statements)
    if (const auto *Declaration = llvm::dyn_cast<DeclStmt>(S))
      Decls.insert(Decls.end(), Declaration->decl_begin(),
                   Declaration->decl_end());
  return Decls;
}
} // namespace

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      GuardTypes(readNameList("GuardTypes", DefaultGuardTypes)),
      MutexTypes(readNameList("MutexTypes", DefaultMutexTypes)),
      AsyncMutexTypes(readNameList("AsyncMutexTypes", "")) {}

void LockAcrossSuspendCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  registerCoroutineMatchers(*Finder, *this);
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = matchedCoroutine(Result);
  if (!Coroutine)
    return;
  forEachStmtOfFunction(*Coroutine->getBody(), [&](const Stmt &S) {
    if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S))
      checkBlock(*Block, *Result.Context);
    return true;
  });
}

bool LockAcrossSuspendCheck::isAsyncAware(const HeldLock &Lock) const {
  QualType Mutex = Lock.Guard ? guardedMutexType(Lock.Guard->getType())
                              : Lock.Mutex->getType();
  const CXXRecordDecl *Record =
      Mutex.isNull() ? nullptr : Mutex->getAsCXXRecordDecl();
  return Record && AsyncMutexTypes.matches(*Record);
}

void LockAcrossSuspendCheck::checkBlock(const CompoundStmt &Block,
                                        ASTContext &Context) {
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  for (const HeldLock &Lock : locksTakenIn(Block, {GuardTypes, MutexTypes})) {
    if (isAsyncAware(Lock))
      continue;
    for (size_t I = Lock.First; I < Lock.End; ++I) {
      const Expr *Suspension = firstSuspensionWhileHeld(*Body[I], Lock);
      if (!Suspension)
        continue;
      const NamedDecl *Holder =
          Lock.Guard ? static_cast<const NamedDecl *>(Lock.Guard) : Lock.Mutex;
      diag(Lock.Acquire->getBeginLoc(),
           "%select{lock|mutex}0 %1 is held across a suspension point: "
           "another coroutine that needs it deadlocks, and it may be "
           "released on another thread")
          << (Lock.Guard == nullptr) << Holder;
      diag(Suspension->getBeginLoc(), "the coroutine suspends here",
           DiagnosticIDs::Note);
      // Releasing earlier leaves the suspending statement, and what follows
      // it, unprotected: a change of meaning the user must approve, hence a
      // note.
      if (auto Fix = endScopeBefore(Block, Lock, I, Context))
        diag(Body[I]->getBeginLoc(),
             "release the lock before the coroutine suspends",
             DiagnosticIDs::Note)
            << *Fix;
      break;
    }
  }
}

/// The fix that moves the statements from the guard to the suspension into
/// a block of their own, which releases the guard where it ends.
static std::optional<FixItHint> blockEndingBefore(const CompoundStmt &Block,
                                                  const HeldLock &Lock,
                                                  size_t Suspending,
                                                  ASTContext &Context) {
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  llvm::ArrayRef<Stmt *> After = Body.slice(Suspending);
  // Moving statements into a block releases only a guard declared there.
  if (!llvm::isa<DeclStmt>(Lock.Acquire))
    return std::nullopt;
  // The block must not hide a variable the code after it still uses.
  llvm::ArrayRef<Stmt *> Scoped =
      Body.slice(Lock.First - 1, Suspending - Lock.First + 1);
  // Only plain variables can move into the block: not structured bindings
  // or type names, whose later uses it would hide, and not objects whose
  // destruction the block would move earlier (a tracing span, a timer).
  for (const Decl *D : declaredBy(Scoped)) {
    if (D == Lock.Guard)
      continue;
    const auto *Var = llvm::dyn_cast<VarDecl>(D);
    if (!Var || llvm::isa<DecompositionDecl>(Var) || mentions(After, Var) ||
        Var->needsDestruction(Context) != QualType::DK_none)
      return std::nullopt;
  }
  // One edit: the statements from the guard to the suspension, moved into a
  // block with their text unchanged.
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Begin = Lock.Acquire->getBeginLoc();
  SourceLocation End = endOfStatement(*Body[Suspending - 1], Context);
  if (End.isInvalid())
    return std::nullopt;
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getCharRange(Begin, End), SM, Context.getLangOpts());
  std::string Outer = indentationOf(Begin, SM);
  std::string Moved = Text.contains("R\"") || Text.contains("\\\n")
                          ? Text.str()
                          : indentLinesAfterFirst(Text, "  ");
  return FixItHint::CreateReplacement(CharSourceRange::getCharRange(Begin, End),
                                      "{\n" + Outer + "  " + Moved + "\n" +
                                          Outer + "}");
}

std::optional<FixItHint>
LockAcrossSuspendCheck::endScopeBefore(const CompoundStmt &Block,
                                       const HeldLock &Lock, size_t Suspending,
                                       ASTContext &Context) const {
  // Only a guard that nothing uses from the suspension on can end there.
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  llvm::ArrayRef<Stmt *> After = Body.slice(Suspending);
  if (!Lock.Guard || mentions(After, Lock.Guard))
    return std::nullopt;
  // With nothing between the guard and the suspension, the lock is there for
  // the suspending statement itself: releasing it first is no remedy.
  if (Suspending == Lock.First)
    return std::nullopt;
  // Code between the guard and the suspension that touches the guard (an
  // unlock() on one path, owns_lock()) makes a second unlock() unsafe.
  llvm::ArrayRef<Stmt *> Between =
      Body.slice(Lock.First, Suspending - Lock.First);
  if (mentions(Between, Lock.Guard) || !holdsForSure(*Lock.Guard))
    return std::nullopt;
  const Stmt *Next = Body[Suspending];
  if (!isSafeToEdit(*Next, Context) || !isSafeToEdit(*Lock.Acquire, Context))
    return std::nullopt;
  const SourceManager &SM = Context.getSourceManager();
  std::string Indent = indentationOf(Next->getBeginLoc(), SM);
  const CXXRecordDecl *Guard = Lock.Guard->getType()->getAsCXXRecordDecl();
  // A guard that can unlock (unique_lock, shared_lock) does so where it
  // stands.
  if (Guard && Guard->hasDefinition() &&
      !Guard->lookup(&Context.Idents.get("unlock")).empty())
    return FixItHint::CreateInsertion(Next->getBeginLoc(),
                                      Lock.Guard->getName().str() +
                                          ".unlock();\n" + Indent);
  return blockEndingBefore(Block, Lock, Suspending, Context);
}

} // namespace clang::tidy::asynctidy
