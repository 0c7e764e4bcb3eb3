//===--- UserCodeScope.h - the traversal scope of the user's code ---------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_USERCODESCOPE_H
#define ASYNCTIDY_SUPPORT_USERCODESCOPE_H

#include "clang/AST/ASTContext.h"

namespace clang::tidy::asynctidy {

/// Narrows the traversal scope of \p Context from the whole translation unit
/// to its top-level declarations outside system headers, and returns whether
/// it did. A scope that is already narrower (clangd's main-file declarations,
/// or a narrowing done before) is left as it is.
///
/// Called when the translation unit itself is matched, that is before
/// clang-tidy's MatchFinder walks its children, so that the one walk that
/// serves every check, and the index of parents (support/Parents.h) built
/// on demand, cover the user's code only: in a unit that includes Asio or much
/// of the standard library, the headers are most of the AST. This is what
/// clang-tidy 21 and later do themselves for matching (unless SystemHeaders is
/// set); the narrowed scope also keeps the index of parents to the user's code
/// on those versions. The scope is not restored: clang-tidy drops the AST after
/// the walk, and clangd's own scope holds no system-header declaration.
bool narrowToUserCode(ASTContext &Context);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_USERCODESCOPE_H
