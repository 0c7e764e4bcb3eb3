//===--- NonAtomicFileUpdateCheck.cpp - asynctidy -------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "NonAtomicFileUpdateCheck.h"
#include "support/Records.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

namespace {
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
        llvm::is_contained(
            llvm::ArrayRef<StringRef>({StringRef("c_str"), StringRef("string"),
                                       StringRef("native"), StringRef("data")}),
            Call->getMethodDecl()->getName()))
      E = Call->getImplicitObjectArgument();
    if (E == Before)
      return E;
  }
}

bool isSamePath(const Expr *A, const Expr *B, const ASTContext &Context) {
  A = strip(A);
  B = strip(B);
  // Calls that compute a path (`index_path()`, `dir / "index"`) are the
  // same path twice; an increment or an assignment is not.
  if (A->HasSideEffects(Context, /*IncludePossibleEffects=*/false) ||
      B->HasSideEffects(Context, /*IncludePossibleEffects=*/false))
    return false;
  llvm::FoldingSetNodeID IdA, IdB;
  A->Profile(IdA, Context, /*Canonical=*/true);
  B->Profile(IdB, Context, /*Canonical=*/true);
  return IdA == IdB;
}
} // namespace

std::optional<NonAtomicFileUpdateCheck::FileAccess>
NonAtomicFileUpdateCheck::streamAccess(const CXXRecordDecl &Stream,
                                       const Expr *Path, const Expr *Mode,
                                       const Expr *Where) {
  if (!Stream.isInStdNamespace())
    return std::nullopt;
  StringRef Name = Stream.getName();
  bool Append = mentionsFlag(Mode, "app") || mentionsFlag(Mode, "ate");
  if (Name == "basic_ifstream")
    return FileAccess{Path, Where, true, false};
  bool Truncates = mentionsFlag(Mode, "trunc");
  // `in | out` without `trunc` keeps the contents, to be read and
  // overwritten where they stand.
  bool Updates = mentionsFlag(Mode, "in") && !Truncates;
  if (Name == "basic_ofstream")
    return FileAccess{Path, Where, Updates, !Append};
  if (Name == "basic_fstream") {
    // The default mode (in | out) is as often used to read only: taken as
    // a read.
    if (!Mode)
      return FileAccess{Path, Where, true, false};
    bool Writes = mentionsFlag(Mode, "out") || Truncates;
    return FileAccess{Path, Where, Updates, Writes && !Append};
  }
  return std::nullopt;
}

std::optional<NonAtomicFileUpdateCheck::FileAccess>
NonAtomicFileUpdateCheck::callAccess(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  StringRef Name = Callee->getName();
  // The names first: this runs on every call of every function.
  if (!llvm::is_contained(llvm::ArrayRef<StringRef>(
                              {"fopen", "fopen64", "resize_file", "copy_file"}),
                          Name))
    return std::nullopt;
  bool InStd = isInStd(*Callee);
  if (!InStd && !Callee->getDeclContext()->isTranslationUnit() &&
      !Callee->isExternC())
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
  if (InStd) {
    if (Name == "resize_file" && Call.getNumArgs() >= 1)
      return FileAccess{Call.getArg(0), &Call, false, true};
    if (Name == "copy_file" && Call.getNumArgs() >= 2)
      return FileAccess{Call.getArg(1), &Call, false, true};
  }
  return std::nullopt;
}

std::optional<NonAtomicFileUpdateCheck::FileAccess>
NonAtomicFileUpdateCheck::fileAccess(const Stmt &S) {
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S)) {
    const CXXRecordDecl *Stream = Construct->getConstructor()->getParent();
    if (Construct->getNumArgs() >= 1 &&
        !Construct->getConstructor()->isCopyOrMoveConstructor())
      return streamAccess(*Stream, Construct->getArg(0),
                          Construct->getNumArgs() > 1 ? Construct->getArg(1)
                                                      : nullptr,
                          Construct);
  } else if (const auto *Open = llvm::dyn_cast<CXXMemberCallExpr>(&S)) {
    const CXXMethodDecl *Method = Open->getMethodDecl();
    if (Method && Method->getIdentifier() && Method->getName() == "open" &&
        Open->getNumArgs() >= 1)
      return streamAccess(*Method->getParent(), Open->getArg(0),
                          Open->getNumArgs() > 1 ? Open->getArg(1) : nullptr,
                          Open);
  } else if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
    return callAccess(*Call);
  }
  return std::nullopt;
}

NonAtomicFileUpdateCheck::NonAtomicFileUpdateCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context) {}

void NonAtomicFileUpdateCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Every function with a body; check() walks it once and classifies each
  // statement (fileAccess), cheaper than narrowing first with hasDescendant,
  // which matches every node of every body through the matcher machinery.
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
}

/// Whether \p Path is named through the object (`path_`, `index_path()`,
/// `dir_ / "index"`), so that another member function can name it too.
static bool isObjectsPath(const Expr &Path) {
  bool Found = false;
  forEachStmtOfFunction(Path, [&](const Stmt &S) {
    Found |= llvm::isa<CXXThisExpr>(S);
    return !Found;
  });
  return Found;
}

void NonAtomicFileUpdateCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // Defaulted and deleted functions are definitions without a body.
  const Stmt *Body = Function->getBody();
  if (!Body)
    return;
  Context = Result.Context;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Function);
  std::vector<FileAccess> Reads;
  forEachStmtOfFunction(*Body, [&](const Stmt &S) {
    std::optional<FileAccess> Access = fileAccess(S);
    if (!Access)
      return true;
    if (Access->Reads && Access->Rewrites) {
      diag(Access->Where->getBeginLoc(),
           "file is opened to be read and rewritten in place: a crash or a "
           "concurrent writer during the write loses or tears it");
      diag(Access->Where->getBeginLoc(),
           "write a temporary file next to it and rename it over the "
           "original (std::filesystem::rename)",
           DiagnosticIDs::Note);
      return true;
    }
    bool Reported = false;
    if (Access->Rewrites)
      for (const FileAccess &Read : Reads)
        if (isSamePath(Read.Path, Access->Path, *Result.Context)) {
          report(*Access, Read, nullptr);
          Reported = true;
          break;
        }
    if (Method && !Reported && isObjectsPath(*Access->Path))
      (Access->Reads ? MemberReads : MemberRewrites)
          .push_back({*Access, Method});
    if (Access->Reads)
      Reads.push_back(*Access);
    return true;
  });
}

void NonAtomicFileUpdateCheck::report(const FileAccess &Rewrite,
                                      const FileAccess &Read,
                                      const FunctionDecl *ReadIn) {
  diag(Rewrite.Where->getBeginLoc(),
       "file is rewritten in place after it was read: a crash or a "
       "concurrent writer during the write loses or tears it");
  if (ReadIn)
    diag(Read.Where->getBeginLoc(), "it is read here, in %0",
         DiagnosticIDs::Note)
        << ReadIn;
  else
    diag(Read.Where->getBeginLoc(), "it is read here", DiagnosticIDs::Note);
  diag(Rewrite.Where->getBeginLoc(),
       "write a temporary file next to it and rename it over the "
       "original (std::filesystem::rename)",
       DiagnosticIDs::Note);
}

// A member function that rewrites the file another member function of the
// same class reads: the object's state file, loaded and saved.
void NonAtomicFileUpdateCheck::onEndOfTranslationUnit() {
  for (const MemberAccess &Rewrite : MemberRewrites)
    for (const MemberAccess &Read : MemberReads)
      if (Read.Method->getParent()->getCanonicalDecl() ==
              Rewrite.Method->getParent()->getCanonicalDecl() &&
          Read.Method != Rewrite.Method &&
          isSamePath(Read.Access.Path, Rewrite.Access.Path, *Context)) {
        report(Rewrite.Access, Read.Access, Read.Method);
        break;
      }
  MemberReads.clear();
  MemberRewrites.clear();
}

} // namespace clang::tidy::asynctidy
