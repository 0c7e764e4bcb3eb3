//===--- SwallowedExceptionCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SwallowedExceptionCheck.h"
#include "support/Coroutines.h"
#include "support/FixItUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;
using matchers::matchesNameList;

// Logging and reporting APIs of the standard library, POSIX, spdlog, fmt,
// Abseil, glog and Boost.Log, and functions named like loggers.
static constexpr llvm::StringLiteral DefaultReporters =
    "::std::cerr;::std::clog;::printf;::fprintf;::puts;::fputs;::perror;"
    "::syslog;::spdlog::.*;::fmt::print;::fmt::println;"
    "::absl::log_internal::.*;::google::LogMessage.*;::boost::log::.*;"
    "([Ll]og|LOG)([A-Z_][^:]*)?;([Rr]eport|REPORT)([A-Z_][^:]*)?;"
    "[^:]*[Ll]ogger::[^:]*";

namespace {
AST_MATCHER(CoreturnStmt, returnsValue) {
  const Expr *Operand = Node.getOperand();
  return Operand && !Operand->getType()->isVoidType();
}

AST_MATCHER_P(CXXCatchStmt, catchesType, const NameList *, Types) {
  QualType Caught = Node.getCaughtType();
  if (Caught.isNull())
    return false;
  const auto *Record = Caught.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Types->matches(*Record);
}

// A handler with code clang could not make sense of may well report the
// exception in that code; it is not judged.
AST_MATCHER(CXXCatchStmt, hasBrokenHandlerCode) {
  return hasRecoveredCode(Node);
}

// Code that the parser dropped or the preprocessor left out may report the
// exception in another configuration; such a handler is not judged either.
AST_MATCHER_P(CXXCatchStmt, hasHiddenHandlerCode, const SkippedCode *,
              Skipped) {
  const auto *Body = llvm::dyn_cast<CompoundStmt>(Node.getHandlerBlock());
  return !Body || hasHiddenCode(*Body, Finder->getASTContext()) ||
         Skipped->isWithin(Body->getSourceRange(),
                           Finder->getASTContext().getSourceManager());
}

AST_MATCHER_P(CXXCatchStmt, hasCaughtVariable,
              ast_matchers::internal::Matcher<VarDecl>, Inner) {
  const VarDecl *Caught = Node.getExceptionDecl();
  return Caught && Inner.matches(*Caught, Finder, Builder);
}

/// Whether an assignment to \p Target in \p Handler writes state that
/// outlives the handler: a data member, something reached through a
/// pointer, reference or subscript, or a variable declared outside it.
bool isStateOutside(const Expr &Target, const CXXCatchStmt &Handler) {
  const Expr *E = Target.IgnoreParenImpCasts();
  if (llvm::isa<MemberExpr, UnaryOperator, ArraySubscriptExpr,
                CXXOperatorCallExpr>(E))
    return true;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return false;
  if (Var->getType()->isReferenceType())
    return true;
  bool DeclaredInHandler = Var == Handler.getExceptionDecl();
  forEachStmtOfFunction(*Handler.getHandlerBlock(), [&](const Stmt &S) {
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&S))
      DeclaredInHandler |= llvm::is_contained(Decls->decls(), Var);
    return !DeclaredInHandler;
  });
  return !DeclaredInHandler;
}

/// Whether \p Handler turns the failure into state that outlives it: an
/// assignment such as `status = Status::Aborted(...)`, `ok_ = false` or
/// `*error = code`. (Bumping a counter is not: `++failures` says that
/// something failed, not what.)
bool recordsFailureState(const CXXCatchStmt &Handler) {
  bool Records = false;
  forEachStmtOfFunction(*Handler.getHandlerBlock(), [&](const Stmt &S) {
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(&S))
      Records |= Assign->getOpcode() == BO_Assign &&
                 isStateOutside(*Assign->getLHS(), Handler);
    if (const auto *Call = llvm::dyn_cast<CXXOperatorCallExpr>(&S))
      Records |= Call->getOperator() == OO_Equal &&
                 isStateOutside(*Call->getArg(0), Handler);
    return !Records;
  });
  return Records;
}

/// Whether \p Type is a class of the user's own that is not derived from
/// std::exception: a sentinel thrown to leave a computation early (a stop
/// or cancellation signal), whose handler is the intended way out.
bool isSentinelException(QualType Caught, const SourceManager &SM) {
  if (Caught.isNull())
    return false;
  const auto *Record = Caught.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() ||
      SM.isInSystemHeader(Record->getLocation()))
    return false;
  bool DerivesFromStdException = false;
  Record->forallBases([&](const CXXRecordDecl *Base) {
    DerivesFromStdException |= Base->isInStdNamespace();
    return true;
  });
  return !DerivesFromStdException;
}

/// Whether \p Handler belongs to the function-try-block of a constructor or
/// destructor, whose handlers rethrow when they end.
bool rethrowsImplicitly(const CXXCatchStmt &Handler,
                        const FunctionDecl *Function) {
  if (!Function || !llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Function))
    return false;
  const auto *FunctionTry =
      llvm::dyn_cast_or_null<CXXTryStmt>(Function->getBody());
  if (!FunctionTry)
    return false;
  for (unsigned I = 0; I < FunctionTry->getNumHandlers(); ++I)
    if (FunctionTry->getHandler(I) == &Handler)
      return true;
  return false;
}
} // namespace

SwallowedExceptionCheck::SwallowedExceptionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      Reporters(readNameList("Reporters", DefaultReporters)),
      IgnoredExceptionTypes(readNameList("IgnoredExceptionTypes", "")),
      ReportFix(readFunctionName("ReportFunction", ""), readIncludeStyle()) {}

void SwallowedExceptionCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  ReportFix.registerPreprocessor(PP);
  Skipped.registerPreprocessor(*PP);
}

void SwallowedExceptionCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // What a handler may do with the exception that keeps the failure visible.
  // A call that a template leaves unresolved may be any of them.
  auto HandlesException = stmt(anyOf(
      cxxThrowExpr(), returnStmt(hasReturnValue(expr())),
      coreturnStmt(returnsValue()),
      declRefExpr(to(varDecl(equalsBoundNode("caught")))),
      callExpr(callee(
          functionDecl(anyOf(isNoReturn(), hasName("::std::current_exception"),
                             matchesNameList(&Reporters))))),
      declRefExpr(to(varDecl(hasGlobalStorage(), matchesNameList(&Reporters)))),
      unresolvedLookupExpr(), unresolvedMemberExpr(),
      cxxDependentScopeMemberExpr()));

  Finder->addMatcher(
      cxxCatchStmt(unless(isExpansionInSystemHeader()),
                   optionally(hasCaughtVariable(varDecl().bind("caught"))),
                   unless(hasDescendant(HandlesException)),
                   unless(catchesType(&IgnoredExceptionTypes)),
                   unless(hasHiddenHandlerCode(&Skipped)),
                   unless(hasBrokenHandlerCode()))
          .bind("handler"),
      this);
  // A try block that is a loop's body, or a statement of it: a failure
  // moves on to the next element (best effort over a collection).
  auto TryInLoop = cxxTryStmt(forEach(cxxCatchStmt().bind("in-loop")));
  auto LoopBody = anyOf(TryInLoop, compoundStmt(forEach(TryInLoop)));
  Finder->addMatcher(
      stmt(anyOf(forStmt(hasBody(LoopBody)), whileStmt(hasBody(LoopBody)),
                 doStmt(hasBody(LoopBody)),
                 cxxForRangeStmt(hasBody(LoopBody)))),
      this);
  Functions.registerMatchers(*Finder, *this);
}

void SwallowedExceptionCheck::onEndOfTranslationUnit() { InLoops.clear(); }

bool SwallowedExceptionCheck::keepsException(const FunctionDecl &Function,
                                             unsigned Depth) {
  // The program's own functions: a library's (`std::optional::value()`)
  // may throw, but it does not know about the exception being handled.
  const FunctionDecl *Definition = Function.getDefinition();
  if (!Definition || !Definition->getBody() ||
      Definition->getASTContext().getSourceManager().isInSystemHeader(
          Definition->getLocation()))
    return false;
  auto [Known, Inserted] = KeepsException.try_emplace(Definition, false);
  if (!Inserted) // known, or being looked at further up a recursion
    return Known->second;
  bool Keeps = false;
  forEachStmtOfFunction(*Definition->getBody(), [&](const Stmt &S) {
    Keeps |= llvm::isa<CXXThrowExpr>(&S) || callsReporter(S, Depth);
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S))
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
        Keeps |= Var->hasGlobalStorage() && Reporters.matches(*Var);
    return !Keeps;
  });
  KeepsException[Definition] = Keeps;
  return Keeps;
}

bool SwallowedExceptionCheck::callsReporter(const Stmt &S, unsigned Depth) {
  const auto *Call = llvm::dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  if (Callee->isNoReturn() || Reporters.matches(*Callee) ||
      Callee->getQualifiedNameAsString() == "std::current_exception")
    return true;
  return Depth > 0 && keepsException(*Callee, Depth - 1);
}

bool SwallowedExceptionCheck::handsOnException(const CXXCatchStmt &Handler) {
  // The handler itself was matched without any of these; what is left is
  // the functions it calls, whose bodies the translation unit may have.
  bool HandsOn = false;
  forEachStmtOfFunction(*Handler.getHandlerBlock(), [&](const Stmt &S) {
    HandsOn |= callsReporter(S, CalleeDepth);
    return !HandsOn;
  });
  return HandsOn;
}

void SwallowedExceptionCheck::onStartOfTranslationUnit() {
  KeepsException.clear();
  InLoops.clear();
}

/// Whether \p Handler is empty: nothing but, perhaps, a comment.
static bool isEmpty(const CXXCatchStmt &Handler) {
  const auto *Body = llvm::dyn_cast<CompoundStmt>(Handler.getHandlerBlock());
  return Body && Body->body_empty();
}

/// Whether \p Function is a destructor: it must not throw, and dropping
/// what the clean-up it does raised is the idiom.
static bool isDestructor(const FunctionDecl *Function) {
  return llvm::isa_and_nonnull<CXXDestructorDecl>(Function);
}

/// Whether \p Handler calls a member function of the object it runs in
/// (`stop()`, `fail(id)`, a member callable `on_error_(...)`): the object
/// takes the failure over.
static bool callsOwnMember(const CXXCatchStmt &Handler) {
  bool Calls = false;
  forEachStmtOfFunction(*Handler.getHandlerBlock(), [&](const Stmt &S) {
    const Expr *Object = nullptr;
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S))
      Object = Call->getImplicitObjectArgument();
    if (const auto *Call = llvm::dyn_cast<CXXOperatorCallExpr>(&S))
      if (Call->getOperator() == OO_Call)
        if (const auto *Member =
                llvm::dyn_cast<MemberExpr>(Call->getArg(0)->IgnoreImpCasts()))
          Object = Member->getBase();
    Calls |= Object && llvm::isa<CXXThisExpr>(Object->IgnoreParenImpCasts());
    return !Calls;
  });
  return Calls;
}

void SwallowedExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  if (Functions.record(Result))
    return;
  // Loops come before the handlers inside them.
  if (const auto *InLoop = Result.Nodes.getNodeAs<CXXCatchStmt>("in-loop")) {
    InLoops.insert(InLoop);
    return;
  }
  const auto *Handler = Result.Nodes.getNodeAs<CXXCatchStmt>("handler");
  const auto *Body = llvm::cast<CompoundStmt>(Handler->getHandlerBlock());
  const SourceManager &SM = *Result.SourceManager;
  const FunctionDecl *Function = Functions.enclosing(*Handler, SM);
  if (rethrowsImplicitly(*Handler, Function) ||
      isSentinelException(Handler->getCaughtType(), SM) ||
      recordsFailureState(*Handler) || handsOnException(*Handler) ||
      callsOwnMember(*Handler) ||
      (isEmpty(*Handler) &&
       (isDestructor(Function) || InLoops.contains(Handler))))
    return;
  bool CanEdit = isSafeToEdit(*Handler, *Result.Context);

  {
    auto Warning =
        diag(Handler->getCatchLoc(),
             "exception is swallowed: the handler neither rethrows, reports "
             "nor inspects it, so the failure goes unnoticed");
    if (ReportFix.isConfigured() && CanEdit) {
      // The report call goes first, before whatever the handler does.
      std::string Call = ReportFix.reportCurrentException();
      std::string Insertion;
      if (isOnOneLine(*Body, SM))
        Insertion = " " + Call + (Body->body_empty() ? " " : "");
      else if (Body->body_empty())
        Insertion =
            "\n" + indentationOf(Handler->getCatchLoc(), SM) + "  " + Call;
      else
        Insertion =
            "\n" + indentationOf(Body->body_front()->getBeginLoc(), SM) + Call;
      Warning << FixItHint::CreateInsertion(
          Body->getLBracLoc().getLocWithOffset(1), Insertion);
      if (auto Include =
              ReportFix.includeExceptionHeader(Handler->getCatchLoc(), SM))
        Warning << *Include;
    }
  }
  if (!ReportFix.isConfigured())
    offerRethrow(*Handler, Function, SM, CanEdit);
}

void SwallowedExceptionCheck::offerRethrow(const CXXCatchStmt &Handler,
                                           const FunctionDecl *Function,
                                           const SourceManager &SM,
                                           bool CanEdit) {
  const auto *Body = llvm::cast<CompoundStmt>(Handler.getHandlerBlock());
  auto Note = diag(Body->getRBracLoc(),
                   "rethrow the exception or report it; set the option '%0' "
                   "to have a fix-it insert the report call",
                   DiagnosticIDs::Note)
              << optionKey("ReportFunction");
  // Rethrowing changes control flow, so the remedy stays on a note. Where
  // the exception would then end the process (a destructor, a noexcept
  // function, main, a lambda that may be a thread's entry) or where the
  // enclosing function is unknown, the note only names the remedy.
  const auto *Proto =
      Function ? Function->getType()->getAs<FunctionProtoType>() : nullptr;
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Function);
  bool RethrowIsSafe = Function && !Function->isMain() &&
                       !llvm::isa<CXXDestructorDecl>(Function) &&
                       !(Proto && Proto->isNothrow()) &&
                       !(Method && Method->getParent()->isLambda());
  if (!CanEdit || !RethrowIsSafe)
    return;
  Note << FixItHint::CreateInsertion(
      Body->getRBracLoc(),
      isOnOneLine(*Body, SM)
          ? std::string(Body->body_empty() ? " throw; " : "throw; ")
          : "  throw;\n" + indentationOf(Body->getRBracLoc(), SM));
}

} // namespace clang::tidy::asynctidy
