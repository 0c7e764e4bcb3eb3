//===--- ThreadEntries.cpp - the functions a program starts as threads ----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/ThreadEntries.h"
#include "support/StmtWalk.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

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

/// Whether \p Call is made on a container of threads (a std::vector of
/// std::thread, through aliases too).
bool isOnContainerOfThreads(const CXXMemberCallExpr &Call,
                            const NameList &ThreadTypes) {
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Object)
    return false;
  QualType Type = Object->IgnoreParenImpCasts()->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const auto *Record =
      llvm::dyn_cast<RecordType>(Type->getUnqualifiedDesugaredType());
  const auto *Specialization =
      Record
          ? llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record->getDecl())
          : nullptr;
  if (!Specialization || Specialization->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &First = Specialization->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type &&
         ThreadTypes.matchesClassOf(First.getAsType());
}

/// The callable that \p Site starts as a thread, if it starts one.
const Expr *startedCallable(const Expr &Site, const NameList &ThreadTypes) {
  // std::thread t(f, args...);
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&Site)) {
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    if (!Constructor || Constructor->isCopyOrMoveConstructor() ||
        Construct->getNumArgs() == 0 ||
        !ThreadTypes.matches(*Constructor->getParent()))
      return nullptr;
    return asSpelled(Construct->getArg(0));
  }
  // threads.emplace_back(f, args...); threads.emplace(position, f, args...);
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Site);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return nullptr;
  StringRef Name = Method->getName();
  if (Name != "emplace_back" && Name != "emplace_front" && Name != "emplace")
    return nullptr;
  if (!isOnContainerOfThreads(*Call, ThreadTypes))
    return nullptr;
  if (Name == "emplace")
    return emplacedCallable(*Call);
  return Call->getNumArgs() > 0 ? asSpelled(Call->getArg(0)) : nullptr;
}

constexpr llvm::StringLiteral StartId = "thread-start-site";

AST_MATCHER_P2(Expr, startsThread, const NameList *, ThreadTypes,
               const NameList *, ThreadStarters) {
  return threadStartAt(Node, *ThreadTypes, *ThreadStarters).has_value();
}
} // namespace

std::optional<ThreadStart> threadStartAt(const Expr &Site,
                                         const NameList &ThreadTypes,
                                         const NameList &ThreadStarters) {
  // Threads run their first argument; a starter, its first callable one.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(&Site);
      Call && Call->getDirectCallee() &&
      ThreadStarters.matches(*Call->getDirectCallee())) {
    auto [Callable, Entry] = firstCallableArgument(
        llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()));
    if (!Entry)
      return std::nullopt;
    return ThreadStart{Callable, Entry};
  }
  const Expr *Callable = startedCallable(Site, ThreadTypes);
  const FunctionDecl *Entry = Callable ? entryFunction(*Callable) : nullptr;
  if (!Entry)
    return std::nullopt;
  return ThreadStart{Callable, Entry};
}

void registerThreadStartMatchers(MatchFinder &Finder,
                                 MatchFinder::MatchCallback &Check,
                                 const NameList &ThreadTypes,
                                 const NameList &ThreadStarters) {
  // One test in C++ per construction and call: these matchers are tried on
  // every one of the unit.
  Finder.addMatcher(
      cxxConstructExpr(startsThread(&ThreadTypes, &ThreadStarters))
          .bind(StartId),
      &Check);
  Finder.addMatcher(
      callExpr(startsThread(&ThreadTypes, &ThreadStarters)).bind(StartId),
      &Check);
}

std::optional<ThreadStart>
matchedThreadStart(const MatchFinder::MatchResult &Result,
                   const NameList &ThreadTypes,
                   const NameList &ThreadStarters) {
  const auto *Site = Result.Nodes.getNodeAs<Expr>(StartId);
  if (!Site)
    return std::nullopt;
  return threadStartAt(*Site, ThreadTypes, ThreadStarters);
}

} // namespace clang::tidy::asynctidy
