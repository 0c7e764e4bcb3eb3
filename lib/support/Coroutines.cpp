//===--- Coroutines.cpp - facts about coroutine types ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Coroutines.h"
#include "support/NameList.h"
#include "support/StmtWalk.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::asynctidy {

static std::optional<QualType> awaitableArgument(QualType Type) {
  const auto *Specialization =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Specialization)
    return std::nullopt;
  std::string Name = qualifiedName(*Specialization);
  if (Name != "::asio::awaitable" && Name != "::boost::asio::awaitable")
    return std::nullopt;
  const TemplateArgumentList &Args = Specialization->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return Args[0].getAsType();
}

std::optional<QualType> asioAwaitableResultType(const Expr &E) {
  QualType Type = E.getType();
  if (Type.isNull() || Type->isDependentType())
    return std::nullopt;
  if (auto Result = awaitableArgument(Type))
    return Result;
  // A callable, such as a lambda, that co_spawn calls to make the awaitable.
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return std::nullopt;
  if (const CXXMethodDecl *Call = Record->getLambdaCallOperator())
    return awaitableArgument(Call->getReturnType());
  return std::nullopt;
}

bool isCoroutine(const FunctionDecl &Function) {
  return llvm::isa_and_nonnull<CoroutineBodyStmt>(Function.getBody());
}

static constexpr llvm::StringLiteral CoroutineId = "coroutine";
static constexpr llvm::StringLiteral LambdaId = "coroutine-lambda";

void registerCoroutineMatchers(
    ast_matchers::MatchFinder &Finder,
    ast_matchers::MatchFinder::MatchCallback &Check) {
  using namespace ast_matchers;
  Finder.addMatcher(
      functionDecl(isDefinition(), matchers::isCoroutine()).bind(CoroutineId),
      &Check);
  Finder.addMatcher(lambdaExpr().bind(LambdaId), &Check);
}

const FunctionDecl *
matchedCoroutine(const ast_matchers::MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine =
      Result.Nodes.getNodeAs<FunctionDecl>(CoroutineId);
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>(LambdaId))
    Coroutine = Lambda->getCallOperator();
  return Coroutine && isCoroutine(*Coroutine) ? Coroutine : nullptr;
}

bool isSuspensionPoint(const Stmt &S) {
  if (const auto *Await = llvm::dyn_cast<CoawaitExpr>(&S))
    return !Await->isImplicit();
  return llvm::isa<CoyieldExpr, DependentCoawaitExpr>(S);
}

const Expr *firstSuspensionPoint(const Stmt &S) {
  const Expr *First = nullptr;
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (First)
      return false;
    if (isSuspensionPoint(Node)) {
      First = llvm::cast<Expr>(&Node);
      return false;
    }
    return true;
  });
  return First;
}

} // namespace clang::tidy::asynctidy
