//===--- Coroutines.cpp - facts about coroutine types ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Coroutines.h"
#include "support/NameList.h"
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
  Finder.addMatcher(functionDecl(unless(isExpansionInSystemHeader()),
                                 isDefinition(), matchers::isCoroutine())
                        .bind(CoroutineId),
                    &Check);
  Finder.addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind(LambdaId), &Check);
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

void forEachStmtOfFunction(const Stmt &Root,
                           llvm::function_ref<bool(const Stmt &)> Visit) {
  if (!Visit(Root))
    return;
  // A coroutine's own body is the one statement of its CoroutineBodyStmt
  // that the user wrote; the rest is what the compiler adds around it.
  if (const auto *Coroutine = llvm::dyn_cast<CoroutineBodyStmt>(&Root)) {
    if (const Stmt *Body = Coroutine->getBody())
      forEachStmtOfFunction(*Body, Visit);
    return;
  }
  // Only the operand of a co_await or co_yield is the user's; the calls to
  // await_ready, await_suspend and await_resume are the compiler's.
  if (const auto *Suspend = llvm::dyn_cast<CoroutineSuspendExpr>(&Root)) {
    if (const Expr *Operand = Suspend->getOperand())
      forEachStmtOfFunction(*Operand, Visit);
    return;
  }
  // Operands that are never evaluated (sizeof, alignof, noexcept, typeid of
  // a non-polymorphic type) do not run.
  if (llvm::isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr>(Root))
    return;
  if (const auto *TypeId = llvm::dyn_cast<CXXTypeidExpr>(&Root))
    if (!TypeId->isPotentiallyEvaluated())
      return;
  if (llvm::isa<LambdaExpr, BlockExpr, DeclStmt>(Root)) {
    // A lambda's captures are evaluated here, its body runs elsewhere; a
    // declaration's initialisers run here, but a local class's do not.
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(&Root)) {
      for (const Expr *Init : Lambda->capture_inits())
        if (Init)
          forEachStmtOfFunction(*Init, Visit);
      return;
    }
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&Root)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
          if (const Expr *Init = Var->getInit())
            forEachStmtOfFunction(*Init, Visit);
    }
    return;
  }
  for (const Stmt *Child : Root.children())
    if (Child)
      forEachStmtOfFunction(*Child, Visit);
}

bool refersTo(const Stmt &S,
              llvm::function_ref<bool(const ValueDecl &)> Wanted) {
  bool Found = false;
  // Returning false only prunes the walk below a node, so a later reference
  // must not undo an earlier match.
  forEachStmtOfFunction(S, [&](const Stmt &Node) {
    if (Found)
      return false;
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&Node))
      Found = Wanted(*Ref->getDecl());
    else if (const auto *Member = llvm::dyn_cast<MemberExpr>(&Node))
      Found = Wanted(*Member->getMemberDecl());
    return !Found;
  });
  return Found;
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
