//===--- ExceptionEscapingThreadCheck.cpp - asynctidy ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ExceptionEscapingThreadCheck.h"
#include "support/EnclosingFunctions.h"
#include "support/FixItUtils.h"
#include "support/StmtWalk.h"
#include "support/ThreadEntries.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;
using matchers::matchesNameList;

namespace {
bool isLambdaCallOperator(const FunctionDecl &Function) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Function);
  return Method && Method->getParent()->isLambda();
}
} // namespace

ExceptionEscapingThreadCheck::ExceptionEscapingThreadCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ThreadTypes(readNameList("ThreadTypes", DefaultThreadTypes)),
      ThreadStarters(readNameList("ThreadStarters", "")),
      ReportFix(readFunctionName("ReportFunction", ""), readIncludeStyle()) {
  // Like bugprone-exception-escape: an allocation failure is not what this
  // check is about, and almost everything can raise it.
  Analyzer.ignoreBadAlloc(true);
}

void ExceptionEscapingThreadCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  AsyncTidyCheck::storeOptions(Opts);
}

void ExceptionEscapingThreadCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  ReportFix.registerPreprocessor(PP);
}

void ExceptionEscapingThreadCheck::registerUserCodeMatchers(
    MatchFinder *Finder) {
  registerThreadStartMatchers(*Finder, *this, ThreadTypes, ThreadStarters);
}

bool ExceptionEscapingThreadCheck::mayThrow(const FunctionDecl &Entry) {
  if (Analyzer.analyze(&Entry).getBehaviour() ==
      utils::ExceptionAnalyzer::State::Throwing)
    return true;
  // clang-tidy 19's analyzer does not look into the arguments of a call
  // (`apply(parse(read(path)))`): ask about every call the body makes
  // outside a try block.
  bool Throws = false;
  forEachStmtOfFunction(*Entry.getBody(), [&](const Stmt &S) {
    if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(&S)) {
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        Throws |= Try->getHandler(I)->getHandlerBlock() &&
                  anyCallThrows(*Try->getHandler(I)->getHandlerBlock());
      return false;
    }
    return true;
  });
  return Throws || anyCallThrows(*Entry.getBody());
}

bool ExceptionEscapingThreadCheck::anyCallThrows(const Stmt &Root) {
  bool Throws = false;
  forEachStmtOfFunction(Root, [&](const Stmt &S) {
    if (llvm::isa<CXXTryStmt>(&S))
      return false; // its handlers are asked about on their own
    const auto *Call = llvm::dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    Throws |= Callee && Analyzer.analyze(Callee).getBehaviour() ==
                            utils::ExceptionAnalyzer::State::Throwing;
    return !Throws;
  });
  return Throws;
}

void ExceptionEscapingThreadCheck::check(
    const MatchFinder::MatchResult &Result) {
  std::optional<ThreadStart> Start =
      matchedThreadStart(Result, ThreadTypes, ThreadStarters);
  if (!Start)
    return;
  auto [Callable, Entry] = *Start;
  if (!Entry || Entry->isDependentContext() || !Entry->hasBody())
    return;
  // An exception that escapes a thread main starts ends the program as one
  // that escaped main itself would.
  const FunctionDecl *Starter = enclosingFunction(*Callable, *Result.Context);
  if ((Starter && Starter->isMain()) || !mayThrow(*Entry))
    return;

  // Only a lambda written at the start can be wrapped where it stands.
  const auto *Lambda =
      llvm::dyn_cast<LambdaExpr>(Callable->IgnoreImplicit()->IgnoreParens());
  bool IsLambda = isLambdaCallOperator(*Entry);
  bool Fixed = false;
  {
    auto Warning = diag(Callable->getBeginLoc(),
                        "an exception can escape this thread's entry "
                        "%select{function '%1'|lambda}0, and std::terminate "
                        "then ends the process")
                   << IsLambda << Entry->getQualifiedNameAsString();
    if (Lambda && ReportFix.isConfigured())
      if (auto Fixes = wrapInTryCatch(*Lambda, Result)) {
        for (const FixItHint &Fix : *Fixes)
          Warning << Fix;
        if (auto Include = ReportFix.includeExceptionHeader(
                Lambda->getBeginLoc(), *Result.SourceManager))
          Warning << *Include;
        Fixed = true;
      }
  }
  if (!Lambda) {
    const FunctionDecl *Definition = Entry->getDefinition();
    diag((Definition ? Definition : Entry)->getLocation(),
         "the %select{function|lambda}0 is defined here", DiagnosticIDs::Note)
        << IsLambda;
  }
  if (!Fixed)
    diag(Callable->getBeginLoc(),
         "catch the exception inside the thread and report or store it (for "
         "example in a std::promise)",
         DiagnosticIDs::Note);
}

std::optional<std::vector<FixItHint>>
ExceptionEscapingThreadCheck::wrapInTryCatch(
    const LambdaExpr &Lambda, const MatchFinder::MatchResult &Result) const {
  // A lambda that returns a value would fall off its end in the handler.
  if (!Lambda.getCallOperator()->getReturnType()->isVoidType())
    return std::nullopt;
  const CompoundStmt *Body = Lambda.getCompoundStmtBody();
  if (!Body || !isSafeToEdit(*Body, *Result.Context))
    return std::nullopt;
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation AfterOpen = Body->getLBracLoc().getLocWithOffset(1);
  SourceLocation Close = Body->getRBracLoc();
  std::string Handler =
      "} catch (...) { " + ReportFix.reportCurrentException() + " }";

  // Only insertions, and none inside a statement, so that the fix-its of
  // other checks in the same body stay compatible with this one.
  std::vector<FixItHint> Fixes;
  if (isOnOneLine(*Body, SM)) {
    Fixes.push_back(FixItHint::CreateInsertion(AfterOpen, " try {"));
    Fixes.push_back(FixItHint::CreateInsertion(Close, Handler + " "));
    return Fixes;
  }
  std::string Indent = indentationOf(Close, SM);
  bool CloseStartsLine = SM.getSpellingColumnNumber(Close) == Indent.size() + 1;
  Fixes.push_back(
      FixItHint::CreateInsertion(AfterOpen, "\n" + Indent + "  try {"));
  // Indent the old body one level deeper, unless a line break inside a
  // literal would make that change a string.
  StringRef Inner =
      Lexer::getSourceText(CharSourceRange::getCharRange(AfterOpen, Close), SM,
                           Result.Context->getLangOpts());
  if (!Inner.contains("R\"") && !Inner.contains("\\\n")) {
    for (SourceLocation Line : lineStartsBetween(AfterOpen, Close, SM))
      Fixes.push_back(FixItHint::CreateInsertion(Line, "  "));
  }
  Fixes.push_back(FixItHint::CreateInsertion(
      Close,
      CloseStartsLine ? "  " + Handler + "\n" + Indent : " " + Handler + " "));
  return Fixes;
}

} // namespace clang::tidy::asynctidy
