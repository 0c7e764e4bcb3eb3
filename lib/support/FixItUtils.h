//===--- FixItUtils.h - when and how the checks may edit code -------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_FIXITUTILS_H
#define ASYNCTIDY_SUPPORT_FIXITUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::asynctidy {

/// Whether clang had to recover from an error somewhere inside \p S.
bool hasRecoveredCode(const Stmt &S);

/// Whether a fix-it may rewrite \p S: every token of it is written in one file
/// (no part comes from a macro expansion) and clang did not have to recover
/// from an error anywhere inside it.
bool isSafeToEdit(const Stmt &S, const ASTContext &Context);

/// The source text of \p S, if it is safe to edit.
std::optional<std::string> sourceText(const Stmt &S, const ASTContext &Context);

/// The whitespace that starts the line on which \p Loc stands.
std::string indentationOf(SourceLocation Loc, const SourceManager &SM);

/// Whether the braces of \p Body stand on one line, as in "{ f(); }".
bool isOnOneLine(const CompoundStmt &Body, const SourceManager &SM);

/// Whether \p Body has no statement left in the AST although code stands
/// between its braces: clang dropped statements it could not parse, or the
/// preprocessor left them out. Such a body must not be judged as empty.
bool hasHiddenCode(const CompoundStmt &Body, const ASTContext &Context);

/// The start of every line that begins after \p Begin and before \p End and
/// holds more than white space: where a fix-it indents a block deeper.
std::vector<SourceLocation> lineStartsBetween(SourceLocation Begin,
                                              SourceLocation End,
                                              const SourceManager &SM);

/// \p Text with \p Extra added at the start of every line after the first
/// that is not blank: for code moved one level deeper.
std::string indentLinesAfterFirst(llvm::StringRef Text, llvm::StringRef Extra);

/// Where statement \p S ends, past its closing `;` or `}`; invalid if that
/// cannot be told.
SourceLocation endOfStatement(const Stmt &S, const ASTContext &Context);

/// Whether a variable named \p Name declared at the start of \p S would
/// neither clash with nor hide anything \p S uses: the identifier appears
/// in it only as a member name, after `.` or `->`.
bool isNameFreeIn(llvm::StringRef Name, const Stmt &S,
                  const ASTContext &Context);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_FIXITUTILS_H
