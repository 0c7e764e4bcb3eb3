//===--- Coroutines.h - facts about coroutine types -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_COROUTINES_H
#define ASYNCTIDY_SUPPORT_COROUTINES_H

#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// The `T` of an Asio `awaitable<T>` (standalone or Boost) that \p E is, or
/// that \p E returns when called without arguments, as the argument of
/// `co_spawn` is; std::nullopt when \p E is neither.
std::optional<QualType> asioAwaitableResultType(const Expr &E);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_COROUTINES_H
