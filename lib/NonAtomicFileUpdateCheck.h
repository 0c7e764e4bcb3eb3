//===--- NonAtomicFileUpdateCheck.h - asynctidy ---------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_NONATOMICFILEUPDATECHECK_H
#define ASYNCTIDY_NONATOMICFILEUPDATECHECK_H

#include "support/AsyncTidyCheck.h"
#include <optional>

namespace clang::tidy::asynctidy {

/// Finds functions that read a file and then rewrite the same path in
/// place, instead of writing a temporary file and renaming it.
///
/// For the user-facing documentation see
/// docs/checks/non-atomic-file-update.md.
class NonAtomicFileUpdateCheck : public AsyncTidyCheck {
public:
  NonAtomicFileUpdateCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// What a statement does to a file: opens it for reading, or replaces
  /// its contents where it stands.
  struct FileAccess {
    const Expr *Path;
    const Expr *Where;
    bool Reads;
    bool Rewrites;
  };

  /// What \p S does to a file, if it opens one.
  static std::optional<FileAccess> fileAccess(const Stmt &S);
  /// A file stream opened on \p Path, by its constructor or open().
  static std::optional<FileAccess> streamAccess(const CXXRecordDecl &Stream,
                                                const Expr *Path,
                                                const Expr *Mode,
                                                const Expr *Where);
  /// fopen(path, mode) and the std::filesystem helpers that replace a file.
  static std::optional<FileAccess> callAccess(const CallExpr &Call);

  void report(const FileAccess &Rewrite, const FileAccess &Read,
              const FunctionDecl *ReadIn);

  /// Accesses to a path that the object names (`path_`, `index_path()`,
  /// `dir_ / "index"`), by the member function that makes them: a read in
  /// load() and a rewrite in save() update the same file.
  struct MemberAccess {
    FileAccess Access;
    const CXXMethodDecl *Method;
  };
  std::vector<MemberAccess> MemberReads, MemberRewrites;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_NONATOMICFILEUPDATECHECK_H
