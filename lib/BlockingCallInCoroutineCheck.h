//===--- BlockingCallInCoroutineCheck.h - asynctidy -----------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_BLOCKINGCALLINCOROUTINECHECK_H
#define ASYNCTIDY_BLOCKINGCALLINCOROUTINECHECK_H

#include "support/AsyncTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::asynctidy {

/// Finds calls that block the thread inside coroutines: sleeps, joins, waits,
/// mutex locks, blocking file and socket I/O, and functions of the same
/// translation unit that make such calls.
///
/// For the user-facing documentation see
/// docs/checks/blocking-call-in-coroutine.md.
class BlockingCallInCoroutineCheck : public AsyncTidyCheck {
public:
  BlockingCallInCoroutineCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// The blocking call \p S makes directly, if it is one.
  const NamedDecl *blockingCallee(const Stmt &S) const;
  /// The first blocking call in the body of \p Function, looking through the
  /// functions it calls in this translation unit.
  const Stmt *blockingCallIn(const FunctionDecl &Function, unsigned Depth);
  void scan(const Stmt &Root, bool InHandler, ASTContext &Context);
  void report(const Stmt &Call, const NamedDecl &Callee, const Stmt *Inner,
              bool InHandler, ASTContext &Context);

  const NameList &BlockingFunctions;
  const NameList &BlockingTypes;
  const NameList &OffloadFunctions;
  std::string ReplacementsOption;
  llvm::StringMap<std::string> Replacements; // qualified name -> code
  // Per function of the translation unit: its first blocking call, or null.
  llvm::DenseMap<const FunctionDecl *, const Stmt *> BlockingFunctionCache;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_BLOCKINGCALLINCOROUTINECHECK_H
