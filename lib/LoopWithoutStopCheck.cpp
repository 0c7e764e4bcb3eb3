//===--- LoopWithoutStopCheck.cpp - asynctidy -----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "LoopWithoutStopCheck.h"
#include "support/Coroutines.h"
#include "support/MacroOrigin.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "support/ThreadEntries.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <functional>

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

static constexpr llvm::StringLiteral DefaultStopTypes =
    "::std::stop_token;::std::stop_source;::std::atomic_flag";

namespace {
/// The atomic<bool> a stop flag is made of; stop tokens and sources.
bool isStopFlagType(QualType Type, const NameList &StopTypes) {
  const CXXRecordDecl *Record = Type.getNonReferenceType()
                                    ->getPointeeOrArrayElementType()
                                    ->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (StopTypes.matches(*Record))
    return true;
  // std::atomic<bool>, std::atomic_bool.
  const auto *Atomic = llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record);
  return Atomic && Atomic->isInStdNamespace() &&
         Atomic->getName() == "atomic" &&
         Atomic->getTemplateArgs().size() == 1 &&
         Atomic->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         Atomic->getTemplateArgs()[0].getAsType()->isBooleanType();
}
} // namespace

LoopWithoutStopCheck::LoopWithoutStopCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ThreadTypes(readNameList("ThreadTypes", DefaultThreadTypes)),
      ThreadStarters(readNameList("ThreadStarters", "")),
      StopPredicates(readNameList("StopPredicates", "")) {}

void LoopWithoutStopCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  registerThreadStartMatchers(*Finder, *this, ThreadTypes, ThreadStarters);
  registerCoroutineMatchers(*Finder, *this);
}

void LoopWithoutStopCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const FunctionDecl *Coroutine = matchedCoroutine(Result)) {
    checkFunction(*Coroutine, {Coroutine, nullptr}, *Result.Context);
    return;
  }
  if (std::optional<ThreadStart> Start =
          matchedThreadStart(Result, ThreadTypes, ThreadStarters))
    if (!Start->Entry->isDependentContext())
      Threads.push_back({Start->Entry, Start->Callable});
}

void LoopWithoutStopCheck::onEndOfTranslationUnit() {
  // The functions each thread runs: its entry function and, transitively,
  // the functions defined in this translation unit that it calls.
  for (const Entry &Thread : Threads) {
    llvm::DenseSet<const FunctionDecl *> Seen;
    std::vector<const FunctionDecl *> Pending{Thread.Function};
    while (!Pending.empty()) {
      const FunctionDecl *Function = Pending.back();
      Pending.pop_back();
      const FunctionDecl *Definition = nullptr;
      if (!Function->hasBody(Definition) ||
          !Seen.insert(Definition->getCanonicalDecl()).second ||
          Context->getSourceManager().isInSystemHeader(
              Definition->getLocation()))
        continue;
      checkFunction(*Definition, Thread, *Context);
      forEachStmtOfFunction(*Definition->getBody(), [&](const Stmt &S) {
        if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            Pending.push_back(Callee);
        return true;
      });
    }
  }
  Threads.clear();
  Reported.clear();
}

void LoopWithoutStopCheck::checkFunction(const FunctionDecl &Function,
                                         const Entry &From,
                                         ASTContext &Context) {
  bool InCoroutine = isCoroutine(Function);
  forEachStmtOfFunction(*Function.getBody(), [&](const Stmt &S) {
    if (!isEndlessLoop(S, Context) || Reported.count(&S) || doesNoWork(S) ||
        hasWayOut(S, InCoroutine))
      return true;
    Reported.insert(&S);
    diag(S.getBeginLoc(), "infinite loop with no way out: the %select{thread "
                          "that runs it|coroutine}0 can never be shut down")
        << (From.Start == nullptr);
    if (From.Start)
      diag(From.Start->getBeginLoc(),
           "%select{the thread starts here|the thread that runs it, through "
           "%1, starts here}0",
           DiagnosticIDs::Note)
          << (From.Function->getCanonicalDecl() != Function.getCanonicalDecl())
          << &Function;
    return true;
  });
}

// A loop with an empty body runs no worker: `for (;;) {}` marks code that
// the author knows is not reached (Asio's, after the co_await that never
// resumes the frame), as __builtin_unreachable() would.
bool LoopWithoutStopCheck::doesNoWork(const Stmt &Loop) {
  const Stmt *Body = loopBody(Loop);
  if (const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(Body))
    return Block->body_empty();
  return !Body || llvm::isa<NullStmt>(Body);
}

bool LoopWithoutStopCheck::hasWayOut(const Stmt &Loop, bool InCoroutine) const {
  static const NameList StopTypes =
      NameList::parse(DefaultStopTypes, [](StringRef, StringRef) {});
  bool Found = false;
  const SourceManager &SM = Context->getSourceManager();
  const LangOptions &LangOpts = Context->getLangOpts();
  // Breaks of nested loops and switches stay inside.
  std::function<void(const Stmt &, bool)> Search = [&](const Stmt &Root,
                                                       bool Nested) {
    forEachStmtOfFunction(Root, [&](const Stmt &S) {
      if (Found)
        return false;
      // A failed assertion aborts a debug build; a release build has no
      // such way out (`assert(queue_.size() < limit)`).
      if (isInAssertion(S.getBeginLoc(), SM, LangOpts))
        return false;
      if (&S != &Root &&
          llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(
              S)) {
        Search(S, true);
        return false;
      }
      if ((llvm::isa<BreakStmt>(S) && !Nested) ||
          llvm::isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt,
                    IndirectGotoStmt>(S))
        Found = true;
      // A coroutine that suspends can be cancelled there (an error from
      // the awaited operation ends it), and a generator's consumer stops
      // pulling.
      else if (InCoroutine && isSuspensionPoint(S))
        Found = true;
      else if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        Found = Callee &&
                (Callee->isNoReturn() || StopPredicates.matches(*Callee) ||
                 (Callee->getIdentifier() &&
                  Callee->getName() == "stop_requested"));
      } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S)) {
        Found = isStopFlagType(Ref->getType(), StopTypes);
      } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(&S)) {
        Found = isStopFlagType(Member->getType(), StopTypes);
      }
      return !Found;
    });
  };
  if (const Stmt *Body = loopBody(Loop))
    Search(*Body, false);
  return Found;
}

} // namespace clang::tidy::asynctidy
