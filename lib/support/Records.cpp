//===--- Records.cpp - questions about classes ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Records.h"
#include "Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {

const CXXRecordDecl *recordOf(QualType Type) {
  if (Type.isNull())
    return nullptr;
  Type = Type.getNonReferenceType();
  while (const auto *Array = Type->getAsArrayTypeUnsafe())
    Type = Array->getElementType();
  return Type->getAsCXXRecordDecl();
}

std::vector<const FunctionDecl *>
memberFunctionsNeedingBodies(const CXXRecordDecl &Class) {
  std::vector<const FunctionDecl *> Needed;
  for (const CXXMethodDecl *Method : Class.methods())
    if (!Method->isImplicit() && !Method->isDefaulted() &&
        !Method->isDeleted() && !compat::isPureVirtual(*Method))
      Needed.push_back(Method);
  for (const Decl *D : Class.decls())
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(D))
      Needed.push_back(Template->getTemplatedDecl());
  return Needed;
}

bool definesEveryMemberFunction(const CXXRecordDecl &Class) {
  return llvm::all_of(memberFunctionsNeedingBodies(Class),
                      [](const FunctionDecl *F) { return F->hasBody(); });
}

const CXXRecordDecl *classOf(QualType Type) {
  if (const CXXRecordDecl *Record = recordOf(Type))
    return Record;
  const auto *Specialization =
      Type.isNull()
          ? nullptr
          : Type.getNonReferenceType()->getAs<TemplateSpecializationType>();
  const TemplateDecl *Template =
      Specialization ? Specialization->getTemplateName().getAsTemplateDecl()
                     : nullptr;
  return Template ? llvm::dyn_cast_or_null<CXXRecordDecl>(
                        Template->getTemplatedDecl())
                  : nullptr;
}

/// The access that \p Spec spells: `public`, unless it is a macro named
/// after another access (`#define private public`).
static AccessSpecifier spelledAccess(const AccessSpecDecl &Spec) {
  SourceLocation Loc = Spec.getAccessSpecifierLoc();
  if (!Loc.isMacroID())
    return Spec.getAccess();
  const ASTContext &Context = Spec.getASTContext();
  StringRef Macro = Lexer::getImmediateMacroName(
      Loc, Context.getSourceManager(), Context.getLangOpts());
  if (Macro == "private")
    return AS_private;
  if (Macro == "protected")
    return AS_protected;
  return Spec.getAccess();
}

AccessSpecifier writtenAccess(const CXXMethodDecl &Method) {
  const Decl *InClass = Method.getCanonicalDecl();
  const CXXRecordDecl *Class = Method.getParent();
  AccessSpecifier Access = Class->isClass() ? AS_private : AS_public;
  for (const Decl *Member : Class->decls()) {
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(Member))
      Member = Template->getTemplatedDecl();
    if (Member->getCanonicalDecl() == InClass)
      return Access;
    if (const auto *Spec = llvm::dyn_cast<AccessSpecDecl>(Member))
      Access = spelledAccess(*Spec);
  }
  return Method.getAccess();
}

bool declaresMember(const CXXRecordDecl &Record, llvm::StringRef Name) {
  if (!Record.hasDefinition())
    return false;
  const CXXRecordDecl &Definition = *Record.getDefinition();
  if (!Definition.lookup(&Definition.getASTContext().Idents.get(Name)).empty())
    return true;
  for (const CXXBaseSpecifier &Base : Definition.bases())
    if (const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl())
      if (declaresMember(*BaseRecord, Name))
        return true;
  return false;
}

bool isInStd(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (Context->isStdNamespace())
      return true;
  return false;
}

bool isDeclaredInStd(const ASTContext &Context, llvm::StringRef Name) {
  const TranslationUnitDecl *Unit = Context.getTranslationUnitDecl();
  for (const NamedDecl *Std : Unit->lookup(&Context.Idents.get("std")))
    if (const auto *Namespace = llvm::dyn_cast<NamespaceDecl>(Std)) {
      // libstdc++ and libc++ declare them in an inline namespace of std.
      for (const NamedDecl *Found :
           Namespace->lookup(&Context.Idents.get(Name)))
        if (Found)
          return true;
      for (const Decl *Member : Namespace->decls())
        if (const auto *Inline = llvm::dyn_cast<NamespaceDecl>(Member);
            Inline && Inline->isInline() &&
            !Inline->lookup(&Context.Idents.get(Name)).empty())
          return true;
    }
  return false;
}

} // namespace clang::tidy::asynctidy
