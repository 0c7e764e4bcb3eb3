//===--- ImplementationDetail.cpp - a library's implementation namespaces -===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/ImplementationDetail.h"
#include "Compat.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::asynctidy {

/// Whether a namespace called \p Name hides a library's implementation:
/// detail(s), internal, impl, or a name ending in _detail, _internal, _impl.
/// String tests, not a regular expression: this runs for the callee of every
/// call in the user's code.
static bool isImplementationNamespaceName(StringRef Name) {
  if (Name == "details")
    return true;
  for (StringRef Word : {"detail", "internal", "impl"}) {
    StringRef Rest = Name;
    if (Rest.consume_back(Word) &&
        (Rest.empty() || compat::endsWith(Rest, "_")))
      return true;
  }
  return false;
}

bool isImplementationDetail(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Namespace = llvm::dyn_cast<NamespaceDecl>(Context))
      if (Namespace->getIdentifier() &&
          isImplementationNamespaceName(Namespace->getName()))
        return true;
  return false;
}

} // namespace clang::tidy::asynctidy
