//===--- ImplementationDetail.cpp - a library's implementation namespaces -===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/ImplementationDetail.h"
#include "clang/AST/Decl.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::asynctidy {

bool isImplementationDetail(const Decl &D) {
  static const llvm::Regex Name("^(details?|internal|impl)$|_(detail|internal|"
                                "impl)$");
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Namespace = llvm::dyn_cast<NamespaceDecl>(Context))
      if (Namespace->getIdentifier() && Name.match(Namespace->getName()))
        return true;
  return false;
}

} // namespace clang::tidy::asynctidy
