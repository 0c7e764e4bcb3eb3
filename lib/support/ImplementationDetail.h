//===--- ImplementationDetail.h - a library's implementation namespaces ---===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_IMPLEMENTATIONDETAIL_H
#define ASYNCTIDY_SUPPORT_IMPLEMENTATIONDETAIL_H

#include "clang/AST/DeclBase.h"

namespace clang::tidy::asynctidy {

/// Whether \p D is declared, at any depth, in a namespace that a library
/// keeps for its implementation: `detail`, `details`, `internal`, `impl`, or
/// a name ending in `_detail`, `_internal` or `_impl` (`flags_internal`).
/// Its users are the library's own code, not the library's users.
bool isImplementationDetail(const Decl &D);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_IMPLEMENTATIONDETAIL_H
