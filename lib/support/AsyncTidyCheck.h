//===--- AsyncTidyCheck.h - base of the asynctidy checks ------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_ASYNCTIDYCHECK_H
#define ASYNCTIDY_SUPPORT_ASYNCTIDYCHECK_H

#include "Compat.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeSorter.h"
#include "support/NameList.h"
#include "support/NoLint.h"
#include "llvm/Support/JSON.h"
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace clang::tidy::asynctidy {

/// A clang-tidy check whose options are validated when they are read: a
/// malformed value is reported as a configuration error that names the check
/// and the option, and each option is stored back under the name it was read
/// with.
class AsyncTidyCheck : public ClangTidyCheck {
public:
  AsyncTidyCheck(StringRef Name, ClangTidyContext *Context);
  ~AsyncTidyCheck() override;

  /// clang-tidy calls this. The check's matchers (registerUserCodeMatchers)
  /// join clang-tidy's one walk of the translation unit, which the first
  /// asynctidy check to start narrows to the code outside system headers
  /// (support/UserCodeScope.h), unless SystemHeaders is set.
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;

  /// Stores every option read through the helpers below. Checks that override
  /// this call it first.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// The checks match code as written: each template is judged once, in its
  /// definition, not once per instantiation. This also spares clang-tidy the
  /// parent map that asking "is this node in an instantiation?" would build
  /// for the whole translation unit.
  compat::Optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

protected:
  /// Reports like ClangTidyCheck::diag, under the module's rules for code
  /// that macros write (isSpelledByUser) and for the tests' own code
  /// (isInTestCode, unless IgnoreTestCode is false) and its demonstrations
  /// (isInExampleCode, unless IgnoreExampleCode is false): a warning at such a
  /// place is dropped, and so are the notes that follow it.
  DiagnosticBuilder diag(SourceLocation Loc, StringRef Description,
                         DiagnosticIDs::Level Level = DiagnosticIDs::Warning);
  using ClangTidyCheck::diag;

  /// Registers the check's matchers, which see the translation unit without
  /// the declarations of system headers (unless SystemHeaders is set).
  virtual void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) = 0;

  /// Reads the name-list option \p Option (see NameList), \p Default if unset.
  const NameList &readNameList(StringRef Option, StringRef Default);

  /// Reads an option naming one function, such as "log_error" or
  /// "::app::report"; an empty value means "not configured".
  std::string readFunctionName(StringRef Option, StringRef Default);

  /// Reads an option naming a size that fix-its paste into code: a positive
  /// integer or a constant's name ("1024", "kMaxPending"); empty if unset.
  std::string readSize(StringRef Option);

  /// Reads an option whose value is one of \p Choices, \p Default if unset.
  std::string readChoice(StringRef Option, StringRef Default,
                         llvm::ArrayRef<StringRef> Choices);

  /// Reads a boolean option ("true"/"false", "1"/"0"), \p Default if unset.
  /// Unlike clang-tidy's own reader, a malformed value is an error.
  bool readBool(StringRef Option, bool Default);

  /// Reads an option that counts something, a positive integer; \p Default
  /// if unset or malformed (a malformed value is an error).
  unsigned readCount(StringRef Option, unsigned Default);

  /// Reads IncludeStyle ("llvm" or "google"), local or global, for checks
  /// whose fix-its insert #include directives.
  utils::IncludeSorter::IncludeStyle readIncludeStyle();

  /// Reads FactsDirectory, local or global: where the checks that feed the
  /// whole-program merge write their facts; when unset, the environment's
  /// ASYNCTIDY_FACTS_DIRECTORY; empty (the default) for none.
  std::string readFactsDirectory();

  /// \p Loc for the facts (factsLocation). The merge may warn there, after
  /// clang-tidy has ended: when a warning of this check at \p Loc would be
  /// dropped (NOLINT, the rules of diag above), the place is also listed in
  /// the facts as silenced, and the merge drops its warnings there too.
  llvm::json::Value factsPlace(SourceLocation Loc);

  /// Writes \p Facts of the unit, and the silenced places, into the facts
  /// directory (see Facts.h); a failure is reported as an error of the
  /// check's configuration.
  void writeUnitFacts(StringRef Directory, const SourceManager &Sources,
                      llvm::json::Object Facts);

  /// The user-facing key of a local option, "async-check.Option".
  std::string optionKey(StringRef Option) const;

  /// The option's text as written (local, or also global with \p OrGlobal).
  std::string optionValue(StringRef Option, StringRef Default,
                          bool OrGlobal = false) const;

private:
  class UnitStart;
  void startTranslationUnit(ASTContext &Context);
  /// Reads a module-wide boolean option, local or global, default true.
  bool readModuleSwitch(StringRef Option);
  /// Whether the module's rules drop a warning at \p Loc (see diag).
  bool isDroppedByRules(SourceLocation Loc);

  const SourceManager *Sources = nullptr; // of the unit being matched
  bool IgnoreTestCode;
  bool IgnoreExampleCode;
  // Whether the unit includes a test framework, once asked.
  std::optional<bool> InTestUnit;
  // The unit's NOLINT comments, once the facts ask, and the places the facts
  // list as silenced (file, line).
  std::unique_ptr<NoLintComments> NoLint;
  std::set<std::pair<std::string, int64_t>> SilencedPlaces;
  std::unique_ptr<UnitStart> Start;
  std::string CheckName;
  bool SystemHeaders; // clang-tidy's option: report in system headers too
  std::deque<NameList> NameLists; // a deque keeps references stable
  std::vector<std::pair<std::string, std::string>> StoredOptions;
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_ASYNCTIDYCHECK_H
