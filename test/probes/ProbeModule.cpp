//===--- ProbeModule.cpp - checks that expose the support library ---------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Test-only checks, one per analysis of the support library, that report what
// the analysis says about each node of the main file. The lit tests under
// test/support/ pin the analyses down through them, apart from any check.
//
//===----------------------------------------------------------------------===//

#include "Compat.h"
#include "support/AsyncTidyCheck.h"
#include "support/Coroutines.h"
#include "support/DiscardedResult.h"
#include "support/EnclosingFunctions.h"
#include "support/FixItUtils.h"
#include "support/HandleStores.h"
#include "support/ImplementationDetail.h"
#include "support/LockScopes.h"
#include "support/LockTypes.h"
#include "support/MacroOrigin.h"
#include "support/NameList.h"
#include "support/NoLint.h"
#include "support/SkippedCode.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "support/Writes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy::probes {
using namespace ast_matchers;

/// Reports the qualified name of every declaration in the main file, and
/// whether the name list in option "Names" matches it.
class NameListProbe : public AsyncTidyCheck {
public:
  NameListProbe(StringRef Name, ClangTidyContext *Context)
      : AsyncTidyCheck(Name, Context), Names(readNameList("Names", "")) {}
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        namedDecl(isExpansionInMainFile(), unless(isImplicit())).bind("decl"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *D = Result.Nodes.getNodeAs<NamedDecl>("decl");
    if (!D->getIdentifier())
      return;
    diag(D->getLocation(), "'%0' %select{does not match|matches}1")
        << qualifiedName(*D) << Names.matches(*D);
  }

private:
  const NameList &Names;
};

/// Reports every call whose result is dropped, and how.
class DiscardedResultProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        callExpr(isExpansionInMainFile(), unless(hasType(voidType())),
                 unless(cxxOperatorCallExpr(hasOverloadedOperatorName("="))))
            .bind("call"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
    std::optional<Discard> Dropped = discardOf(*Call, *Result.Context);
    if (!Dropped)
      return;
    diag(Call->getBeginLoc(),
         "result %select{unused|cast to void|assigned to std::ignore}0"
         "%select{| in a block}1")
        << static_cast<int>(Dropped->Kind) << Dropped->InBlock;
  }
};

/// Reports the Asio awaitable result type of every variable's initializer.
class AwaitableProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(varDecl(isExpansionInMainFile(), unless(isImplicit()),
                               hasInitializer(expr().bind("init"))),
                       this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Init = Result.Nodes.getNodeAs<Expr>("init");
    if (auto Type = asioAwaitableResultType(*Init))
      diag(Init->getBeginLoc(), "awaitable of '%0'")
          << Type->getAsString(Result.Context->getPrintingPolicy());
    else
      diag(Init->getBeginLoc(), "not an awaitable");
  }
};

/// Reports, for each block and expression statement of a function body,
/// whether a fix-it may edit it and whether an empty block hides code.
class FixItProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(compoundStmt(isExpansionInMainFile(),
                                    hasParent(functionDecl()),
                                    forEach(stmt().bind("statement")))
                           .bind("block"),
                       this);
    Finder->addMatcher(
        compoundStmt(isExpansionInMainFile(), hasParent(stmt())).bind("inner"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    if (const auto *S = Result.Nodes.getNodeAs<Stmt>("statement")) {
      diag(S->getBeginLoc(), "%select{not editable|editable}0")
          << isSafeToEdit(*S, *Result.Context);
      return;
    }
    const auto *Inner = Result.Nodes.getNodeAs<CompoundStmt>("inner");
    if (Inner->body_empty())
      diag(Inner->getLBracLoc(), "empty block %select{without|with}0 hidden "
                                 "code")
          << hasHiddenCode(*Inner, *Result.Context);
  }
};

/// Reports the function or lambda that encloses each call of the main file,
/// and whether the preprocessor left code out of each block.
class EnclosingProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                           Preprocessor *) override {
    Skipped.registerPreprocessor(*PP);
  }
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(callExpr(isExpansionInMainFile()).bind("call"), this);
    Finder->addMatcher(compoundStmt(isExpansionInMainFile(),
                                    unless(hasParent(functionDecl())),
                                    unless(hasParent(lambdaExpr())))
                           .bind("block"),
                       this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    if (const auto *Block = Result.Nodes.getNodeAs<CompoundStmt>("block")) {
      diag(Block->getLBracLoc(), "block %select{without|with}0 skipped code")
          << Skipped.isWithin(Block->getSourceRange(), *Result.SourceManager);
      return;
    }
    const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
    const FunctionDecl *Function = enclosingFunction(*Call, *Result.Context);
    const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Function);
    if (!Function)
      diag(Call->getBeginLoc(), "outside any function");
    else if (Method && Method->getParent()->isLambda())
      diag(Call->getBeginLoc(), "in a lambda");
    else
      diag(Call->getBeginLoc(), "in %0") << Function;
  }

private:
  SkippedCode Skipped;
};

/// Reports whether each function of the main file is a coroutine, and the
/// first suspension point of each statement of a coroutine's body.
class CoroutineProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        functionDecl(isExpansionInMainFile(), isDefinition()).bind("function"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
    bool Coroutine = isCoroutine(*Function);
    diag(Function->getLocation(), "%select{not a coroutine|coroutine}0")
        << Coroutine;
    if (!Coroutine)
      return;
    forEachStmtOfFunction(*Function->getBody(), [&](const Stmt &S) {
      if (isSuspensionPoint(S))
        diag(S.getBeginLoc(), "suspension point");
      return true;
    });
  }
};

/// Reports the locks each block of the main file takes, and how long each is
/// held.
class LockScopesProbe : public AsyncTidyCheck {
public:
  LockScopesProbe(StringRef Name, ClangTidyContext *Context)
      : AsyncTidyCheck(Name, Context),
        Guards(readNameList("Guards", "::std::lock_guard;::std::unique_lock;"
                                      "::std::scoped_lock")),
        Mutexes(readNameList("Mutexes", "::std::mutex")) {}
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(compoundStmt(isExpansionInMainFile()).bind("block"),
                       this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Block = Result.Nodes.getNodeAs<CompoundStmt>("block");
    for (const HeldLock &Lock : locksTakenIn(*Block, {Guards, Mutexes})) {
      diag(Lock.Acquire->getBeginLoc(),
           "%select{guard|mutex}0 %1 held for %2 statements%select{ to the "
           "end of the block|, up to its release}3")
          << (Lock.Guard == nullptr)
          << (Lock.Guard ? static_cast<const NamedDecl *>(Lock.Guard)
                         : Lock.Mutex)
          << static_cast<unsigned>(Lock.End - Lock.First)
          << Lock.ReleasedExplicitly;
      for (const ValueDecl *Mutex : Lock.Mutexes)
        diag(Lock.Acquire->getBeginLoc(), "it locks %0", DiagnosticIDs::Note)
            << Mutex;
    }
  }

private:
  const NameList &Guards;
  const NameList &Mutexes;
};

/// Reports, at each call of a function named touch(), the mutexes held there.
class LocksHeldProbe : public AsyncTidyCheck {
public:
  LocksHeldProbe(StringRef Name, ClangTidyContext *Context)
      : AsyncTidyCheck(Name, Context),
        Guards(readNameList("Guards", DefaultGuardTypes)),
        Mutexes(readNameList("Mutexes", DefaultMutexTypes)) {}
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        functionDecl(isExpansionInMainFile(), isDefinition()).bind("function"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
    forEachStmtWithLocksHeld(
        *Function->getBody(), {Guards, Mutexes},
        [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> Held) {
          const auto *Call = llvm::dyn_cast<CallExpr>(&S);
          if (!Call || !Call->getDirectCallee() ||
              !Call->getDirectCallee()->getIdentifier() ||
              Call->getDirectCallee()->getName() != "touch")
            return;
          std::string Names;
          for (const HeldLock *Lock : Held)
            for (const ValueDecl *Mutex : Lock->Mutexes)
              Names += " " + Mutex->getName().str();
          diag(Call->getBeginLoc(), "held:%0")
              << (Names.empty() ? " none" : Names);
        });
    forEachLockTaken(
        *Function->getBody(), {Guards, Mutexes},
        [&](const HeldLock &Taken, llvm::ArrayRef<const HeldLock *> Held) {
          std::string Names, Taking;
          for (const HeldLock *Lock : Held)
            for (const ValueDecl *Mutex : Lock->Mutexes)
              Names += " " + Mutex->getName().str();
          for (const ValueDecl *Mutex : Taken.Mutexes)
            Taking += " " + Mutex->getName().str();
          diag(Taken.Acquire->getBeginLoc(), "takes%0 while holding:%1")
              << Taking << (Names.empty() ? " none" : Names);
        });
  }

private:
  const NameList &Guards;
  const NameList &Mutexes;
};

/// Reports, for each try statement in a function of the main file, how many
/// statements enclose it, whether one of them is a handler, and whether it
/// is in a loop's body.
class StmtPathProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        functionDecl(isExpansionInMainFile(), isDefinition()).bind("function"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
    const Stmt &Body = *Function->getBody();
    forEachStmtOfFunction(Body, [&](const Stmt &S) {
      if (!llvm::isa<CXXTryStmt>(S))
        return true;
      auto Enclosing = enclosingStmts(S, Body);
      bool InHandler = llvm::any_of(
          Enclosing, [](const Stmt *E) { return llvm::isa<CXXCatchStmt>(E); });
      diag(S.getBeginLoc(), "%0 enclosing, %select{not |}1in a handler, "
                            "%select{not |}2in a loop body")
          << static_cast<unsigned>(Enclosing.size()) << InHandler
          << isInLoopBody(S, Enclosing);
      return true;
    });
  }
};

/// Reports whether each function declared in the main file is in a
/// library's implementation namespace.
class ImplementationDetailProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(functionDecl(isExpansionInMainFile()).bind("function"),
                       this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
    diag(Function->getLocation(), "%select{public|implementation detail}0")
        << isImplementationDetail(*Function);
  }
};

/// Reports whether each use of a variable in the main file is written in an
/// assertion macro.
class AssertionProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        declRefExpr(to(varDecl()), isExpansionInMainFile()).bind("use"), this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Use = Result.Nodes.getNodeAs<DeclRefExpr>("use");
    diag(Result.SourceManager->getSpellingLoc(Use->getLocation()),
         "%select{not in an assertion|in an assertion}0")
        << isInAssertion(Use->getLocation(), *Result.SourceManager,
                         Result.Context->getLangOpts());
  }
};

/// Reports what each class defined in the main file is to the lock model:
/// a mutex, a guard, the implementation of a lock or an event.
class LockTypesProbe : public AsyncTidyCheck {
public:
  LockTypesProbe(StringRef Name, ClangTidyContext *Context)
      : AsyncTidyCheck(Name, Context),
        Guards(readNameList("Guards", DefaultGuardTypes)),
        Mutexes(readNameList("Mutexes", DefaultMutexTypes)) {}
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        cxxRecordDecl(isDefinition(), isExpansionInMainFile()).bind("class"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Class = Result.Nodes.getNodeAs<CXXRecordDecl>("class");
    if (Class->isLambda() || Class->isImplicit())
      return;
    diag(Class->getLocation(), "mutex %select{false|true}0, guard "
                               "%select{false|true}1, implements "
                               "%select{false|true}2, owns "
                               "%select{false|true}3")
        << isMutexType(*Class, Mutexes)
        << isGuardType(*Class, {Guards, Mutexes})
        << implementsSynchronisation(*Class) << ownsMutex(*Class, Mutexes);
  }

private:
  const NameList &Guards;
  const NameList &Mutexes;
};

/// Reports, for each argument of a call of `keep(handle)` in the main file,
/// the member of the enclosing class that keeps handles of its type.
class HandleStoresProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(callExpr(isExpansionInMainFile(), argumentCountIs(1),
                                callee(functionDecl(hasName("keep"))))
                           .bind("keep"),
                       this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Keep = Result.Nodes.getNodeAs<CallExpr>("keep");
    const CXXMethodDecl *Method = enclosingMethod(*Keep, *Result.Context);
    if (!Method) {
      diag(Keep->getBeginLoc(), "not directly in a member function");
      return;
    }
    std::optional<HandleStore> Store = findHandleStore(
        *Method->getParent(), Keep->getArg(0)->IgnoreImplicit()->getType());
    if (!Store) {
      diag(Keep->getBeginLoc(), "no store");
      return;
    }
    diag(Keep->getBeginLoc(), "store '%0', waiter '%1', joins on destruction "
                              "%select{false|true}2")
        << Store->Member->getName()
        << (Store->Waiter ? Store->Waiter->getNameAsString() : "none")
        << Store->JoinsOnDestruction;
  }
};

/// Reports each write of every function in the main file (forEachWrite):
/// the expression written through, and whether through a pointer.
class WritesProbe : public AsyncTidyCheck {
public:
  using AsyncTidyCheck::AsyncTidyCheck;
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(
        functionDecl(isExpansionInMainFile(), isDefinition()).bind("function"),
        this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
    auto Text = [&](const Expr *E) {
      return E ? sourceText(*E, *Result.Context).value_or("?") : "";
    };
    forEachStmtOfFunction(*Function->getBody(), [&](const Stmt &S) {
      forEachWrite(S, [&](const Expr &Target, bool ThroughPointer) {
        const Expr *Object = accessedObject(Target.IgnoreParenImpCasts());
        diag(Target.getBeginLoc(), "writes '%0'%select{| through a pointer}1"
                                   "%select{| (an accessor of '%3')}2")
            << Text(&Target) << ThroughPointer << (Object != nullptr)
            << Text(Object);
      });
      return true;
    });
  }
};

/// Reports, for each call in the main file, whether the NOLINT comments
/// silence a warning there of the check named by option "Check". The
/// reports are placed at the start of the file, where no comment silences
/// them.
class NoLintProbe : public AsyncTidyCheck {
public:
  NoLintProbe(StringRef Name, ClangTidyContext *Context)
      : AsyncTidyCheck(Name, Context),
        Check(optionValue("Check", "async-lock-order-inversion")) {}
  void registerUserCodeMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(callExpr(isExpansionInMainFile()).bind("call"), this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const SourceManager &SM = *Result.SourceManager;
    if (!Comments)
      Comments = std::make_unique<NoLintComments>(SM, Check);
    const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
    diag(SM.getLocForStartOfFile(SM.getMainFileID()),
         "call on line %0 %select{is not|is}1 silenced for %2")
        << SM.getExpansionLineNumber(Call->getBeginLoc())
        << Comments->silences(Call->getBeginLoc()) << Check;
  }
  void onEndOfTranslationUnit() override { Comments.reset(); }

private:
  std::string Check;
  std::unique_ptr<NoLintComments> Comments;
};

class ProbeModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<AssertionProbe>("probe-assertion");
    Factories.registerCheck<AwaitableProbe>("probe-awaitable");
    Factories.registerCheck<CoroutineProbe>("probe-coroutine");
    Factories.registerCheck<DiscardedResultProbe>("probe-discarded-result");
    Factories.registerCheck<EnclosingProbe>("probe-enclosing");
    Factories.registerCheck<FixItProbe>("probe-fixit");
    Factories.registerCheck<HandleStoresProbe>("probe-handle-stores");
    Factories.registerCheck<ImplementationDetailProbe>(
        "probe-implementation-detail");
    Factories.registerCheck<LockScopesProbe>("probe-lock-scopes");
    Factories.registerCheck<LockTypesProbe>("probe-lock-types");
    Factories.registerCheck<LocksHeldProbe>("probe-locks-held");
    Factories.registerCheck<NameListProbe>("probe-name-list");
    Factories.registerCheck<NoLintProbe>("probe-nolint");
    Factories.registerCheck<StmtPathProbe>("probe-stmt-path");
    Factories.registerCheck<WritesProbe>("probe-writes");
  }
};

static ClangTidyModuleRegistry::Add<ProbeModule>
    Registration("asynctidy-probes",
                 "Probes of the asynctidy support library.");

} // namespace clang::tidy::asynctidy::probes
