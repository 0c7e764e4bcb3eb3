//===--- Compat.h - differences between the supported LLVM versions -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every difference between the clang and clang-tidy APIs of the supported LLVM
// versions (14, 15, 16, 19 and 22) is handled here, so that the checks need no
// #if of their own. Where an older version lacks a whole feature, the answer
// here is the one that keeps a check silent.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_COMPAT_H
#define ASYNCTIDY_COMPAT_H

#ifndef ASYNCTIDY_LLVM_MAJOR
#error "ASYNCTIDY_LLVM_MAJOR must be defined by the build"
#endif

#include "CompatLLVM.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/FileEntry.h"

// LLVM 22 moved the registry into ClangTidyModule.h and deprecated the old
// header.
#include "clang-tidy/ClangTidyModule.h"
#if ASYNCTIDY_LLVM_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::asynctidy::compat {

using namespace ::asynctidy::compat;

/// Whether \p Method is declared `= 0` (LLVM 18 renamed isPure).
inline bool isPureVirtual(const CXXMethodDecl &Method) {
#if ASYNCTIDY_LLVM_MAJOR >= 18
  return Method.isPureVirtual();
#else
  return Method.isPure();
#endif
}

/// The default argument of a template type parameter, or a null type when it
/// has none (LLVM 19 returns it as a TemplateArgumentLoc).
inline QualType defaultTypeArgument(const TemplateTypeParmDecl &Parameter) {
  if (!Parameter.hasDefaultArgument())
    return QualType();
#if ASYNCTIDY_LLVM_MAJOR >= 19
  const TemplateArgument &Default =
      Parameter.getDefaultArgument().getArgument();
  return Default.getKind() == TemplateArgument::Type ? Default.getAsType()
                                                     : QualType();
#else
  return Parameter.getDefaultArgument();
#endif
}

/// The name of a file that the SourceManager has seen: its file-info map is
/// keyed by FileEntryRef since LLVM 18, by FileEntry pointer before.
#if ASYNCTIDY_LLVM_MAJOR >= 18
inline llvm::StringRef fileName(FileEntryRef File) { return File.getName(); }
#else
inline llvm::StringRef fileName(const FileEntry *File) {
  return File->getName();
}
#endif

/// The operand of a co_await or co_yield as written. LLVM 15 keeps it apart;
/// before, only the common expression is kept, which is the promise's
/// await_transform call around the operand when the promise has one.
inline const Expr *suspendOperand(const CoroutineSuspendExpr &Suspend) {
#if ASYNCTIDY_LLVM_MAJOR >= 15
  return Suspend.getOperand();
#else
  const Expr *Common = Suspend.getCommonExpr();
  if (!Common)
    return nullptr;
  const auto *Transform =
      llvm::dyn_cast<CXXMemberCallExpr>(Common->IgnoreImplicit());
  const auto *Method = Transform ? Transform->getMethodDecl() : nullptr;
  if (Method && Method->getIdentifier() &&
      Method->getName() == "await_transform" && Transform->getNumArgs() == 1)
    return Transform->getArg(0);
  return Common;
#endif
}

/// clang-tidy's IncludeInserter that offers each header once per file, LLVM
/// 14's only behaviour (LLVM 15 made it an option, SelfContainedDiags).
class IncludeInserter : public utils::IncludeInserter {
public:
  explicit IncludeInserter(utils::IncludeSorter::IncludeStyle Style)
#if ASYNCTIDY_LLVM_MAJOR >= 15
      : utils::IncludeInserter(Style, /*SelfContainedDiags=*/false){}
#else
      : utils::IncludeInserter(Style) {
  }
#endif
};

} // namespace clang::tidy::asynctidy::compat

#endif // ASYNCTIDY_COMPAT_H
