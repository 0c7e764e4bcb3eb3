//===--- ThreadEntries.cpp - the functions a program starts as threads ----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/ThreadEntries.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;
using matchers::matchesNameList;

namespace {
/// The function a thread runs when started with \p Callable: a lambda, a
/// function, a member-function pointer, or an object with one call operator.
const FunctionDecl *entryFunction(const Expr &Callable) {
  const Expr *E = Callable.IgnoreImplicit()->IgnoreParenImpCasts();
  // A lambda converted to the starter's std::function parameter.
  if (const auto *Converted = llvm::dyn_cast<CXXConstructExpr>(E);
      Converted && Converted->getNumArgs() == 1 &&
      !llvm::isa<CXXTemporaryObjectExpr>(Converted) &&
      !Converted->getConstructor()->isCopyOrMoveConstructor())
    E = Converted->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *AddressOf = llvm::dyn_cast<UnaryOperator>(E))
    if (AddressOf->getOpcode() == UO_AddrOf)
      E = AddressOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (const auto *Function = llvm::dyn_cast<FunctionDecl>(Ref->getDecl()))
      return Function;
  const CXXRecordDecl *Record =
      E->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return nullptr;
  if (Record->isLambda())
    return Record->getLambdaCallOperator();
  const FunctionDecl *CallOperator = nullptr;
  for (const CXXMethodDecl *Method : Record->methods()) {
    if (Method->getOverloadedOperator() != OO_Call)
      continue;
    if (CallOperator)
      return nullptr; // overloaded: which one runs depends on the arguments
    CallOperator = Method;
  }
  return CallOperator;
}

/// The first argument of a user-listed starter from which an entry function
/// can be found.
std::pair<const Expr *, const FunctionDecl *>
firstCallableArgument(llvm::ArrayRef<const Expr *> Args) {
  for (const Expr *Arg : Args)
    if (const FunctionDecl *Entry = entryFunction(*Arg))
      return {Arg, Entry};
  return {nullptr, nullptr};
}

/// The callable given to `emplace`: after the position in a sequence
/// container (`vector::emplace(pos, f)`), first where emplace takes only the
/// new element's arguments (`queue::emplace(f)`, `optional::emplace(f)`).
const Expr *emplacedCallable(const CXXMemberCallExpr &Emplace) {
  const CXXMethodDecl *Method = Emplace.getMethodDecl();
  if (!Method)
    return nullptr;
  const FunctionDecl *Declared = Method;
  if (const FunctionTemplateDecl *Template = Method->getPrimaryTemplate())
    Declared = Template->getTemplatedDecl();
  bool TakesPosition = Declared->getNumParams() > 0 &&
                       !Declared->getParamDecl(0)->isParameterPack();
  unsigned Index = TakesPosition ? 1 : 0;
  return Index < Emplace.getNumArgs() ? Emplace.getArg(Index) : nullptr;
}

} // namespace

void registerThreadStartMatchers(MatchFinder &Finder,
                                 MatchFinder::MatchCallback &Check,
                                 const NameList &ThreadTypes,
                                 const NameList &ThreadStarters) {
  auto ThreadType = hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(matchesNameList(&ThreadTypes)))));

  // std::thread t(f, args...);
  Finder.addMatcher(
      cxxConstructExpr(
          hasDeclaration(cxxConstructorDecl(
              ofClass(matchesNameList(&ThreadTypes)),
              unless(isCopyConstructor()), unless(isMoveConstructor()))),
          hasArgument(0, expr().bind("thread-callable"))),
      &Check);
  // threads.emplace_back(f, args...); threads.emplace(position, f, args...);
  auto ContainerOfThreads = thisPointerType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(
          hasTemplateArgument(0, refersToType(ThreadType)))))));
  Finder.addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("emplace_back", "emplace_front"))),
          ContainerOfThreads, hasArgument(0, expr().bind("thread-callable"))),
      &Check);
  Finder.addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("emplace"))),
                                      ContainerOfThreads)
                        .bind("thread-emplace"),
                    &Check);
  // User-listed functions that run their callable argument on a new thread.
  Finder.addMatcher(callExpr(matchers::calleeInNameList(&ThreadStarters))
                        .bind("thread-start"),
                    &Check);
}

std::optional<ThreadStart>
matchedThreadStart(const MatchFinder::MatchResult &Result) {
  // Threads run their first argument; a starter, its first callable one.
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("thread-start")) {
    auto [Callable, Entry] = firstCallableArgument(
        llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()));
    if (!Entry)
      return std::nullopt;
    return ThreadStart{Callable, Entry};
  }
  const Expr *Callable = Result.Nodes.getNodeAs<Expr>("thread-callable");
  if (const auto *Emplace =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("thread-emplace"))
    Callable = emplacedCallable(*Emplace);
  const FunctionDecl *Entry = Callable ? entryFunction(*Callable) : nullptr;
  if (!Entry)
    return std::nullopt;
  return ThreadStart{Callable, Entry};
}

} // namespace clang::tidy::asynctidy
