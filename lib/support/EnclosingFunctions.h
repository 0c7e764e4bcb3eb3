//===--- EnclosingFunctions.h - which function holds a statement ----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H
#define ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <vector>

namespace clang::tidy::asynctidy {

/// Answers "which function or lambda encloses this statement?" for the
/// statements a check matches, without the parent map: asking the AST for
/// ancestors makes clang-tidy build that map for the whole translation unit,
/// which costs as much memory as a good part of the AST.
///
/// It relies on MatchFinder visiting a function before the statements of its
/// body: the check registers the matchers below and hands every result to
/// record() first; enclosing() is then asked about statements as they come.
class EnclosingFunctions {
public:
  /// Registers matchers for the definitions of functions and lambdas outside
  /// system headers, with \p Check as their callback.
  void registerMatchers(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback &Check);

  /// Records the function or lambda in \p Result, if the result comes from
  /// the matchers above; returns whether it did.
  bool record(const ast_matchers::MatchFinder::MatchResult &Result);

  /// The innermost recorded function or lambda call operator whose body
  /// holds \p S, or nullptr.
  const FunctionDecl *enclosing(const Stmt &S, const SourceManager &SM);

private:
  struct Entry {
    const FunctionDecl *Function;
    SourceRange Body;
  };
  bool contains(const Entry &E, SourceLocation Loc,
                const SourceManager &SM) const;
  void popUntilContains(SourceLocation Loc, const SourceManager &SM);
  std::vector<Entry> Stack;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_ENCLOSINGFUNCTIONS_H
