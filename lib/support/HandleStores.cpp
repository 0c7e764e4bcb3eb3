//===--- HandleStores.cpp - members that keep and wait for task handles ---===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "HandleStores.h"
#include "Records.h"
#include "StmtWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::asynctidy {

namespace {
bool isMember(const Expr *E, const FieldDecl &Member) {
  const auto *Ref = llvm::dyn_cast_or_null<MemberExpr>(asSpelled(E));
  return Ref && Ref->getMemberDecl() == &Member &&
         llvm::isa<CXXThisExpr>(asSpelled(Ref->getBase()));
}

/// The element type of \p Type when it is a standard sequence.
QualType elementType(QualType Type) {
  const auto *Sequence =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Type->getAsCXXRecordDecl());
  if (!Sequence || !Sequence->getIdentifier() || !isInStd(*Sequence) ||
      !llvm::is_contained(
          llvm::ArrayRef<StringRef>(
              {StringRef("vector"), StringRef("deque"), StringRef("list")}),
          Sequence->getName()) ||
      Sequence->getTemplateArgs().size() == 0 ||
      Sequence->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Sequence->getTemplateArgs()[0].getAsType();
}

/// An element of \p Member: `member[i]`, `member.at(i)`, `member.front()`,
/// `member.back()`, or the variable of `for (auto &t : member)`.
bool isElement(const Expr *E, const FieldDecl &Member,
               const llvm::SmallPtrSetImpl<const VarDecl *> &LoopVariables) {
  E = asSpelled(E);
  if (const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(E))
    return LoopVariables.contains(llvm::dyn_cast<VarDecl>(Ref->getDecl()));
  if (const auto *Subscript = llvm::dyn_cast_or_null<CXXOperatorCallExpr>(E))
    return Subscript->getOperator() == OO_Subscript &&
           isMember(Subscript->getArg(0), Member);
  if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(E))
    return Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
           llvm::is_contained(
               llvm::ArrayRef<StringRef>(
                   {StringRef("at"), StringRef("front"), StringRef("back")}),
               Call->getMethodDecl()->getName()) &&
           isMember(Call->getImplicitObjectArgument(), Member);
  return false;
}

/// Whether \p Body joins, gets or waits for the elements of \p Member.
bool waitsForElements(const Stmt &Body, const FieldDecl &Member) {
  llvm::SmallPtrSet<const VarDecl *, 2> LoopVariables;
  forEachStmtAndLambda(Body, [&](const Stmt &S) {
    if (const auto *For = llvm::dyn_cast<CXXForRangeStmt>(&S);
        For && isMember(For->getRangeInit(), Member))
      LoopVariables.insert(For->getLoopVariable());
  });
  bool Waits = false;
  forEachStmtAndLambda(Body, [&](const Stmt &S) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S);
    if (!Call || !Call->getMethodDecl() ||
        !Call->getMethodDecl()->getIdentifier())
      return;
    StringRef Name = Call->getMethodDecl()->getName();
    Waits |=
        llvm::is_contained(
            llvm::ArrayRef<StringRef>(
                {StringRef("join"), StringRef("get"), StringRef("wait")}),
            Name) &&
        isElement(Call->getImplicitObjectArgument(), Member, LoopVariables);
  });
  return Waits;
}

bool joinsOnDestruction(QualType Handle) {
  const CXXRecordDecl *Record = Handle->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && isInStd(*Record) &&
         Record->getName() == "jthread";
}
} // namespace

std::optional<HandleStore> findHandleStore(const CXXRecordDecl &Class,
                                           QualType Handle) {
  Handle = Handle.getCanonicalType().getUnqualifiedType();
  for (const FieldDecl *Field : Class.fields()) {
    QualType Element = elementType(Field->getType());
    if (Element.isNull() ||
        Element.getCanonicalType().getUnqualifiedType() != Handle)
      continue;
    HandleStore Store{Field, nullptr, joinsOnDestruction(Handle)};
    for (const CXXMethodDecl *Method : Class.methods()) {
      const FunctionDecl *Definition = nullptr;
      if (Method->hasBody(Definition) &&
          waitsForElements(*Definition->getBody(), *Field)) {
        Store.Waiter = Method;
        break;
      }
    }
    return Store;
  }
  return std::nullopt;
}

} // namespace clang::tidy::asynctidy
