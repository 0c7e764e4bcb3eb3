//===--- SwallowedExceptionCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SwallowedExceptionCheck.h"
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
    "([Ll]og|LOG)([A-Z_].*)?;([Rr]eport|REPORT)([A-Z_].*)?;"
    ".*[Ll]ogger::.*";

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

AST_MATCHER(CXXCatchStmt, hasHiddenHandlerCode) {
  const auto *Body = llvm::dyn_cast<CompoundStmt>(Node.getHandlerBlock());
  return !Body || hasHiddenCode(*Body, Finder->getASTContext());
}
} // namespace

SwallowedExceptionCheck::SwallowedExceptionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      Reporters(readNameList("Reporters", DefaultReporters)),
      IgnoredExceptionTypes(readNameList("IgnoredExceptionTypes", "")),
      ReportFix(readFunctionName("ReportFunction", ""),
                Options.getLocalOrGlobal("IncludeStyle",
                                         utils::IncludeSorter::IS_LLVM)) {}

void SwallowedExceptionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AsyncTidyCheck::storeOptions(Opts);
  Options.store(Opts, "IncludeStyle", ReportFix.includeStyle());
}

void SwallowedExceptionCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  ReportFix.registerPreprocessor(PP);
}

void SwallowedExceptionCheck::registerMatchers(MatchFinder *Finder) {
  // What a handler may do with the exception that keeps the failure visible.
  auto HandlesException =
      stmt(anyOf(cxxThrowExpr(), returnStmt(hasReturnValue(expr())),
                 coreturnStmt(returnsValue()),
                 declRefExpr(to(varDecl(isExceptionVariable()))),
                 callExpr(callee(functionDecl(
                     anyOf(isNoReturn(), hasName("::std::current_exception"),
                           matchesNameList(&Reporters))))),
                 declRefExpr(to(varDecl(matchesNameList(&Reporters))))));

  Finder->addMatcher(
      cxxCatchStmt(unless(isExpansionInSystemHeader()),
                   unless(hasDescendant(HandlesException)),
                   unless(catchesType(&IgnoredExceptionTypes)),
                   unless(hasHiddenHandlerCode()),
                   unless(hasBrokenHandlerCode()),
                   optionally(forCallable(functionDecl().bind("function"))))
          .bind("handler"),
      this);
}

void SwallowedExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Handler = Result.Nodes.getNodeAs<CXXCatchStmt>("handler");
  const auto *Body = llvm::cast<CompoundStmt>(Handler->getHandlerBlock());
  const SourceManager &SM = *Result.SourceManager;
  bool CanEdit = isSafeToEdit(*Handler, *Result.Context);
  bool OneLine = isOnOneLine(*Body, SM);

  {
    auto Warning =
        diag(Handler->getCatchLoc(),
             "exception is swallowed: the handler neither rethrows, reports "
             "nor inspects it, so the failure goes unnoticed");
    if (ReportFix.isConfigured() && CanEdit) {
      // The report call goes first, before whatever the handler does.
      std::string Indent =
          Body->body_empty()
              ? indentationOf(Handler->getCatchLoc(), SM) + "  "
              : indentationOf(Body->body_front()->getBeginLoc(), SM);
      std::string Call = ReportFix.reportCurrentException();
      Warning << FixItHint::CreateInsertion(
          Body->getLBracLoc().getLocWithOffset(1),
          OneLine ? " " + Call + " " : "\n" + Indent + Call);
      if (auto Include =
              ReportFix.includeExceptionHeader(Handler->getCatchLoc(), SM))
        Warning << *Include;
    }
  }
  if (ReportFix.isConfigured())
    return;

  // Rethrowing changes control flow, so that remedy stays on a note; where a
  // rethrow would end in std::terminate, the note only names the remedy.
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const auto *Proto =
      Function ? Function->getType()->getAs<FunctionProtoType>() : nullptr;
  bool RethrowTerminates = llvm::isa_and_nonnull<CXXDestructorDecl>(Function) ||
                           (Proto && Proto->isNothrow());
  auto Note = diag(Body->getRBracLoc(),
                   "rethrow the exception or report it; set the option '%0' "
                   "to have a fix-it insert the report call",
                   DiagnosticIDs::Note)
              << optionKey("ReportFunction");
  if (CanEdit && !RethrowTerminates)
    Note << FixItHint::CreateInsertion(
        Body->getRBracLoc(),
        OneLine ? std::string(Body->body_empty() ? " throw; " : "throw; ")
                : "  throw;\n" + indentationOf(Body->getRBracLoc(), SM));
}

} // namespace clang::tidy::asynctidy
