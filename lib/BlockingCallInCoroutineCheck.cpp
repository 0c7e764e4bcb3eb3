//===--- BlockingCallInCoroutineCheck.cpp - asynctidy ---------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "BlockingCallInCoroutineCheck.h"
#include "Compat.h"
#include "support/Coroutines.h"
#include "support/FixItUtils.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

// Sleeps, joins, future and synchronisation waits, mutex locks, blocking
// C and POSIX I/O, std::system and name resolution.
static constexpr llvm::StringLiteral DefaultBlockingFunctions =
    "::std::this_thread::sleep_for;::std::this_thread::sleep_until;::sleep;"
    "::usleep;::nanosleep;::std::thread::join;::std::jthread::join;"
    "::std::(__basic_future|future|shared_future)::(get|wait|wait_for|"
    "wait_until);"
    "::std::(recursive_|timed_|recursive_timed_|shared_|shared_timed_)?"
    "mutex::(lock|lock_shared|try_lock_for|try_lock_until);"
    "::std::condition_variable(_any)?::(wait|wait_for|wait_until);"
    "::std::latch::(wait|arrive_and_wait);::std::barrier::arrive_and_wait;"
    "::std::counting_semaphore::(acquire|try_acquire_for|try_acquire_until);::"
    "fopen;::fread;::fwrite;::fgets;::fputs;::fflush;::fclose;"
    "::getline;::read;::write;::pread;::pwrite;::recv;::send;::recvfrom;"
    "::sendto;::accept;::connect;::poll;::select;::system;::std::system;"
    "::getaddrinfo;::gethostbyname;"
    "::asio::ip::basic_resolver::resolve;"
    "::boost::asio::ip::basic_resolver::resolve";
// File streams block in their constructors and in every read or write.
static constexpr llvm::StringLiteral DefaultBlockingTypes =
    "::std::basic_ifstream;::std::basic_ofstream;::std::basic_fstream";
// Calls that run their arguments elsewhere.
static constexpr llvm::StringLiteral DefaultOffloadFunctions =
    "::asio::post;::asio::dispatch;::boost::asio::post;::boost::asio::"
    "dispatch;::std::async;::folly::via";

namespace {
/// A global function the program defines itself (`bool send(Message)`),
/// whose name only looks like the C library's: those are declared extern
/// "C" or in a system header.
bool isProgramsOwnGlobalFunction(const FunctionDecl &Function) {
  if (!Function.getDeclContext()->getRedeclContext()->isTranslationUnit() ||
      Function.isExternC())
    return false;
  const SourceManager &SM = Function.getASTContext().getSourceManager();
  return !SM.isInSystemHeader(Function.getCanonicalDecl()->getLocation());
}

/// A stream's questions about its own state, which touch no file (some have
/// non-const overloads, so const-ness alone does not tell).
bool isStateQuery(const CXXMethodDecl &Method) {
  if (llvm::isa<CXXConversionDecl>(Method))
    return true; // `if (file)`
  if (!Method.getIdentifier())
    return Method.getOverloadedOperator() == OO_Exclaim;
  static constexpr llvm::StringLiteral Queries[] = {
      "is_open",    "good",  "fail",  "bad",       "eof",   "rdstate",
      "exceptions", "flags", "width", "precision", "getloc"};
  return llvm::is_contained(Queries, Method.getName());
}

/// Whether \p Call writes to the console (`fflush(stdout)`,
/// `fputs(text, stderr)`): console output is not counted as blocking I/O.
bool writesToConsole(const CallExpr &Call) {
  return llvm::any_of(Call.arguments(), [](const Expr *Arg) {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
    const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->hasGlobalStorage() && Var->getIdentifier() &&
           (Var->getName() == "stdout" || Var->getName() == "stderr");
  });
}

const CXXRecordDecl *recordOf(const Expr *E) {
  return E ? E->IgnoreParenImpCasts()
                 ->getType()
                 .getNonReferenceType()
                 ->getAsCXXRecordDecl()
           : nullptr;
}
} // namespace

BlockingCallInCoroutineCheck::BlockingCallInCoroutineCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      BlockingFunctions(
          readNameList("BlockingFunctions", DefaultBlockingFunctions)),
      BlockingTypes(readNameList("BlockingTypes", DefaultBlockingTypes)),
      OffloadFunctions(
          readNameList("OffloadFunctions", DefaultOffloadFunctions)),
      ReplacementsOption(optionValue("Replacements", "")) {
  // "::qualified::name=replacement code;..."
  llvm::SmallVector<StringRef, 4> Entries;
  StringRef(ReplacementsOption).split(Entries, ';', -1, false);
  for (StringRef Entry : Entries) {
    Entry = Entry.trim();
    auto [From, To] = Entry.split('=');
    From = From.trim();
    To = To.trim();
    if (!compat::startsWith(From, "::") || To.empty()) {
      configurationDiag("invalid entry '%0' in option '%1': write "
                        "'::qualified::name=replacement'",
                        DiagnosticIDs::Error)
          << Entry << optionKey("Replacements");
      continue;
    }
    Replacements[From] = To.str();
  }
}

void BlockingCallInCoroutineCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  AsyncTidyCheck::storeOptions(Opts);
  Options.store(Opts, "Replacements", ReplacementsOption);
}

void BlockingCallInCoroutineCheck::registerUserCodeMatchers(
    MatchFinder *Finder) {
  registerCoroutineMatchers(*Finder, *this);
}

const NamedDecl *
BlockingCallInCoroutineCheck::blockingCallee(const Stmt &S) const {
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S)) {
    // A stream made without a file, or moved, opens nothing.
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    if (Construct->getNumArgs() == 0 || Constructor->isCopyOrMoveConstructor())
      return nullptr;
    return BlockingTypes.matches(*Constructor->getParent()) ? Constructor
                                                            : nullptr;
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return nullptr;
  if (BlockingFunctions.matches(*Callee))
    return isProgramsOwnGlobalFunction(*Callee) || writesToConsole(*Call)
               ? nullptr
               : Callee;
  // Any member call or operator on a blocking object: file.read(...),
  // file << value, std::getline(file, line); but not a const query such as
  // is_open() or good().
  const Expr *Object = nullptr;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && (Method->isConst() || isStateQuery(*Method)))
      return nullptr;
    Object = Member->getImplicitObjectArgument();
  } else if (Call->getNumArgs() > 0)
    Object = Call->getArg(0);
  const CXXRecordDecl *Record = recordOf(Object);
  return Record && BlockingTypes.matches(*Record) ? Callee : nullptr;
}

const Stmt *
BlockingCallInCoroutineCheck::blockingCallIn(const FunctionDecl &Function,
                                             unsigned Depth) {
  const FunctionDecl *Definition = Function.getDefinition();
  if (!Definition || !Definition->hasBody() || isCoroutine(*Definition) ||
      Definition->getASTContext().getSourceManager().isInSystemHeader(
          Definition->getLocation()))
    return nullptr;
  auto Cached = BlockingFunctionCache.find(Definition);
  if (Cached != BlockingFunctionCache.end())
    return Cached->second; // null also while in progress: stops recursion
  // Each function is searched once, whoever calls it; only a chain deeper
  // than any real one is cut, and then nothing is remembered of it.
  if (Depth == 0)
    return nullptr;
  BlockingFunctionCache[Definition] = nullptr;
  const Stmt *Found = nullptr;
  forEachStmtOfFunction(*Definition->getBody(), [&](const Stmt &S) {
    if (Found)
      return false;
    if (blockingCallee(S)) {
      Found = &S;
      return false;
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (blockingCallIn(*Callee, Depth - 1))
          Found = &S;
    return !Found;
  });
  BlockingFunctionCache[Definition] = Found;
  return Found;
}

void BlockingCallInCoroutineCheck::check(
    const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = matchedCoroutine(Result);
  if (!Coroutine)
    return;
  scan(*Coroutine->getBody(), /*InHandler=*/false, *Result.Context);
}

void BlockingCallInCoroutineCheck::scan(const Stmt &Root, bool InHandler,
                                        ASTContext &Context) {
  forEachStmtOfFunction(Root, [&](const Stmt &S) {
    // co_await may not appear in a handler: remember where one is.
    if (const auto *Handler = llvm::dyn_cast<CXXCatchStmt>(&S)) {
      if (&S != &Root && Handler->getHandlerBlock()) {
        scan(*Handler->getHandlerBlock(), /*InHandler=*/true, Context);
        return false;
      }
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    // What an offload call is given runs elsewhere.
    if (Callee && OffloadFunctions.matches(*Callee))
      return false;
    if (const NamedDecl *Blocking = blockingCallee(S)) {
      report(S, *Blocking, nullptr, InHandler, Context);
      return false;
    }
    if (Callee)
      if (const Stmt *Inner = blockingCallIn(*Callee, /*Depth=*/64)) {
        report(S, *Callee, Inner, InHandler, Context);
        return false;
      }
    return true;
  });
}

void BlockingCallInCoroutineCheck::report(const Stmt &Call,
                                          const NamedDecl &Callee,
                                          const Stmt *Inner, bool InHandler,
                                          ASTContext &Context) {
  std::string Name = qualifiedName(Callee);
  auto Replacement = Replacements.find(Name);
  bool Replace =
      !Inner && Replacement != Replacements.end() &&
      !(InHandler &&
        compat::startsWith(StringRef(Replacement->second), "co_await"));
  bool Fixed = false;
  {
    // A constructor is named by its class as the code spells it.
    const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&Call);
    auto Warning = diag(Call.getBeginLoc(),
                        "%select{%1|constructing %2}0 blocks the thread that "
                        "runs this coroutine, stalling every other task on it")
                   << (Construct != nullptr) << Callee.getDeclName()
                   << (Construct ? Construct->getType() : QualType());
    // The replacement takes the same arguments: only the callee's name
    // changes, to the configured code (which may start with `co_await`).
    const auto *Ref =
        llvm::dyn_cast<DeclRefExpr>(llvm::cast<Expr>(Call).IgnoreImplicit());
    if (const auto *CallExpression = llvm::dyn_cast<CallExpr>(&Call))
      Ref = llvm::dyn_cast<DeclRefExpr>(
          CallExpression->getCallee()->IgnoreParenImpCasts());
    // The callee's name starts the call, so one edit writes both.
    if (Replace && Ref && Ref->getBeginLoc() == Call.getBeginLoc() &&
        isSafeToEdit(Call, Context)) {
      Warning << FixItHint::CreateReplacement(Ref->getSourceRange(),
                                              Replacement->second);
      Fixed = true;
    }
  }
  if (Inner) {
    const auto *InnerConstruct = llvm::dyn_cast<CXXConstructExpr>(Inner);
    const auto *InnerCall = llvm::dyn_cast<CallExpr>(Inner);
    const FunctionDecl *InnerCallee =
        InnerCall ? InnerCall->getDirectCallee() : nullptr;
    diag(Inner->getBeginLoc(),
         "%0 blocks here, %select{in a call to %2|constructing %3}1",
         DiagnosticIDs::Note)
        << Callee.getDeclName() << (InnerConstruct != nullptr)
        << (InnerCallee ? InnerCallee->getDeclName() : DeclarationName())
        << (InnerConstruct ? InnerConstruct->getType() : QualType());
  }
  if (!Fixed)
    diag(Call.getBeginLoc(),
         "await an asynchronous counterpart instead, or hand the call to "
         "another executor (for example with asio::post)",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::asynctidy
