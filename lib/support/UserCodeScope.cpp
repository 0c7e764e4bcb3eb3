//===--- UserCodeScope.cpp - the traversal scope of the user's code -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/UserCodeScope.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::asynctidy {

bool narrowToUserCode(ASTContext &Context) {
  std::vector<Decl *> Scope = Context.getTraversalScope();
  if (Scope.size() != 1 || !llvm::isa<TranslationUnitDecl>(Scope.front()))
    return false;
  const SourceManager &SM = Context.getSourceManager();
  std::vector<Decl *> UserCode;
  for (Decl *TopLevel : Context.getTranslationUnitDecl()->decls()) {
    SourceLocation Loc = TopLevel->getLocation();
    if (Loc.isInvalid() || !SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      UserCode.push_back(TopLevel);
  }
  Context.setTraversalScope(UserCode);
  return true;
}

} // namespace clang::tidy::asynctidy
