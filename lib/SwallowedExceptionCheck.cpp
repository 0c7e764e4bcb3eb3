//===--- SwallowedExceptionCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SwallowedExceptionCheck.h"
#include "support/EnclosingFunctions.h"
#include "support/FixItUtils.h"
#include "support/Records.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

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
      IgnoreExplainedHandlers(readBool("IgnoreExplainedHandlers", true)),
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
      cxxCatchStmt(optionally(hasCaughtVariable(varDecl().bind("caught"))),
                   unless(hasDescendant(HandlesException)),
                   unless(catchesType(&IgnoredExceptionTypes)),
                   unless(hasHiddenHandlerCode(&Skipped)),
                   unless(hasBrokenHandlerCode()))
          .bind("handler"),
      this);
}

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
}

/// Whether \p Handler is empty: nothing but, perhaps, a comment.
static bool isEmpty(const CXXCatchStmt &Handler) {
  const auto *Body = llvm::dyn_cast<CompoundStmt>(Handler.getHandlerBlock());
  return Body && Body->body_empty();
}

/// The variable, `this` or nothing that \p E is rooted in: `conn` for
/// `conn->socket().close()`, `this` for `pool_->update()`.
static const Stmt *rootObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (llvm::isa<CXXThisExpr, DeclRefExpr>(E))
      return E;
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
      E = Member->getBase();
    else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E))
      E = Call->getImplicitObjectArgument();
    else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E))
      E = Op->getNumArgs() > 0 ? Op->getArg(0) : nullptr;
    else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
      E = Unary->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// Whether \p Try's block uses the variable \p Root refers to.
static bool tryBlockUses(const CXXTryStmt &Try, const DeclRefExpr &Root) {
  return refersTo(*Try.getTryBlock(),
                  [&](const ValueDecl &D) { return &D == Root.getDecl(); });
}

/// Whether \p Handler calls a member function of the object it runs in
/// (`stop()`, `pool_->update()`, a member callable `on_error_(...)`) or of an
/// object the failed block used (`conn->close()`, `request.reply(500)`): it
/// acts on what failed, which is handling it.
static bool actsOnFailedObjects(const CXXCatchStmt &Handler,
                                const CXXTryStmt &Try) {
  bool Acts = false;
  forEachStmtOfFunction(*Handler.getHandlerBlock(), [&](const Stmt &S) {
    const Stmt *Root = nullptr;
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S))
      Root = rootObject(Call->getImplicitObjectArgument());
    if (const auto *Call = llvm::dyn_cast<CXXOperatorCallExpr>(&S))
      if (Call->getOperator() == OO_Call || Call->getOperator() == OO_Arrow)
        Root = rootObject(Call->getArg(0));
    if (const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(Root))
      Acts |= tryBlockUses(Try, *Ref);
    else
      Acts |= Root != nullptr; // this
    return !Acts;
  });
  return Acts;
}

/// Whether \p Function must not throw: a destructor, or declared noexcept.
/// Dropping what its clean-up raised is the idiom there.
static bool mustNotThrow(const FunctionDecl *Function) {
  if (!Function)
    return false;
  const auto *Proto = Function->getType()->getAs<FunctionProtoType>();
  return llvm::isa<CXXDestructorDecl>(Function) ||
         (Proto && Proto->isNothrow());
}

/// Whether the empty \p Handler's comment explains why the exception is
/// dropped: a sentence of five words or more that is not a to-do note.
static bool hasExplainingComment(const CXXCatchStmt &Handler,
                                 const SourceManager &SM,
                                 const LangOptions &LangOpts) {
  const auto *Body = llvm::cast<CompoundStmt>(Handler.getHandlerBlock());
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Body->getSourceRange()), SM, LangOpts);
  if (Text.contains("TODO") || Text.contains("FIXME") || Text.contains("XXX"))
    return false;
  llvm::SmallVector<StringRef, 16> Words;
  Text.split(Words, ' ', -1, /*KeepEmpty=*/false);
  unsigned Count = 0;
  for (StringRef Word : Words)
    Count += llvm::any_of(Word, llvm::isAlpha);
  return Count >= 5;
}

/// Whether \p Handler ends the only statement of a lambda that waits on the
/// task it is given: `.then([](task<void> t) { try { t.get(); } catch
/// (...) {} })` exists to observe a failure delivered elsewhere, so that the
/// task library does not report it as unobserved.
static bool observesTaskParameter(const CXXTryStmt &Try,
                                  const FunctionDecl *Function) {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Function);
  const auto *Body =
      Method ? llvm::dyn_cast_or_null<CompoundStmt>(Method->getBody())
             : nullptr;
  if (!Body || !Method->getParent()->isLambda() || Body->size() != 1 ||
      Body->body_front() != &Try || Try.getTryBlock()->size() != 1)
    return false;
  const auto *Statement = llvm::dyn_cast<Expr>(Try.getTryBlock()->body_front());
  const auto *Wait =
      Statement ? llvm::dyn_cast<CXXMemberCallExpr>(Statement->IgnoreImplicit())
                : nullptr;
  const auto *Callee = Wait ? Wait->getMethodDecl() : nullptr;
  const auto *Task =
      Wait ? llvm::dyn_cast<DeclRefExpr>(
                 Wait->getImplicitObjectArgument()->IgnoreParenImpCasts())
           : nullptr;
  return Callee && Callee->getIdentifier() &&
         (Callee->getName() == "get" || Callee->getName() == "wait") && Task &&
         llvm::isa<ParmVarDecl>(Task->getDecl());
}

/// Whether \p Try ends by returning its result and \p Handler is empty: a
/// failure falls through to the code after it, the fallback
/// (`try { return std::stoi(s); } catch (...) {} return parse_path(s);`).
static bool fallsThroughToFallback(const CXXTryStmt &Try,
                                   const CXXCatchStmt &Handler) {
  const CompoundStmt *Block = Try.getTryBlock();
  const auto *Return = Block->body_empty()
                           ? nullptr
                           : llvm::dyn_cast<ReturnStmt>(Block->body_back());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  return isEmpty(Handler) && Value && !Value->getType()->isVoidType();
}

/// Whether \p Body also delivers another failure, held in a
/// `std::exception_ptr` it did not get from this handler
/// (`promise.set_exception(first_error)` after closing a stream): a failure
/// of the clean-up is dropped so that the first one is the one reported.
static bool deliversAnotherFailure(const Stmt &Body,
                                   const CXXCatchStmt &Handler) {
  bool Delivers = false;
  forEachStmtOfFunction(Body, [&](const Stmt &S) {
    if (&S == &Handler)
      return false;
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S)) {
      const auto *Record =
          Ref->getType().getNonReferenceType()->getAsCXXRecordDecl();
      Delivers = Record && Record->getIdentifier() &&
                 Record->getName() == "exception_ptr" && isInStd(*Record);
    }
    return !Delivers;
  });
  return Delivers;
}

bool SwallowedExceptionCheck::isDeliberate(const CXXCatchStmt &Handler,
                                           const FunctionDecl *Function,
                                           ASTContext &Context) {
  const Stmt *Root = Function ? Function->getBody() : nullptr;
  auto Enclosing = Root ? enclosingStmts(Handler, *Root)
                        : llvm::SmallVector<const Stmt *, 8>();
  const auto *Try = Enclosing.empty()
                        ? nullptr
                        : llvm::dyn_cast<CXXTryStmt>(Enclosing.front());
  if (!Try)
    return false;
  // A failure while another one is being handled (clean-up, a rollback, a
  // report that failed): the first one is what matters.
  if (llvm::any_of(llvm::ArrayRef<const Stmt *>(Enclosing).drop_front(),
                   [](const Stmt *S) { return llvm::isa<CXXCatchStmt>(S); }) ||
      deliversAnotherFailure(*Root, Handler))
    return true;
  if (actsOnFailedObjects(Handler, *Try) ||
      observesTaskParameter(*Try, Function) ||
      fallsThroughToFallback(*Try, Handler))
    return true;
  if (!isEmpty(Handler))
    return false;
  return mustNotThrow(Function) ||
         isInLoopBody(*Try,
                      llvm::ArrayRef<const Stmt *>(Enclosing).drop_front()) ||
         (IgnoreExplainedHandlers &&
          hasExplainingComment(Handler, Context.getSourceManager(),
                               Context.getLangOpts()));
}

void SwallowedExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Handler = Result.Nodes.getNodeAs<CXXCatchStmt>("handler");
  const auto *Body = llvm::cast<CompoundStmt>(Handler->getHandlerBlock());
  const SourceManager &SM = *Result.SourceManager;
  const FunctionDecl *Function = enclosingFunction(*Handler, *Result.Context);
  if (rethrowsImplicitly(*Handler, Function) ||
      isSentinelException(Handler->getCaughtType(), SM) ||
      recordsFailureState(*Handler) || handsOnException(*Handler) ||
      isDeliberate(*Handler, Function, *Result.Context))
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
