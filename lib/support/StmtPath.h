//===--- StmtPath.h - where a statement sits in its function --------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_STMTPATH_H
#define ASYNCTIDY_SUPPORT_STMTPATH_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::asynctidy {

/// The statements that enclose \p Target below \p Root, innermost first,
/// found by walking down from \p Root (a function's body): one function,
/// and only for the few statements a check is about to report, where the
/// index of parents (support/Parents.h) would answer only upward.
/// Empty when \p Target is \p Root or not below it.
llvm::SmallVector<const Stmt *, 8> enclosingStmts(const Stmt &Target,
                                                  const Stmt &Root);

/// The body of \p Loop (for, range-for, while, do), or nullptr if \p Loop
/// is no loop.
const Stmt *loopBody(const Stmt &Loop);

/// Whether \p S is a loop that runs until its body leaves it: its condition
/// is absent or always true (`while (true)`, `for (;;)`, `do ... while (1)`).
bool isEndlessLoop(const Stmt &S, const ASTContext &Context);

/// Whether \p S, seen through the enclosing statements \p Enclosing (as
/// enclosingStmts() gives them), is a loop's body or a statement of it,
/// directly or in blocks nested in it: what it does is repeated per item.
bool isInLoopBody(const Stmt &S, llvm::ArrayRef<const Stmt *> Enclosing);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_STMTPATH_H
