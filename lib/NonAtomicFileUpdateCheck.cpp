//===--- NonAtomicFileUpdateCheck.cpp - asynctidy -------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "NonAtomicFileUpdateCheck.h"
#include "support/Coroutines.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

namespace {
/// What a statement does to a file: opens it for reading, or replaces its
/// contents where it stands.
struct FileAccess {
  const Expr *Path;
  const Expr *Where;
  bool Reads;
  bool Rewrites;
};

/// Whether an open mode expression names \p Flag (`std::ios::app`).
bool mentionsFlag(const Expr *Mode, StringRef Flag) {
  bool Found = false;
  if (!Mode)
    return false;
  forEachStmtOfFunction(*Mode, [&](const Stmt &S) {
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S))
      Found |=
          Ref->getDecl()->getIdentifier() && Ref->getDecl()->getName() == Flag;
    return !Found;
  });
  return Found;
}

/// A file stream opened on Path, by its constructor or open().
std::optional<FileAccess> streamAccess(const CXXRecordDecl &Stream,
                                       const Expr *Path, const Expr *Mode,
                                       const Expr *Where) {
  if (!Stream.isInStdNamespace())
    return std::nullopt;
  StringRef Name = Stream.getName();
  bool Append = mentionsFlag(Mode, "app") || mentionsFlag(Mode, "ate");
  if (Name == "basic_ifstream")
    return FileAccess{Path, Where, true, false};
  if (Name == "basic_ofstream")
    return FileAccess{Path, Where, mentionsFlag(Mode, "in"),
                      !Append && !mentionsFlag(Mode, "in")};
  if (Name == "basic_fstream") {
    // By default in | out: reads and writes the file where it stands.
    bool Truncates = mentionsFlag(Mode, "trunc");
    bool Reads = !Mode || mentionsFlag(Mode, "in");
    bool Writes = !Mode || mentionsFlag(Mode, "out") || Truncates;
    return FileAccess{Path, Where, Reads, Writes && !Append};
  }
  return std::nullopt;
}

/// fopen(path, mode) and the std::filesystem helpers that replace a file.
std::optional<FileAccess> callAccess(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  StringRef Name = Callee->getName();
  bool InStd = Callee->isInStdNamespace() ||
               Callee->getDeclContext()->isTranslationUnit() ||
               Callee->isExternC();
  if (!InStd)
    return std::nullopt;
  if ((Name == "fopen" || Name == "fopen64") && Call.getNumArgs() == 2) {
    const auto *Mode =
        llvm::dyn_cast<StringLiteral>(Call.getArg(1)->IgnoreParenImpCasts());
    if (!Mode || Mode->getLength() == 0)
      return std::nullopt;
    StringRef Text = Mode->getString();
    bool Update = Text.contains('+');
    return FileAccess{Call.getArg(0), &Call, Text[0] == 'r',
                      Text[0] == 'w' || (Text[0] == 'r' && Update)};
  }
  // std::filesystem::resize_file(p, n), copy_file(from, p, ...).
  if (Callee->isInStdNamespace()) {
    if (Name == "resize_file" && Call.getNumArgs() >= 1)
      return FileAccess{Call.getArg(0), &Call, false, true};
    if (Name == "copy_file" && Call.getNumArgs() >= 2)
      return FileAccess{Call.getArg(1), &Call, false, true};
  }
  return std::nullopt;
}

const Expr *strip(const Expr *E) {
  while (true) {
    const Expr *Before = E;
    E = E->IgnoreImplicit()->IgnoreParens();
    // `std::filesystem::path(p)`, `p.c_str()`, `p.string()`: the same path.
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1)
      E = Construct->getArg(0);
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E);
        Call && Call->getMethodDecl() &&
        Call->getMethodDecl()->getIdentifier() &&
        llvm::is_contained({StringRef("c_str"), StringRef("string"),
                            StringRef("native"), StringRef("data")},
                           Call->getMethodDecl()->getName()))
      E = Call->getImplicitObjectArgument();
    if (E == Before)
      return E;
  }
}

bool isSamePath(const Expr *A, const Expr *B, const ASTContext &Context) {
  A = strip(A);
  B = strip(B);
  if (A->HasSideEffects(Context) || B->HasSideEffects(Context))
    return false;
  llvm::FoldingSetNodeID IdA, IdB;
  A->Profile(IdA, Context, /*Canonical=*/true);
  B->Profile(IdB, Context, /*Canonical=*/true);
  return IdA == IdB;
}
} // namespace

NonAtomicFileUpdateCheck::NonAtomicFileUpdateCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context) {}

void NonAtomicFileUpdateCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Functions that open a file in two ways: narrow by what they call
  // before walking them.
  auto OpensFiles = hasDescendant(expr(anyOf(
      cxxConstructExpr(hasType(
          hasUnqualifiedDesugaredType(recordType(hasDeclaration(namedDecl(
              hasAnyName("::std::basic_ofstream", "::std::basic_fstream"))))))),
      callExpr(callee(functionDecl(
          hasAnyName("fopen", "fopen64", "::std::filesystem::resize_file",
                     "::std::filesystem::copy_file")))),
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("open")))))));
  Finder->addMatcher(functionDecl(isDefinition(),
                                  unless(isExpansionInSystemHeader()),
                                  OpensFiles)
                         .bind("function"),
                     this);
}

void NonAtomicFileUpdateCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  std::vector<FileAccess> Reads;
  forEachStmtOfFunction(*Function->getBody(), [&](const Stmt &S) {
    std::optional<FileAccess> Access;
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S)) {
      const CXXRecordDecl *Stream = Construct->getConstructor()->getParent();
      if (Construct->getNumArgs() >= 1 &&
          !Construct->getConstructor()->isCopyOrMoveConstructor())
        Access = streamAccess(*Stream, Construct->getArg(0),
                              Construct->getNumArgs() > 1 ? Construct->getArg(1)
                                                          : nullptr,
                              Construct);
    } else if (const auto *Open = llvm::dyn_cast<CXXMemberCallExpr>(&S)) {
      const CXXMethodDecl *Method = Open->getMethodDecl();
      if (Method && Method->getIdentifier() && Method->getName() == "open" &&
          Open->getNumArgs() >= 1)
        Access = streamAccess(
            *Method->getParent(), Open->getArg(0),
            Open->getNumArgs() > 1 ? Open->getArg(1) : nullptr, Open);
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
      Access = callAccess(*Call);
    }
    if (!Access)
      return true;
    if (Access->Rewrites)
      for (const FileAccess &Read : Reads)
        if (isSamePath(Read.Path, Access->Path, *Result.Context)) {
          diag(Access->Where->getBeginLoc(),
               "file is rewritten in place after it was read: a crash or a "
               "concurrent writer during the write loses or tears it");
          diag(Read.Where->getBeginLoc(), "it is read here",
               DiagnosticIDs::Note);
          diag(Access->Where->getBeginLoc(),
               "write a temporary file next to it and rename it over the "
               "original (std::filesystem::rename)",
               DiagnosticIDs::Note);
          break;
        }
    if (Access->Reads)
      Reads.push_back(*Access);
    return true;
  });
}

} // namespace clang::tidy::asynctidy
