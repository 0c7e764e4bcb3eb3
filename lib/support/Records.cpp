//===--- Records.cpp - questions about classes ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/Records.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::asynctidy {

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

} // namespace clang::tidy::asynctidy
