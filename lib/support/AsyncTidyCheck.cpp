//===--- AsyncTidyCheck.cpp - base of the asynctidy checks ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/AsyncTidyCheck.h"
#include "support/Facts.h"
#include "support/LockScopes.h"
#include "support/MacroOrigin.h"
#include "support/Parents.h"
#include "support/TestCode.h"
#include "support/UserCodeScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Regex.h"
#include <cstdlib>

namespace clang::tidy::asynctidy {

/// A matcher on the translation unit, which MatchFinder meets before any
/// other node (also in clangd, whose walk of the open file's declarations
/// starts there: test/clangd/reporting-rules.test): it prepares the check's
/// reporting for the unit and narrows the one walk to the user's code
/// (narrowToUserCode).
class AsyncTidyCheck::UnitStart
    : public ast_matchers::MatchFinder::MatchCallback {
public:
  explicit UnitStart(AsyncTidyCheck &Check) : Check(Check) {}
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override {
    Check.startTranslationUnit(*Result.Context);
  }
  // Before the walk, on every run (clangd parses the file again after each
  // edit): a new unit may reuse the addresses of the previous one's nodes.
  void onStartOfTranslationUnit() override {
    forgetParents();
    forgetLockFlows();
  }
  // clang-tidy's check profile counts the time under the check's name.
  StringRef getID() const override { return Check.CheckName; }

private:
  AsyncTidyCheck &Check;
};

AsyncTidyCheck::AsyncTidyCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()),
      SystemHeaders(
          compat::toStd(Context->getOptions().SystemHeaders).value_or(false)) {
  // Switches for every check, so they are also global options.
  IgnoreTestCode = readModuleSwitch("IgnoreTestCode");
  IgnoreExampleCode = readModuleSwitch("IgnoreExampleCode");
}

bool AsyncTidyCheck::readModuleSwitch(StringRef Option) {
  std::string Text = optionValue(Option, "true", /*OrGlobal=*/true);
  StringRef Value = StringRef(Text).trim();
  bool On = !(Value.equals_insensitive("false") || Value == "0");
  if (On && !Value.equals_insensitive("true") && Value != "1")
    configurationDiag("option '%0' must be 'true' or 'false', not '%1'; "
                      "'true' is used",
                      DiagnosticIDs::Error)
        << optionKey(Option) << Value;
  StoredOptions.emplace_back(Option.str(), On ? "true" : "false");
  return On;
}

AsyncTidyCheck::~AsyncTidyCheck() = default;

std::string AsyncTidyCheck::optionValue(StringRef Option, StringRef Default,
                                        bool OrGlobal) const {
  // A std::string: until LLVM 15 the options are returned as one.
  return OrGlobal ? std::string(Options.getLocalOrGlobal(Option, Default))
                  : std::string(Options.get(Option, Default));
}

void AsyncTidyCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Start = std::make_unique<UnitStart>(*this);
  Finder->addMatcher(ast_matchers::translationUnitDecl(), Start.get());
  registerUserCodeMatchers(Finder);
}

void AsyncTidyCheck::startTranslationUnit(ASTContext &Context) {
  // With SystemHeaders set, the user asked for the headers' code too.
  if (!SystemHeaders)
    narrowToUserCode(Context);
  Sources = &Context.getSourceManager();
  InTestUnit.reset();
  NoLint.reset();
  SilencedPlaces.clear();
}

bool AsyncTidyCheck::isDroppedByRules(SourceLocation Loc) {
  auto UnitIncludesFramework = [&] {
    if (!InTestUnit)
      InTestUnit = includesTestFramework(*Sources);
    return *InTestUnit;
  };
  return Sources && (!isSpelledByUser(Loc, *Sources) ||
                     (IgnoreTestCode &&
                      isInTestCode(Loc, *Sources, UnitIncludesFramework)) ||
                     (IgnoreExampleCode && isInExampleCode(Loc, *Sources)));
}

DiagnosticBuilder AsyncTidyCheck::diag(SourceLocation Loc,
                                       StringRef Description,
                                       DiagnosticIDs::Level Level) {
  // An ignored diagnostic is dropped by the diagnostics engine, and the
  // notes after it with it.
  if (Level == DiagnosticIDs::Warning && isDroppedByRules(Loc))
    Level = DiagnosticIDs::Ignored;
  return ClangTidyCheck::diag(Loc, Description, Level);
}

std::string AsyncTidyCheck::optionKey(StringRef Option) const {
  return CheckName + "." + Option.str();
}

const NameList &AsyncTidyCheck::readNameList(StringRef Option,
                                             StringRef Default) {
  std::string Value = optionValue(Option, Default);
  StoredOptions.emplace_back(Option.str(), Value);
  NameLists.push_back(
      NameList::parse(Value, [&](StringRef Entry, StringRef Why) {
        configurationDiag("invalid regular expression '%0' in option '%1': "
                          "%2; the entry is ignored",
                          DiagnosticIDs::Error)
            << Entry << optionKey(Option) << Why;
      }));
  return NameLists.back();
}

std::string AsyncTidyCheck::readFunctionName(StringRef Option,
                                             StringRef Default) {
  std::string Text = optionValue(Option, Default);
  StringRef Value = StringRef(Text).trim();
  StoredOptions.emplace_back(Option.str(), Value.str());
  // The value is pasted into fix-its, so it must be a name and nothing else.
  static const llvm::Regex QualifiedIdentifier(
      "^(::)?[A-Za-z_][A-Za-z_0-9]*(::[A-Za-z_][A-Za-z_0-9]*)*$");
  if (Value.empty() || QualifiedIdentifier.match(Value))
    return Value.str();
  configurationDiag("option '%0' must name a function, such as "
                    "'log_error' or '::app::report', not '%1'; no fix-it "
                    "will call it",
                    DiagnosticIDs::Error)
      << optionKey(Option) << Value;
  return "";
}

std::string AsyncTidyCheck::readSize(StringRef Option) {
  std::string Text = optionValue(Option, "");
  StringRef Value = StringRef(Text).trim();
  StoredOptions.emplace_back(Option.str(), Value.str());
  static const llvm::Regex Size("^([1-9][0-9]*|(::)?[A-Za-z_][A-Za-z_0-9]*"
                                "(::[A-Za-z_][A-Za-z_0-9]*)*)$");
  if (Value.empty() || Size.match(Value))
    return Value.str();
  configurationDiag("option '%0' must be a positive integer or the name of a "
                    "constant, such as '1024' or 'kMaxPending', not '%1'; no "
                    "fix-it will use it",
                    DiagnosticIDs::Error)
      << optionKey(Option) << Value;
  return "";
}

std::string AsyncTidyCheck::readChoice(StringRef Option, StringRef Default,
                                       llvm::ArrayRef<StringRef> Choices) {
  std::string Text = optionValue(Option, Default);
  StringRef Value = StringRef(Text).trim();
  if (!llvm::is_contained(Choices, Value)) {
    configurationDiag("option '%0' must be one of '%1', not '%2'; '%3' is used",
                      DiagnosticIDs::Error)
        << optionKey(Option) << llvm::join(Choices, "', '") << Value << Default;
    Value = Default;
  }
  StoredOptions.emplace_back(Option.str(), Value.str());
  return Value.str();
}

bool AsyncTidyCheck::readBool(StringRef Option, bool Default) {
  std::string Text = optionValue(Option, Default ? "true" : "false");
  StringRef Value = StringRef(Text).trim();
  bool Result = Default;
  if (Value.equals_insensitive("true") || Value == "1")
    Result = true;
  else if (Value.equals_insensitive("false") || Value == "0")
    Result = false;
  else
    configurationDiag("option '%0' must be 'true' or 'false', not '%1'; "
                      "'%2' is used",
                      DiagnosticIDs::Error)
        << optionKey(Option) << Value << (Default ? "true" : "false");
  StoredOptions.emplace_back(Option.str(), Result ? "true" : "false");
  return Result;
}

unsigned AsyncTidyCheck::readCount(StringRef Option, unsigned Default) {
  std::string Text = optionValue(Option, std::to_string(Default));
  StringRef Value = StringRef(Text).trim();
  unsigned Result = Default;
  if (Value.getAsInteger(10, Result) || Result == 0) {
    configurationDiag("option '%0' must be a positive integer, not '%1'; "
                      "'%2' is used",
                      DiagnosticIDs::Error)
        << optionKey(Option) << Value << Default;
    Result = Default;
  }
  StoredOptions.emplace_back(Option.str(), std::to_string(Result));
  return Result;
}

utils::IncludeSorter::IncludeStyle AsyncTidyCheck::readIncludeStyle() {
  std::string Text = optionValue("IncludeStyle", "llvm", /*OrGlobal=*/true);
  StringRef Value = StringRef(Text).trim();
  auto Style = utils::IncludeSorter::IS_LLVM;
  if (Value.equals_insensitive("google"))
    Style = utils::IncludeSorter::IS_Google;
  else if (!Value.equals_insensitive("llvm"))
    configurationDiag("option '%0' must be 'llvm' or 'google', not '%1'; "
                      "'llvm' is used",
                      DiagnosticIDs::Error)
        << optionKey("IncludeStyle") << Value;
  StoredOptions.emplace_back("IncludeStyle",
                             Style == utils::IncludeSorter::IS_Google ? "google"
                                                                      : "llvm");
  return Style;
}

std::string AsyncTidyCheck::readFactsDirectory() {
  std::string Value =
      StringRef(optionValue("FactsDirectory", "", /*OrGlobal=*/true))
          .trim()
          .str();
  StoredOptions.emplace_back("FactsDirectory", Value);
  // A directory that cannot be made is known now; it is made when the first
  // facts are written.
  llvm::sys::fs::file_status Status;
  std::error_code Error = llvm::sys::fs::status(Value, Status);
  if (!Value.empty() &&
      ((Error && Error != std::errc::no_such_file_or_directory) ||
       (!Error && !llvm::sys::fs::is_directory(Status)))) {
    configurationDiag("cannot record whole-program facts in '%0' (option "
                      "'%1'): %2",
                      DiagnosticIDs::Error)
        << Value << optionKey("FactsDirectory")
        << (Error ? Error.message() : "not a directory");
    return "";
  }
  // The run-clang-tidy wrapper and the Bazel aspect set the directory in the
  // environment, so that the user's configuration stays as it is.
  if (Value.empty())
    if (const char *FromEnvironment = std::getenv("ASYNCTIDY_FACTS_DIRECTORY"))
      Value = FromEnvironment;
  return Value;
}

llvm::json::Value AsyncTidyCheck::factsPlace(SourceLocation Loc) {
  llvm::json::Value Place = factsLocation(Loc, *Sources);
  if (!NoLint)
    NoLint = std::make_unique<NoLintComments>(*Sources, CheckName);
  if (NoLint->silences(Loc) || isDroppedByRules(Loc)) {
    const llvm::json::Array &Parts = *Place.getAsArray();
    SilencedPlaces.insert(
        {Parts[0].getAsString()->str(), *Parts[1].getAsInteger()});
  }
  return Place;
}

void AsyncTidyCheck::writeUnitFacts(StringRef Directory,
                                    const SourceManager &Sources,
                                    llvm::json::Object Facts) {
  llvm::json::Array Silenced;
  for (const auto &[File, Line] : SilencedPlaces)
    Silenced.push_back(llvm::json::Array{File, Line});
  Facts["silenced"] = std::move(Silenced);
  SilencedPlaces.clear();
  std::string Error =
      writeFacts(Directory, CheckName, Sources, std::move(Facts));
  if (!Error.empty())
    configurationDiag("cannot record whole-program facts in '%0' (option "
                      "'%1'): %2",
                      DiagnosticIDs::Error)
        << Directory << optionKey("FactsDirectory") << Error;
}

void AsyncTidyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Name, Value] : StoredOptions)
    Options.store(Opts, Name, Value);
}

} // namespace clang::tidy::asynctidy
