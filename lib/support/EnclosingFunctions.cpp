//===--- EnclosingFunctions.cpp - which function holds a statement --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/EnclosingFunctions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

static constexpr llvm::StringLiteral FunctionId = "enclosing-function";
static constexpr llvm::StringLiteral LambdaId = "enclosing-lambda";

void EnclosingFunctions::registerMatchers(MatchFinder &Finder,
                                          MatchFinder::MatchCallback &Check) {
  Finder.addMatcher(functionDecl(isDefinition()).bind(FunctionId), &Check);
  Finder.addMatcher(lambdaExpr().bind(LambdaId), &Check);
}

bool EnclosingFunctions::record(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function =
      Result.Nodes.getNodeAs<FunctionDecl>(FunctionId);
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>(LambdaId))
    Function = Lambda->getCallOperator();
  if (!Function)
    return false;
  const Stmt *Body = Function->getBody();
  if (!Body)
    return true;
  const SourceManager &SM = *Result.SourceManager;
  SourceRange Range(SM.getExpansionLoc(Body->getBeginLoc()),
                    SM.getExpansionRange(Body->getEndLoc()).getEnd());
  popUntilContains(Range.getBegin(), SM);
  Stack.push_back({Function, Range});
  return true;
}

bool EnclosingFunctions::contains(const Entry &E, SourceLocation Loc,
                                  const SourceManager &SM) const {
  return !SM.isBeforeInTranslationUnit(Loc, E.Body.getBegin()) &&
         !SM.isBeforeInTranslationUnit(E.Body.getEnd(), Loc);
}

void EnclosingFunctions::popUntilContains(SourceLocation Loc,
                                          const SourceManager &SM) {
  while (!Stack.empty() && !contains(Stack.back(), Loc, SM))
    Stack.pop_back();
}

const FunctionDecl *EnclosingFunctions::enclosing(const Stmt &S,
                                                  const SourceManager &SM) {
  popUntilContains(SM.getExpansionLoc(S.getBeginLoc()), SM);
  return Stack.empty() ? nullptr : Stack.back().Function;
}

} // namespace clang::tidy::asynctidy
