//===--- Parents.cpp - the parent of each statement of the user's code ----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"
#include <memory>

namespace clang::tidy::asynctidy {
namespace {

using Node = llvm::PointerUnion<const Stmt *, const Decl *>;

class ParentIndex {
public:
  explicit ParentIndex(const ASTContext &Context) {
    for (const Decl *D : Context.getTraversalScope())
      addDecl(*D);
  }

  Node parentOf(Node Child) const {
    auto Found = Parents.find(Child.getOpaqueValue());
    if (Found != Parents.end())
      return Found->second;
    // Declarations outside function bodies are not recorded: their lexical
    // context is their parent.
    if (const auto *D = Child.dyn_cast<const Decl *>())
      if (const DeclContext *Context = D->getLexicalDeclContext())
        return Decl::castFromDeclContext(Context);
    return nullptr;
  }

private:
  llvm::DenseMap<const void *, Node> Parents;

  void addDecl(const Decl &D);
  void addFunction(const FunctionDecl &Function);
  void addStmt(const Stmt &Root, Node Parent);
  void addDeclStmt(const DeclStmt &Declarations,
                   llvm::SmallVectorImpl<std::pair<const Stmt *, Node>> &Work);
};

/// Whether \p D is code the user wrote, rather than what the compiler made
/// from it (implicit members, template instantiations).
bool isWritten(const Decl &D) {
  if (D.isImplicit())
    return false;
  if (const auto *Function = llvm::dyn_cast<FunctionDecl>(&D))
    return Function->getTemplateSpecializationKind() !=
           TSK_ImplicitInstantiation;
  if (const auto *Record = llvm::dyn_cast<ClassTemplateSpecializationDecl>(&D))
    return Record->getSpecializationKind() == TSK_ExplicitSpecialization;
  return true;
}

void ParentIndex::addDecl(const Decl &D) {
  if (!isWritten(D))
    return;
  if (const auto *Template = llvm::dyn_cast<TemplateDecl>(&D)) {
    if (const NamedDecl *Pattern = Template->getTemplatedDecl())
      addDecl(*Pattern);
    return;
  }
  if (const auto *Function = llvm::dyn_cast<FunctionDecl>(&D))
    return addFunction(*Function);
  if (const auto *Var = llvm::dyn_cast<VarDecl>(&D)) {
    if (const Expr *Init = Var->getInit())
      addStmt(*Init, &D);
    return;
  }
  if (const auto *Field = llvm::dyn_cast<FieldDecl>(&D)) {
    if (const Expr *Init = Field->getInClassInitializer())
      addStmt(*Init, &D);
    return;
  }
  // Namespaces, classes, linkage specifications: their members.
  if (const auto *Context = llvm::dyn_cast<DeclContext>(&D))
    for (const Decl *Member : Context->decls())
      addDecl(*Member);
}

void ParentIndex::addFunction(const FunctionDecl &Function) {
  if (!Function.doesThisDeclarationHaveABody())
    return;
  if (const auto *Constructor = llvm::dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isWritten() && Init->getInit())
        addStmt(*Init->getInit(), &Function);
  if (const Stmt *Body = Function.getBody())
    addStmt(*Body, &Function);
}

void ParentIndex::addStmt(const Stmt &Root, Node Parent) {
  llvm::SmallVector<std::pair<const Stmt *, Node>, 32> Work{{&Root, Parent}};
  while (!Work.empty()) {
    auto [S, Above] = Work.pop_back_val();
    // A statement reached twice (an operand that an implicit node shares)
    // keeps its first parent, and its children are recorded once.
    if (!Parents.try_emplace(S, Above).second)
      continue;
    if (const auto *Declarations = llvm::dyn_cast<DeclStmt>(S)) {
      addDeclStmt(*Declarations, Work);
      continue;
    }
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back({Child, S});
    // The initializer list as written, whose designators the semantic form
    // that children() walks has dropped.
    if (const auto *List = llvm::dyn_cast<InitListExpr>(S))
      if (const InitListExpr *Written = List->getSyntacticForm())
        Work.push_back({Written, S});
  }
}

void ParentIndex::addDeclStmt(
    const DeclStmt &Declarations,
    llvm::SmallVectorImpl<std::pair<const Stmt *, Node>> &Work) {
  for (const Decl *D : Declarations.decls()) {
    Parents.try_emplace(D, &Declarations);
    const auto *Var = llvm::dyn_cast<VarDecl>(D);
    if (!Var) {
      addDecl(*D); // a local class, or a function declared in a block
      continue;
    }
    // The variables the compiler declares (a range-based for's range) stand
    // aside: their initializer is the statement's.
    if (const Expr *Init = Var->getInit())
      Work.push_back({Init, Var->isImplicit() ? Node(&Declarations) : Var});
  }
}

/// The index of the translation unit being checked. Each translation unit
/// is checked on one thread (clangd checks several at once, on several).
struct UnitIndex {
  const ASTContext *Context = nullptr;
  std::unique_ptr<ParentIndex> Index;
};
thread_local UnitIndex Current;

DynTypedNode toDynTypedNode(Node N) {
  if (const auto *S = N.dyn_cast<const Stmt *>())
    return DynTypedNode::create(*S);
  if (const auto *D = N.dyn_cast<const Decl *>())
    return DynTypedNode::create(*D);
  return {};
}

} // namespace

DynTypedNode parentOf(const DynTypedNode &Child, ASTContext &Context) {
  Node Key;
  if (const auto *S = Child.get<Stmt>())
    Key = S;
  else if (const auto *D = Child.get<Decl>())
    Key = D;
  else
    return {};
  if (Current.Context != &Context || !Current.Index) {
    Current.Index = std::make_unique<ParentIndex>(Context);
    Current.Context = &Context;
  }
  return toDynTypedNode(Current.Index->parentOf(Key));
}

void forgetParents() { Current = UnitIndex(); }

} // namespace clang::tidy::asynctidy
