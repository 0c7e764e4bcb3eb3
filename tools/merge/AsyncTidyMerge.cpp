//===--- AsyncTidyMerge.cpp - the whole-program merge ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// asynctidy-merge reads the facts that asynctidy's checks recorded for each
// translation unit (option FactsDirectory) and reports what only the whole
// program shows, in clang-tidy's diagnostic format and, on request, as an
// -export-fixes YAML file. See docs/whole-program.md.
//
//===----------------------------------------------------------------------===//

#include "Facts.h"
#include "Findings.h"
#include "LockOrder.h"
#include "OnlyGrowing.h"
#include "Silenced.h"
#include "UnguardedMembers.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"

using namespace asynctidy::merge;

static llvm::cl::OptionCategory Category("asynctidy-merge options");
static llvm::cl::list<std::string>
    Inputs(llvm::cl::Positional, llvm::cl::OneOrMore,
           llvm::cl::desc("<facts directory or file>..."),
           llvm::cl::cat(Category));
static llvm::cl::opt<std::string>
    ExportFixes("export-fixes",
                llvm::cl::desc("Also write the findings to this YAML file, as "
                               "clang-tidy's -export-fixes does"),
                llvm::cl::value_desc("file"), llvm::cl::cat(Category));
static llvm::cl::opt<bool> WarningsAsErrors(
    "warnings-as-errors",
    llvm::cl::desc("Exit with status 1 when there is a finding"),
    llvm::cl::cat(Category));

static int fail(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "asynctidy-merge") << Message << "\n";
  return 2;
}

static llvm::Expected<std::vector<Finding>>
wholeProgramFindings(llvm::ArrayRef<UnitFacts> Units) {
  std::vector<Finding> All;
  for (auto *Analysis :
       {lockOrderCycles, onlyGrowingContainers, unguardedMembers}) {
    llvm::Expected<std::vector<Finding>> Some = Analysis(Units);
    if (!Some)
      return Some.takeError();
    All.insert(All.end(), Some->begin(), Some->end());
  }
  if (llvm::Error Error = dropSilenced(All, Units))
    return std::move(Error);
  sortFindings(All);
  return All;
}

static int writeExportFile(llvm::ArrayRef<Finding> Findings) {
  llvm::SmallString<256> Here;
  if (std::error_code Error = llvm::sys::fs::current_path(Here))
    return fail("cannot read the current directory: " + Error.message());
  std::error_code Error;
  llvm::raw_fd_ostream Out(ExportFixes, Error, llvm::sys::fs::OF_Text);
  if (Error)
    return fail(ExportFixes + ": " + Error.message());
  writeExportFixes(Out, Findings, Here);
  return 0;
}

int main(int argc, char **argv) {
  llvm::InitLLVM Init(argc, argv);
  llvm::cl::HideUnrelatedOptions(Category);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "asynctidy-merge: reports what only the whole program shows, from the "
      "facts\nthat asynctidy's checks recorded for each translation unit "
      "(option\nFactsDirectory). Paths in the facts are relative to the "
      "directory clang-tidy\nran in: run the merge there.\n");
  llvm::Expected<std::vector<UnitFacts>> Units = readFacts(Inputs);
  if (!Units)
    return fail(llvm::toString(Units.takeError()));
  if (Units->empty())
    llvm::WithColor::warning(llvm::errs(), "asynctidy-merge")
        << "no facts files: run async-lock-order-inversion, "
           "async-unbounded-container or async-unguarded-member with the "
           "option FactsDirectory (or "
           "ASYNCTIDY_FACTS_DIRECTORY) set to the directory given here\n";
  llvm::Expected<std::vector<Finding>> Findings = wholeProgramFindings(*Units);
  if (!Findings)
    return fail(llvm::toString(Findings.takeError()));
  printFindings(llvm::outs(), *Findings);
  llvm::outs().flush();
  if (!ExportFixes.empty())
    if (int Status = writeExportFile(*Findings))
      return Status;
  llvm::errs() << Findings->size() << " whole-program warning"
               << (Findings->size() == 1 ? "" : "s") << " from "
               << Units->size() << " facts file"
               << (Units->size() == 1 ? "" : "s") << ".\n";
  return WarningsAsErrors && !Findings->empty() ? 1 : 0;
}
