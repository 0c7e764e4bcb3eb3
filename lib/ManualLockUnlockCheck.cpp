//===--- ManualLockUnlockCheck.cpp - asynctidy ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ManualLockUnlockCheck.h"
#include "support/Calls.h"
#include "support/FixItUtils.h"
#include "support/Records.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

namespace {
/// A way out of the locked region that skips the unlock().
struct Exit {
  enum Kind { Return, Throw, CoReturn, Jump, ThrowingCall };
  const Stmt *Where = nullptr;
  Kind How = Return;
};

/// Whether calling through \p Call may throw by its callee's declaration,
/// when the code of the callee is not known: by default only when it says
/// `noexcept(false)`; with \p UnknownMayThrow, whenever it is not declared
/// `noexcept` (or `throw()`). Unknown exception specifications count as not
/// throwing, to stay quiet where the compiler has not decided.
bool mayThrowBySignature(const CallExpr &Call, bool UnknownMayThrow) {
  QualType Type;
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    Type = Callee->getType();
  else if (const Expr *Callee = Call.getCallee())
    Type = Callee->getType()->getPointeeType();
  const auto *Prototype =
      Type.isNull() ? nullptr : Type->getAs<FunctionProtoType>();
  if (!Prototype)
    return false;
  if (!UnknownMayThrow)
    return Prototype->getExceptionSpecType() == EST_NoexceptFalse;
  return Prototype->canThrow() == CT_Can;
}

/// Whether \p Call locks or unlocks a mutex: libstdc++ declares them
/// without noexcept, but they throw only when the program is already broken.
bool isLockingCall(const CallExpr &Call, const NameList &MutexTypes) {
  const auto *Method =
      llvm::dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  return Method && Method->getIdentifier() &&
         (isLockMethod(Method->getName()) ||
          isUnlockMethod(Method->getName())) &&
         isMutexType(*Method->getParent(), MutexTypes);
}

/// Whether \p S unlocks \p Mutex somewhere.
bool unlocks(const Stmt &S, const ValueDecl &Mutex) {
  bool Found = false;
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Node);
        Call && Call->getMethodDecl() &&
        Call->getMethodDecl()->getIdentifier() &&
        isUnlockMethod(Call->getMethodDecl()->getName()) &&
        namedObject(Call->getImplicitObjectArgument()) == &Mutex)
      Found = true;
    return !Found;
  });
  return Found;
}

/// Whether \p S calls a member function of the same object that unlocks the
/// mutex data member \p Mutex itself: `return RunWriter();`, whose body
/// ends with `_lock.unlock()`, hands the region over to it.
bool unlocksInCallee(const Stmt &S, const ValueDecl &Mutex) {
  if (!llvm::isa<FieldDecl>(Mutex))
    return false;
  bool Found = false;
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    const auto *Call = llvm::dyn_cast<CallExpr>(&Node);
    const CXXMethodDecl *Callee = Call ? methodCalledOnThis(*Call) : nullptr;
    if (Callee && Callee->hasBody() && unlocks(*Callee->getBody(), Mutex))
      Found = true;
    return !Found;
  });
  return Found;
}

/// Which calls may throw something other than std::bad_alloc (which almost
/// every call can, and most projects do not recover from). The program's
/// own functions are read, five calls deep: a throw outside a `catch
/// (...)`, or a call that may throw. A standard-library function does not
/// count (what it throws is a misuse, or memory), nor does a C function; a
/// function whose code is elsewhere counts only by its declaration (see
/// mayThrowBySignature).
class ThrowingCalls {
public:
  ThrowingCalls(const NameList &MutexTypes, bool UnknownMayThrow)
      : MutexTypes(MutexTypes), UnknownMayThrow(UnknownMayThrow) {}

  bool throws(const CallExpr &Call, unsigned Depth = 5) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return mayThrowBySignature(Call, UnknownMayThrow);
    if (isLockingCall(Call, MutexTypes) || Callee->isExternC() ||
        Callee->getASTContext().getSourceManager().isInSystemHeader(
            Callee->getLocation()))
      return false;
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
    const FunctionDecl *Definition = Callee->getDefinition();
    if (!Definition || !Definition->getBody() ||
        (Method && Method->isVirtual()))
      return mayThrowBySignature(Call, UnknownMayThrow);
    if (Depth == 0) // deeper than that, the code is not known to throw
      return false;
    auto [Known, Inserted] = Throws.try_emplace(Definition, false);
    if (!Inserted) // known, or being read further up a recursion
      return Known->second;
    bool Result = bodyThrows(*Definition->getBody(), Depth - 1);
    Throws[Definition] = Result;
    return Result;
  }

private:
  bool bodyThrows(const Stmt &Body, unsigned Depth) {
    bool Found = false;
    forEachStmtOfFunction(Body, [&](const Stmt &S) {
      if (Found)
        return false;
      if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(&S))
        for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
          if (!Try->getHandler(I)->getExceptionDecl()) {
            // What the try block throws is caught; the handlers may throw.
            for (unsigned J = 0; J < Try->getNumHandlers(); ++J)
              Found |=
                  bodyThrows(*Try->getHandler(J)->getHandlerBlock(), Depth);
            return false;
          }
      if (llvm::isa<CXXThrowExpr>(S))
        Found = true;
      else if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
        Found = throws(*Call, Depth);
      return !Found;
    });
    return Found;
  }

  const NameList &MutexTypes;
  const bool UnknownMayThrow;
  llvm::DenseMap<const FunctionDecl *, bool> Throws;
};

/// Finds the ways out of the statements between a lock() and its unlock().
struct ExitFinder {
  const NameList &MutexTypes;
  const ValueDecl &Mutex;
  ThrowingCalls &Calls;

  /// The first exit from \p S that leaves the region; \p InLoop and
  /// \p InSwitch say whether a break or continue stays inside, \p Caught
  /// whether a `catch (...)` around \p S stops exceptions.
  std::optional<Exit> find(const Stmt &S, bool InLoop, bool InSwitch,
                           bool Caught) const {
    if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(&S))
      return findInTry(*Try, InLoop, InSwitch, Caught);
    InLoop |= llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
    InSwitch |= llvm::isa<SwitchStmt>(S);
    std::optional<Exit> Found;
    forEachStmtOfFunction(S, [&](const Stmt &Node) {
      if (Found)
        return false;
      if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&Node)) {
        Found = findInBlock(*Block, InLoop, InSwitch, Caught);
        return false;
      }
      if (&Node == &S)
        return visit(Node, InLoop, InSwitch, Caught, Found);
      if (llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(
              Node)) {
        Found = find(Node, InLoop, InSwitch, Caught);
        return false;
      }
      if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(&Node)) {
        Found = findInTry(*Try, InLoop, InSwitch, Caught);
        return false;
      }
      return visit(Node, InLoop, InSwitch, Caught, Found);
    });
    return Found;
  }

  /// A block runs locked up to a statement that unlocks the mutex
  /// (`if (done) { m.unlock(); return; }`): what follows is not the region's.
  std::optional<Exit> findInBlock(const CompoundStmt &Block, bool InLoop,
                                  bool InSwitch, bool Caught) const {
    for (const Stmt *Child : Block.body()) {
      const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Child);
      if (Call && Call->getMethodDecl() &&
          Call->getMethodDecl()->getIdentifier() &&
          isUnlockMethod(Call->getMethodDecl()->getName()) &&
          namedObject(Call->getImplicitObjectArgument()) == &Mutex)
        return std::nullopt;
      if (llvm::isa<CallExpr>(Child) && unlocksInCallee(*Child, Mutex))
        return std::nullopt;
      if (std::optional<Exit> Found = find(*Child, InLoop, InSwitch, Caught))
        return Found;
    }
    return std::nullopt;
  }

  /// `try { ... } catch (...) { m.unlock(); throw; }` is the hand-written
  /// form of a guard: exceptions from the try block are caught, and a
  /// handler that unlocks may leave.
  std::optional<Exit> findInTry(const CXXTryStmt &Try, bool InLoop,
                                bool InSwitch, bool Caught) const {
    bool CatchesAll = false;
    for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
      CatchesAll |= Try.getHandler(I)->getExceptionDecl() == nullptr;
    if (std::optional<Exit> Found =
            find(*Try.getTryBlock(), InLoop, InSwitch, Caught || CatchesAll))
      return Found;
    for (unsigned I = 0; I < Try.getNumHandlers(); ++I) {
      const Stmt *Handler = Try.getHandler(I)->getHandlerBlock();
      if (unlocks(*Handler, Mutex))
        continue;
      if (std::optional<Exit> Found = find(*Handler, InLoop, InSwitch, Caught))
        return Found;
    }
    return std::nullopt;
  }

  bool visit(const Stmt &Node, bool InLoop, bool InSwitch, bool Caught,
             std::optional<Exit> &Found) const {
    if (llvm::isa<ReturnStmt>(Node) && unlocksInCallee(Node, Mutex))
      return false;
    if (llvm::isa<ReturnStmt>(Node))
      Found = Exit{&Node, Exit::Return};
    else if (llvm::isa<CXXThrowExpr>(Node) && !Caught)
      Found = Exit{&Node, Exit::Throw};
    else if (llvm::isa<CoreturnStmt>(Node))
      Found = Exit{&Node, Exit::CoReturn};
    else if (llvm::isa<GotoStmt, IndirectGotoStmt>(Node) ||
             (llvm::isa<BreakStmt>(Node) && !InLoop && !InSwitch) ||
             (llvm::isa<ContinueStmt>(Node) && !InLoop))
      Found = Exit{&Node, Exit::Jump};
    else if (const auto *Call = llvm::dyn_cast<CallExpr>(&Node);
             Call && !Caught && Calls.throws(*Call))
      Found = Exit{&Node, Exit::ThrowingCall};
    return !Found;
  }
};

/// `object.method()`: the object's text and the method, when \p S is such
/// a call.
const CXXMemberCallExpr *memberCall(const Stmt &S) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S);
  return Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier()
             ? Call
             : nullptr;
}
} // namespace

ManualLockUnlockCheck::ManualLockUnlockCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      MutexTypes(readNameList("MutexTypes", DefaultMutexTypes)),
      UnknownCallsMayThrow(readBool("UnknownCallsMayThrow", false)),
      Inserter(readIncludeStyle()) {}

void ManualLockUnlockCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  Inserter.registerPreprocessor(PP);
}

void ManualLockUnlockCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Blocks with a statement that locks a mutex by hand, which the lock
  // model finds in check(): cheaper than a matcher on every statement.
  Finder->addMatcher(compoundStmt().bind("block"), this);
}

void ManualLockUnlockCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Block = Result.Nodes.getNodeAs<CompoundStmt>("block");
  if (!takesLock(*Block, {NoGuards, MutexTypes}))
    return;
  llvm::ArrayRef<Stmt *> Body(Block->body_begin(), Block->body_end());
  ThrowingCalls Calls(MutexTypes, UnknownCallsMayThrow);
  for (const HeldLock &Lock : locksTakenIn(*Block, {NoGuards, MutexTypes})) {
    // A lock released elsewhere (by the caller, in another function) is a
    // protocol this check cannot see.
    if (!Lock.Mutex || !Lock.ReleasedExplicitly || Lock.Tried || Lock.Together)
      continue;
    ExitFinder Finder{MutexTypes, *Lock.Mutex, Calls};
    std::optional<Exit> Found;
    for (size_t I = Lock.First; I < Lock.End && !Found; ++I)
      Found = Finder.find(*Body[I], /*InLoop=*/false, /*InSwitch=*/false,
                          /*Caught=*/false);
    if (!Found)
      continue;
    // Where only an exception skips the unlock, the guard changes nothing
    // but that. A return or a jump that leaves the mutex locked may mean
    // to (for the caller to unlock): releasing it there is a change of
    // behaviour, so that fix goes on a note.
    bool LeavesLockedOnPurpose = false;
    for (size_t I = Lock.First; I < Lock.End && !LeavesLockedOnPurpose; ++I)
      LeavesLockedOnPurpose =
          Finder
              .find(*Body[I], /*InLoop=*/false, /*InSwitch=*/false,
                    /*Caught=*/true)
              .has_value();
    std::vector<FixItHint> Fixes = useUniqueLock(*Block, Lock, *Result.Context);
    diag(Lock.Acquire->getBeginLoc(),
         "mutex %0 is locked and unlocked by hand: an exit or an exception "
         "before the unlock leaves it locked for good")
        << Lock.Mutex
        << (LeavesLockedOnPurpose ? std::vector<FixItHint>() : Fixes);
    diag(Found->Where->getBeginLoc(),
         "%select{this return leaves|this throw leaves|this co_return "
         "leaves|this jump leaves|this call may throw, leaving}0 %1 locked",
         DiagnosticIDs::Note)
        << Found->How << Lock.Mutex;
    diag(Body[Lock.End]->getBeginLoc(), "%0 is unlocked only here",
         DiagnosticIDs::Note)
        << Lock.Mutex;
    if (LeavesLockedOnPurpose && !Fixes.empty())
      diag(Lock.Acquire->getBeginLoc(),
           "hold %0 in a std::unique_lock, which unlocks it on the ways out "
           "that left it locked",
           DiagnosticIDs::Note)
          << Lock.Mutex << Fixes;
  }
}

/// The statements of \p Block from the lock to the unlock that ends it.
static llvm::ArrayRef<Stmt *> heldSpan(const CompoundStmt &Block,
                                       const HeldLock &Lock) {
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  return Body.slice(Lock.First, Lock.End - Lock.First + 1);
}

/// Whether a variable can be declared where \p Lock is taken.
static bool canDeclareAt(const CompoundStmt &Block, const HeldLock &Lock) {
  // Code clang recovered from an error may hide other uses of the mutex.
  if (llvm::any_of(heldSpan(Block, Lock),
                   [](const Stmt *S) { return hasRecoveredCode(*S); }))
    return false;
  // A label after the new variable would let a jump skip its
  // initialisation, which does not compile.
  llvm::ArrayRef<Stmt *> Body(Block.body_begin(), Block.body_end());
  return llvm::none_of(Body.drop_front(Lock.First), [](const Stmt *S) {
    return llvm::isa<SwitchCase, LabelStmt>(S);
  });
}

/// The name of the std::unique_lock that replaces \p Lock: `lock`, or
/// `<mutex>_lock` when the block locks other mutexes too. None when the
/// block locks the same mutex again (one variable per mutex and block) or
/// the name is taken.
static std::optional<std::string> uniqueLockName(const CompoundStmt &Block,
                                                 const HeldLock &Lock,
                                                 const LockTypes &ByHand,
                                                 ASTContext &Context) {
  bool Alone = true;
  for (const HeldLock &Other : locksTakenIn(Block, ByHand)) {
    if (Other.Acquire == Lock.Acquire)
      continue;
    if (Other.Mutex == Lock.Mutex)
      return std::nullopt;
    Alone = false;
  }
  std::string Name = Alone ? "lock" : "";
  if (Name.empty() || !isNameFreeIn(Name, Block, Context))
    Name = Lock.Mutex->getName().trim('_').str() + "_lock";
  if (!isNameFreeIn(Name, Block, Context))
    return std::nullopt;
  return Name;
}

/// Every other use of the mutex while \p Lock is held, up to and with the
/// unlock() that ends it, becomes a use of the unique_lock \p Name: lock()
/// and unlock() only, on the same object as written (\p Object). None when
/// another use needs the mutex itself (try_lock(), passing it on).
static std::optional<std::vector<FixItHint>>
redirectToUniqueLock(const CompoundStmt &Block, const HeldLock &Lock,
                     StringRef Object, StringRef Name, ASTContext &Context) {
  std::vector<FixItHint> Fixes;
  bool Usable = true;
  for (const Stmt *S : heldSpan(Block, Lock)) {
    forEachStmtOfFunction(*S, [&](const Stmt &Node) {
      if (!Usable)
        return false;
      if (const CXXMemberCallExpr *Call = memberCall(Node)) {
        const Expr *On = Call->getImplicitObjectArgument();
        if (On && namedObject(On) == Lock.Mutex) {
          StringRef Method = Call->getMethodDecl()->getName();
          Usable = (Method == "lock" || Method == "unlock") &&
                   sourceText(*On, Context) == Object &&
                   isSafeToEdit(*Call, Context);
          Fixes.push_back(
              FixItHint::CreateReplacement(On->getSourceRange(), Name));
          return false;
        }
      }
      if (llvm::isa<DeclRefExpr, MemberExpr>(Node) &&
          namedObject(llvm::cast<Expr>(&Node)) == Lock.Mutex)
        Usable = false;
      return Usable;
    });
  }
  if (!Usable)
    return std::nullopt;
  return Fixes;
}

std::vector<FixItHint> ManualLockUnlockCheck::useUniqueLock(
    const CompoundStmt &Block, const HeldLock &Lock, ASTContext &Context) {
  const auto *LockCall = memberCall(*Lock.Acquire);
  if (!LockCall || LockCall->getMethodDecl()->getName() != "lock")
    return {};
  std::optional<std::string> Object =
      sourceText(*LockCall->getImplicitObjectArgument(), Context);
  if (!Object || !isSafeToEdit(*Lock.Acquire, Context) ||
      !canDeclareAt(Block, Lock))
    return {};
  std::optional<std::string> Name =
      uniqueLockName(Block, Lock, {NoGuards, MutexTypes}, Context);
  std::optional<std::vector<FixItHint>> Fixes =
      Name ? redirectToUniqueLock(Block, Lock, *Object, *Name, Context)
           : std::nullopt;
  if (!Fixes)
    return {};

  std::string Type = "std::unique_lock";
  if (!Context.getLangOpts().CPlusPlus17)
    Type += "<" +
            Lock.Mutex->getType()
                .getNonReferenceType()
                .getUnqualifiedType()
                .getAsString(Context.getPrintingPolicy()) +
            ">";
  Fixes->push_back(FixItHint::CreateReplacement(
      LockCall->getSourceRange(), Type + " " + *Name + "(" + *Object + ")"));
  const SourceManager &SM = Context.getSourceManager();
  if (isDeclaredInStd(Context, "unique_lock"))
    return *Fixes;
  if (auto Include =
          Inserter.include(Lock.Acquire->getBeginLoc(), SM, "<mutex>"))
    Fixes->push_back(*Include);
  return *Fixes;
}

} // namespace clang::tidy::asynctidy
