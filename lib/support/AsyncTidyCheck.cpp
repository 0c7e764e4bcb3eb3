//===--- AsyncTidyCheck.cpp - base of the asynctidy checks ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/AsyncTidyCheck.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::asynctidy {

AsyncTidyCheck::AsyncTidyCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()) {}

std::string AsyncTidyCheck::optionKey(StringRef Option) const {
  return CheckName + "." + Option.str();
}

const NameList &AsyncTidyCheck::readNameList(StringRef Option,
                                             StringRef Default) {
  StringRef Value = Options.get(Option, Default);
  StoredOptions.emplace_back(Option.str(), Value.str());
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
  StringRef Value = Options.get(Option, Default).trim();
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

bool AsyncTidyCheck::readBool(StringRef Option, bool Default) {
  StringRef Value = Options.get(Option, Default ? "true" : "false").trim();
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

utils::IncludeSorter::IncludeStyle AsyncTidyCheck::readIncludeStyle() {
  StringRef Value = Options.getLocalOrGlobal("IncludeStyle", "llvm").trim();
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

void AsyncTidyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Name, Value] : StoredOptions)
    Options.store(Opts, Name, Value);
}

} // namespace clang::tidy::asynctidy
