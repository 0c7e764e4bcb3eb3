//===--- Findings.cpp - what the merge reports, and how -------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Findings.h"
#include <tuple>

namespace asynctidy::merge {

namespace {
void printLine(llvm::raw_ostream &Out, const Location &At,
               llvm::StringRef Level, llvm::StringRef Message) {
  Out << At.File << ":" << At.Line << ":" << At.Column << ": " << Level << ": "
      << Message;
}

/// A YAML single-quoted scalar.
std::string quoted(llvm::StringRef Text) {
  std::string Result = "'";
  for (char C : Text) {
    Result += C;
    if (C == '\'')
      Result += '\'';
  }
  return Result + "'";
}

void writeMessage(llvm::raw_ostream &Out, llvm::StringRef Indent,
                  const Location &At, llvm::StringRef Message) {
  Out << "Message:         " << quoted(Message) << "\n"
      << Indent << "FilePath:        " << quoted(At.File) << "\n"
      << Indent << "FileOffset:      " << At.Offset << "\n"
      << Indent << "Replacements:    []\n";
}
} // namespace

void sortFindings(std::vector<Finding> &Findings) {
  llvm::sort(Findings, [](const Finding &A, const Finding &B) {
    return std::tie(A.At.File, A.At.Offset, A.Check, A.Message) <
           std::tie(B.At.File, B.At.Offset, B.Check, B.Message);
  });
}

void printFindings(llvm::raw_ostream &Out, llvm::ArrayRef<Finding> Findings) {
  for (const Finding &F : Findings) {
    printLine(Out, F.At, "warning", F.Message);
    Out << " [" << F.Check << "]\n";
    for (const Note &N : F.Notes) {
      printLine(Out, N.At, "note", N.Message);
      Out << "\n";
    }
  }
}

void writeExportFixes(llvm::raw_ostream &Out, llvm::ArrayRef<Finding> Findings,
                      llvm::StringRef BuildDirectory) {
  Out << "---\nMainSourceFile:  ''\nDiagnostics:";
  if (Findings.empty())
    Out << " []";
  Out << "\n";
  for (const Finding &F : Findings) {
    Out << "  - DiagnosticName:  " << quoted(F.Check) << "\n"
        << "    DiagnosticMessage:\n      ";
    writeMessage(Out, "      ", F.At, F.Message);
    if (!F.Notes.empty()) {
      Out << "    Notes:\n";
      for (const Note &N : F.Notes) {
        Out << "      - ";
        writeMessage(Out, "        ", N.At, N.Message);
      }
    }
    Out << "    Level:           Warning\n"
        << "    BuildDirectory:  " << quoted(BuildDirectory) << "\n";
  }
  Out << "...\n";
}

} // namespace asynctidy::merge
