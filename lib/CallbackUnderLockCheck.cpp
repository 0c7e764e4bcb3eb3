//===--- CallbackUnderLockCheck.cpp - asynctidy ---------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "CallbackUnderLockCheck.h"
#include "support/EnclosingFunctions.h"
#include "support/ImplementationDetail.h"
#include "support/LockScopes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

namespace {
/// A call of a function of a library's implementation namespace, in one step:
/// the matcher is tried on every call.
AST_MATCHER(CallExpr, callsImplementationDetail) {
  const FunctionDecl *Callee = Node.getDirectCallee();
  return Callee && isImplementationDetail(*Callee);
}
} // namespace

static constexpr llvm::StringLiteral DefaultCallbackTypes =
    "::std::function;::std::move_only_function;::std::copyable_function;"
    "::std::function_ref;::boost::function;::absl::AnyInvocable;"
    "::absl::FunctionRef;::folly::Function;::folly::FunctionRef";
static constexpr llvm::StringLiteral DefaultCallbackFunctions =
    "::folly::Promise::setValue;::folly::Promise::setException;"
    "::folly::Promise::setWith;::folly::Promise::setTry;"
    "::boost::promise::set_value;::boost::promise::set_exception;"
    "::boost::signals2::signal::operator\\(\\)";

CallbackUnderLockCheck::CallbackUnderLockCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      GuardTypes(readNameList("GuardTypes", DefaultGuardTypes)),
      MutexTypes(readNameList("MutexTypes", DefaultMutexTypes)),
      CallbackTypes(readNameList("CallbackTypes", DefaultCallbackTypes)),
      CallbackFunctions(
          readNameList("CallbackFunctions", DefaultCallbackFunctions)) {}

void CallbackUnderLockCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Blocks that take a lock; the calls under it are found from there. The
  // lock model answers in check(): cheaper than a matcher on each statement
  // of each block.
  Finder->addMatcher(compoundStmt().bind("block"), this);
  Finder->addMatcher(callExpr(callsImplementationDetail(),
                              hasAnyArgument(ignoringParenImpCasts(
                                  declRefExpr(to(parmVarDecl())))))
                         .bind("forwarding"),
                     this);
}

void CallbackUnderLockCheck::recordForwarding(const CallExpr &Call,
                                              ASTContext &Context) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Caller = enclosingFunction(Call, Context);
  if (Callee && Caller && !isImplementationDetail(*Caller))
    ForwardedTo.insert(Callee->getCanonicalDecl());
}

void CallbackUnderLockCheck::onEndOfTranslationUnit() {
  for (const Finding &F : Held)
    if (ForwardedTo.contains(F.Function))
      report(F);
  Held.clear();
  ForwardedTo.clear();
  Reported.clear();
  Walked.clear();
}

std::optional<unsigned>
CallbackUnderLockCheck::unknownCode(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
      Operator && Operator->getOperator() == OO_Call && Callee) {
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
    if (Method && CallbackTypes.matches(*Method->getParent()))
      return 0;
  }
  if (Callee)
    return CallbackFunctions.matches(*Callee) ? std::optional<unsigned>(2)
                                              : std::nullopt;
  // A call through a pointer to a function or to a member function; calls
  // that depend on a template parameter are not known yet.
  const Expr *Target = Call.getCallee()->IgnoreParenImpCasts();
  if (Call.isTypeDependent() || Target->isTypeDependent())
    return std::nullopt;
  QualType Type = Target->getType();
  if (Type->isFunctionPointerType() || Type->isMemberFunctionPointerType() ||
      Type->isFunctionReferenceType() ||
      Target->getType()->isSpecificPlaceholderType(BuiltinType::BoundMember))
    return 1;
  return std::nullopt;
}

void CallbackUnderLockCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("forwarding")) {
    recordForwarding(*Call, *Result.Context);
    return;
  }
  const auto *Block = Result.Nodes.getNodeAs<CompoundStmt>("block");
  if (!takesLock(*Block, {GuardTypes, MutexTypes}))
    return;
  const FunctionDecl *Function = enclosingFunction(*Block, *Result.Context);
  // The function's whole body, whose walk the other lock checks share.
  const Stmt *Body =
      Function && Function->getBody() ? Function->getBody() : Block;
  if (!Walked.insert(Body).second)
    return;
  forEachStmtWithLocksHeld(
      *Body, {GuardTypes, MutexTypes},
      [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> Held) {
        const auto *Call = llvm::dyn_cast<CallExpr>(&S);
        if (!Call || Held.empty() || Reported.count(Call))
          return;
        std::optional<unsigned> Kind = unknownCode(*Call);
        if (!Kind)
          return;
        Reported.insert(Call);
        Finding F{Call, *Kind, Held.back()->Acquire->getBeginLoc(),
                  Function ? Function->getCanonicalDecl() : nullptr};
        // A library's implementation calls what the library gave it, unless
        // a public function hands it the user's callable.
        if (Function && isImplementationDetail(*Function))
          this->Held.push_back(F);
        else
          report(F);
      });
}

void CallbackUnderLockCheck::report(const Finding &F) {
  const CallExpr *Call = F.Call;
  std::string Callee = Call->getDirectCallee()
                           ? Call->getDirectCallee()->getQualifiedNameAsString()
                           : "";
  // Where the call is written: LLVM 22 puts an overloaded call operator's
  // begin at its parenthesis, LLVM 19 at the object.
  const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(Call);
  SourceLocation Where = Operator && Operator->getNumArgs() > 0
                             ? Operator->getArg(0)->getBeginLoc()
                             : Call->getBeginLoc();
  diag(Where, "%select{a callable object|a function pointer|'%1'}0 is called "
              "with a lock held: the code it runs can take the same lock, or "
              "wait for this thread, and deadlock")
      << F.Kind << Callee;
  diag(F.Acquire,
       "the lock is taken here; copy what to call under the lock and call it "
       "after releasing it",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::asynctidy
