//===--- ThreadEntries.h - the functions a program starts as threads ------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_THREADENTRIES_H
#define ASYNCTIDY_SUPPORT_THREADENTRIES_H

#include "support/NameList.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// The thread classes the checks know by default (option ThreadTypes).
inline constexpr llvm::StringLiteral DefaultThreadTypes =
    "::std::thread;::std::jthread;::boost::thread";

/// A callable started as a thread, and the function the thread runs.
struct ThreadStart {
  const Expr *Callable;
  const FunctionDecl *Entry;
};

/// Registers matchers, with \p Check as their callback, for callables
/// started as threads: `std::thread t(f, args...)` for the classes in
/// \p ThreadTypes, `threads.emplace_back(f)` and `emplace` into a container
/// of them, and calls of the functions in \p ThreadStarters.
void registerThreadStartMatchers(
    ast_matchers::MatchFinder &Finder,
    ast_matchers::MatchFinder::MatchCallback &Check,
    const NameList &ThreadTypes, const NameList &ThreadStarters);

/// The callable that \p Site starts as a thread, and the function the thread
/// runs, when \p Site is one of the starts above and the function can be
/// told: a lambda, a function, a member-function pointer, or an object with
/// one call operator.
std::optional<ThreadStart> threadStartAt(const Expr &Site,
                                         const NameList &ThreadTypes,
                                         const NameList &ThreadStarters);

/// The thread start in \p Result, if it comes from the matchers above.
std::optional<ThreadStart>
matchedThreadStart(const ast_matchers::MatchFinder::MatchResult &Result,
                   const NameList &ThreadTypes, const NameList &ThreadStarters);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_THREADENTRIES_H
