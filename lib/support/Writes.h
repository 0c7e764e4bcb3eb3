//===--- Writes.h - what a statement writes to ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_WRITES_H
#define ASYNCTIDY_SUPPORT_WRITES_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::asynctidy {

/// Calls \p Written with each expression that \p S, on its own (not its
/// children), writes through: the left side of an assignment, the operand of
/// an increment or a decrement, the object of a non-const member function or
/// operator, the base of a member call that a template leaves unresolved,
/// and an argument that the callee may modify (bound to a non-const
/// reference, a pointer to it, an array). \p ThroughPointer is true for
/// `p->f()`, which changes what the pointer points to, not the pointer.
///
/// The non-const overload of an accessor (`v.back()`, `v[i]`: see
/// isAccessorOverload) is not a write by itself; `v[i] = x` writes through
/// `v[i]`, whose object accessedObject gives.
void forEachWrite(
    const Stmt &S,
    llvm::function_ref<void(const Expr &Target, bool ThroughPointer)> Written);

/// Whether \p Method is the non-const overload of an accessor that also has
/// a const one (`back()`, `begin()`, `operator[]` of a vector): calling it
/// reads, unless what it returns is written.
bool isAccessorOverload(const CXXMethodDecl &Method);

/// The object whose part \p E is when \p E is an accessor call on it
/// (`items_[i]`, `items_.back()`), or null.
const Expr *accessedObject(const Expr *E);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_WRITES_H
