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

} // namespace clang::tidy::asynctidy
