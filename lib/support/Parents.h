//===--- Parents.h - the parent of each statement of the user's code ------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_PARENTS_H
#define ASYNCTIDY_SUPPORT_PARENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"

namespace clang::tidy::asynctidy {

/// The parent of \p Node: for a statement, the statement, variable, data
/// member or function whose code holds it (a lambda's body has the lambda
/// as parent, not its call operator); for a declaration, the statement that
/// declares it or its lexical context. An empty node at the top, and for a
/// statement outside the traversal scope.
///
/// The answers come from an index of the statements of the traversal scope
/// (the user's code once UserCodeScope has narrowed it), built on the first
/// question in a translation unit and shared by every check of the run. It
/// records statements and their children (Stmt::children, so implicit nodes
/// such as casts and temporaries appear between the written ones), without
/// types, template instantiations or implicit declarations: several times
/// cheaper than clang's parent map, which records every node. The answers do
/// not depend on the order in which matches arrive.
DynTypedNode parentOf(const DynTypedNode &Node, ASTContext &Context);

/// Forgets the index of the previous translation unit; called when a
/// translation unit starts, since a new ASTContext may reuse the address of
/// the previous one.
void forgetParents();

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_PARENTS_H
