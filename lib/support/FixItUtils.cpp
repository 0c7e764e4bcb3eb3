//===--- FixItUtils.cpp - when and how the checks may edit code -----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/FixItUtils.h"
#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {

bool hasRecoveredCode(const Stmt &S) {
  if (const auto *E = llvm::dyn_cast<Expr>(&S))
    return E->containsErrors();
  // Declarations with an unknown type are recovered code too, and they are
  // not among the statement's children.
  if (const auto *Declaration = llvm::dyn_cast<DeclStmt>(&S))
    for (const Decl *D : Declaration->decls())
      if (D->isInvalidDecl())
        return true;
  if (const auto *Handler = llvm::dyn_cast<CXXCatchStmt>(&S))
    if (const VarDecl *Caught = Handler->getExceptionDecl();
        Caught && Caught->isInvalidDecl())
      return true;
  for (const Stmt *Child : S.children())
    if (Child && hasRecoveredCode(*Child))
      return true;
  return false;
}

bool isSafeToEdit(const Stmt &S, const ASTContext &Context) {
  SourceRange Range = S.getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return false;
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange FileRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Range), SM, Context.getLangOpts());
  if (FileRange.isInvalid() || SM.isInSystemHeader(FileRange.getBegin()))
    return false;
  return !hasRecoveredCode(S);
}

std::optional<std::string> sourceText(const Stmt &S,
                                      const ASTContext &Context) {
  if (!isSafeToEdit(S, Context))
    return std::nullopt;
  return Lexer::getSourceText(
             CharSourceRange::getTokenRange(S.getSourceRange()),
             Context.getSourceManager(), Context.getLangOpts())
      .str();
}

std::string indentationOf(SourceLocation Loc, const SourceManager &SM) {
  bool Invalid = false;
  const char *Start = SM.getCharacterData(Loc, &Invalid);
  if (Invalid)
    return "";
  unsigned Column = SM.getSpellingColumnNumber(Loc, &Invalid);
  if (Invalid || Column == 0)
    return "";
  llvm::StringRef Line(Start - (Column - 1), Column - 1);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

bool isOnOneLine(const CompoundStmt &Body, const SourceManager &SM) {
  return SM.getSpellingLineNumber(Body.getLBracLoc()) ==
         SM.getSpellingLineNumber(Body.getRBracLoc());
}

bool hasHiddenCode(const CompoundStmt &Body, const ASTContext &Context) {
  if (!Body.body_empty())
    return false;
  const SourceManager &SM = Context.getSourceManager();
  // Inside a macro, look at the macro's definition.
  SourceLocation Begin = SM.getSpellingLoc(Body.getLBracLoc());
  SourceLocation End = SM.getSpellingLoc(Body.getRBracLoc());
  if (SM.getFileID(Begin) != SM.getFileID(End) ||
      !SM.isBeforeInTranslationUnit(Begin, End))
    return true; // cannot tell; err on the side of silence
  // Look at the raw text between the braces: anything but comments and white
  // space is code the AST does not show.
  bool Invalid = false;
  llvm::StringRef Raw = Lexer::getSourceText(
      CharSourceRange::getCharRange(Begin.getLocWithOffset(1), End), SM,
      Context.getLangOpts(), &Invalid);
  if (Invalid)
    return true;
  // Line continuations (in a macro definition) are white space too.
  std::string Joined;
  for (size_t I = 0; I < Raw.size(); ++I)
    if (!(Raw[I] == '\\' && I + 1 < Raw.size() &&
          (Raw[I + 1] == '\n' || Raw[I + 1] == '\r')))
      Joined += Raw[I];
  llvm::StringRef Text = Joined;
  while (!Text.empty()) {
    Text = Text.ltrim();
    if (Text.consume_front("//")) {
      Text = Text.drop_until([](char C) { return C == '\n'; });
    } else if (Text.consume_front("/*")) {
      size_t Close = Text.find("*/");
      Text = Close == llvm::StringRef::npos ? "" : Text.drop_front(Close + 2);
    } else {
      return !Text.empty();
    }
  }
  return false;
}

std::vector<SourceLocation> lineStartsBetween(SourceLocation Begin,
                                              SourceLocation End,
                                              const SourceManager &SM) {
  std::vector<SourceLocation> Starts;
  FileID File = SM.getFileID(Begin);
  if (File != SM.getFileID(End))
    return Starts;
  unsigned FirstLine = SM.getSpellingLineNumber(Begin) + 1;
  unsigned LastLine = SM.getSpellingLineNumber(End);
  for (unsigned Line = FirstLine; Line <= LastLine; ++Line) {
    SourceLocation Start = SM.translateLineCol(File, Line, 1);
    if (!SM.isBeforeInTranslationUnit(Start, End))
      break;
    bool Invalid = false;
    const char *Text = SM.getCharacterData(Start, &Invalid);
    if (Invalid)
      break;
    llvm::StringRef Rest(Text, SM.getFileOffset(End) - SM.getFileOffset(Start));
    llvm::StringRef LineText =
        Rest.take_until([](char C) { return C == '\n'; });
    if (!LineText.trim().empty())
      Starts.push_back(Start);
  }
  return Starts;
}

std::string indentLinesAfterFirst(llvm::StringRef Text, llvm::StringRef Extra) {
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  std::string Out;
  for (size_t I = 0; I < Lines.size(); ++I) {
    if (I > 0) {
      Out += '\n';
      if (!Lines[I].trim().empty())
        Out += Extra.str();
    }
    Out += Lines[I].str();
  }
  return Out;
}

SourceLocation endOfStatement(const Stmt &S, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  SourceLocation Last = S.getEndLoc();
  if (Last.isMacroID())
    return SourceLocation();
  // An expression statement ends at its `;`; a declaration's and a block's
  // last token is already theirs.
  if (!llvm::isa<DeclStmt, CompoundStmt>(S)) {
    SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        Last, tok::semi, SM, LangOpts, /*SkipTrailingWhitespaceAndNewLine=*/
        false);
    if (AfterSemi.isValid())
      return AfterSemi;
  }
  return Lexer::getLocForEndOfToken(Last, 0, SM, LangOpts);
}

bool isNameFreeIn(llvm::StringRef Name, const Stmt &S,
                  const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(S.getSourceRange()), SM,
      Context.getLangOpts());
  if (Range.isInvalid())
    return false;
  std::pair<FileID, unsigned> Begin = SM.getDecomposedLoc(Range.getBegin());
  std::pair<FileID, unsigned> End = SM.getDecomposedLoc(Range.getEnd());
  llvm::StringRef Buffer = SM.getBufferData(Begin.first);
  Lexer Lex(SM.getLocForStartOfFile(Begin.first), Context.getLangOpts(),
            Buffer.begin(), Buffer.begin() + Begin.second, Buffer.end());
  Token Tok;
  bool AfterMemberAccess = false;
  bool AtEnd = false;
  while (!AtEnd) {
    AtEnd = Lex.LexFromRawLexer(Tok);
    if (SM.getFileOffset(Tok.getLocation()) >= End.second)
      break;
    if (Tok.is(tok::raw_identifier) && Tok.getRawIdentifier() == Name &&
        !AfterMemberAccess)
      return false;
    AfterMemberAccess = Tok.isOneOf(tok::period, tok::arrow);
  }
  return true;
}

} // namespace clang::tidy::asynctidy
