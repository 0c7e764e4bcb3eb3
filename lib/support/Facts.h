//===--- Facts.h - recording facts for the whole-program merge ------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_FACTS_H
#define ASYNCTIDY_SUPPORT_FACTS_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace clang::tidy::asynctidy {

/// How a declaration is named in the facts of every translation unit: its
/// qualified name (and a function's type), prefixed with the unit's file when
/// it has no external linkage, so that two units name the same entity alike
/// and distinct internal ones differently.
std::string factsKey(const NamedDecl &D, const SourceManager &Sources);

/// The name the merge shows for \p D: its qualified name.
std::string factsName(const NamedDecl &D);

/// \p Loc as [file, line, column, offset], at the place in a file where a
/// warning there would be shown (the expansion of a macro).
llvm::json::Value factsLocation(SourceLocation Loc,
                                const SourceManager &Sources);

/// Writes \p Facts, with the format, version, check and unit added, as one
/// file in \p Directory (made if missing). The file appears whole or not at
/// all. Returns an error message, or an empty string.
std::string writeFacts(StringRef Directory, StringRef Check,
                       const SourceManager &Sources, llvm::json::Object Facts);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_FACTS_H
