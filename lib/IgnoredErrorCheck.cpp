//===--- IgnoredErrorCheck.cpp - asynctidy --------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "IgnoredErrorCheck.h"
#include "Compat.h"
#include "support/DiscardedResult.h"
#include "support/FixItUtils.h"
#include "support/StmtWalk.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;
using matchers::matchesNameList;

static constexpr llvm::StringLiteral DefaultErrorTypes =
    "::std::error_code;::boost::system::error_code;::std::expected;"
    "::tl::expected;::absl::Status;::absl::StatusOr;::folly::Expected";

// Names that say the call hands data on and may fail: send, sendAll,
// try_flush, publish, commit, ... (one name: the suffix stops at "::").
static constexpr llvm::StringLiteral DefaultCheckedFunctions =
    "(try_?|Try)?([Ss]end|[Ww]rite|[Ff]lush|[Pp]ublish|[Cc]ommit)"
    "([A-Z_0-9][^:]*)?";

// Teardown whose failure the caller can do nothing about: a connection that
// is being cancelled, closed or shut down is going away either way.
static constexpr llvm::StringLiteral DefaultBestEffortFunctions =
    "([Cc]ancel|[Cc]lose|[Ss]hutdown|[Dd]isconnect)([A-Z_][^:]*)?";

namespace {
/// Whether the name of \p Node, beyond the verb CheckedFunctions matched,
/// says it waits, counts or asks (`commit_wait`, `flush_pending_count`):
/// its result answers that, not whether the hand-off failed.
AST_MATCHER(NamedDecl, namesAQuery) {
  static const llvm::Regex Query("[Ww]ait|[Cc]ount|[Ss]ize|[Pp]ending");
  return Node.getIdentifier() && Query.match(Node.getName());
}

/// A call that yields a value, in one step: the first test of a matcher
/// tried on every call of the unit.
AST_MATCHER(CallExpr, yieldsAValue) { return !Node.getType()->isVoidType(); }

/// Whether \p Node writes a fixed-size record, `::write(fd, &token,
/// sizeof token)`: the wake-up of a self-pipe or an eventfd, whose only
/// failure (the pipe is full) means a wake-up is already pending.
AST_MATCHER(CallExpr, writesAWakeUpToken) {
  const FunctionDecl *Callee = Node.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Node.getNumArgs() != 3 ||
      !llvm::is_contained(llvm::ArrayRef<StringRef>({"write", "send"}),
                          Callee->getName()))
    return false;
  const auto *Size = llvm::dyn_cast<UnaryExprOrTypeTraitExpr>(
      Node.getArg(2)->IgnoreParenImpCasts());
  return Size && Size->getKind() == UETT_SizeOf;
}

/// How the error inside a carrier type is tested and reached, found from the
/// members the type has, so that user-listed types get a fix-it too.
struct ErrorAccess {
  StringRef VariableName; // what the fix-it calls the result
  StringRef FailureTest;  // %0 stands for the variable
  StringRef ErrorValue;   // %0 stands for the variable
};

/// Whether \p Record or a base of it has a member function named \p Name.
bool hasMethod(const CXXRecordDecl &Record, StringRef Name) {
  IdentifierInfo &Id = Record.getASTContext().Idents.get(Name);
  auto DeclaresMethod = [&](const CXXRecordDecl *R) {
    return llvm::any_of(R->lookup(&Id), [](const NamedDecl *Found) {
      return llvm::isa_and_nonnull<CXXMethodDecl>(Found->getAsFunction());
    });
  };
  bool Found = DeclaresMethod(&Record);
  Record.forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || DeclaresMethod(Base);
    return true;
  });
  return Found;
}

bool convertsToBool(const CXXRecordDecl &Record) {
  for (const NamedDecl *Found : Record.getVisibleConversionFunctions())
    if (const auto *Conversion =
            llvm::dyn_cast<CXXConversionDecl>(Found->getUnderlyingDecl()))
      if (Conversion->getConversionType()->isBooleanType())
        return true;
  return false;
}

std::optional<ErrorAccess> errorAccessOf(QualType Type) {
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return std::nullopt;
  if (hasMethod(*Record, "ok")) // absl::Status and StatusOr
    return ErrorAccess{"status", "!%0.ok()",
                       hasMethod(*Record, "status") ? "%0.status()" : "%0"};
  if (hasMethod(*Record, "error") && convertsToBool(*Record)) // expected
    return ErrorAccess{"result", "!%0", "%0.error()"};
  // error_code and error_condition: true when there is an error. A type that
  // only converts to bool may mean success by true, so it gets no fix-it.
  if (hasMethod(*Record, "value") && hasMethod(*Record, "category") &&
      convertsToBool(*Record))
    return ErrorAccess{"ec", "%0", "%0"};
  return std::nullopt;
}

/// What the return statements of a function with a signed or boolean
/// result say.
struct ReturnedValues {
  bool MayFail = false;     // false, a negative constant, a computed value
  bool ReturnsZero = false; // 0: success, beside another constant
  bool ReturnsOtherConstant = false;
};

/// Adds \p Value, returned by \p Function, to \p Values. A parameter
/// returned as it is (the size a write was given) means success.
void classifyReturn(const Expr &Value, const FunctionDecl &Function,
                    ReturnedValues &Values) {
  const Expr *E = Value.IgnoreParenImpCasts();
  if (Function.getReturnType()->isBooleanType()) {
    const auto *Literal = llvm::dyn_cast<CXXBoolLiteralExpr>(E);
    Values.MayFail |= !Literal || !Literal->getValue();
    return;
  }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (llvm::isa<ParmVarDecl>(Ref->getDecl()))
      return;
  Expr::EvalResult Result;
  if (E->isValueDependent() ||
      !E->EvaluateAsInt(Result, Function.getASTContext())) {
    Values.MayFail = true;
    return;
  }
  const llvm::APSInt &Constant = Result.Val.getInt();
  Values.MayFail |= Constant.isNegative();
  (Constant.isZero() ? Values.ReturnsZero : Values.ReturnsOtherConstant) = true;
}

/// Whether the body of \p Function, when this translation unit has it,
/// shows that its result cannot report a failure: it returns only `true`,
/// one constant (a setter's 0), constants none of which is 0 or negative (an
/// HTTP status), or a parameter. A 0 beside other constants is an error code
/// (`return EIO;`). A virtual function may run another body: not judged.
AST_MATCHER(FunctionDecl, cannotReportFailure) {
  const FunctionDecl *Definition = Node.getDefinition();
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Node);
  if (!Definition || !Definition->getBody() || (Method && Method->isVirtual()))
    return false;
  ReturnedValues Values;
  forEachStmtOfFunction(*Definition->getBody(), [&](const Stmt &S) {
    if (const auto *Return = llvm::dyn_cast<ReturnStmt>(&S)) {
      if (const Expr *Value = Return->getRetValue())
        classifyReturn(*Value, *Definition, Values);
      else
        Values.MayFail = true;
    }
    return !Values.MayFail;
  });
  return !Values.MayFail &&
         !(Values.ReturnsZero && Values.ReturnsOtherConstant);
}

std::string substitute(StringRef Pattern, StringRef Name) {
  std::string Out;
  for (size_t I = 0; I < Pattern.size(); ++I) {
    if (compat::startsWith(Pattern.substr(I), "%0")) {
      Out += Name.str();
      ++I;
    } else {
      Out += Pattern[I];
    }
  }
  return Out;
}
} // namespace

IgnoredErrorCheck::IgnoredErrorCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ErrorTypes(readNameList("ErrorTypes", DefaultErrorTypes)),
      CheckedFunctions(
          readNameList("CheckedFunctions", DefaultCheckedFunctions)),
      BestEffortFunctions(
          readNameList("BestEffortFunctions", DefaultBestEffortFunctions)),
      AllowCastToVoid(readBool("AllowCastToVoid", false)),
      AllowStdIgnore(readBool("AllowStdIgnore", false)),
      ReportFunction(readFunctionName("ReportFunction", "")) {}

void IgnoredErrorCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Only results returned by value: a returned reference (`ec = other`,
  // `ec.assign(...)`) is the object itself, not a new error.
  auto ErrorCarrier = qualType(hasCanonicalType(
      recordType(hasDeclaration(namedDecl(matchesNameList(&ErrorTypes))))));
  // A flag or a signed count can say "failed"; an unsigned count (bytes
  // written) cannot, and a function that reports failure through an error
  // argument (`asio::write(socket, buffer, ec)`) has nothing more to say.
  auto SuccessFlag =
      qualType(anyOf(booleanType(), allOf(isInteger(), isSignedInteger())));
  auto TakesErrorArgument = hasAnyParameter(
      hasType(references(qualType(unless(isConstQualified()), ErrorCarrier))));
  // A function that also writes the error into an argument (Asio's
  // `close(ec)`, `cancel(ec)`, `set_option(option, ec)`) returns that same
  // error: the caller who tests the argument has handled it.
  auto ErrorReturningCall =
      callExpr(
          yieldsAValue(), matchers::isDiscarded(),
          unless(cxxOperatorCallExpr()), unless(writesAWakeUpToken()),
          callee(functionDecl(unless(TakesErrorArgument),
                              unless(matchesNameList(&BestEffortFunctions)),
                              anyOf(returns(ErrorCarrier),
                                    allOf(returns(SuccessFlag),
                                          matchesNameList(&CheckedFunctions),
                                          unless(namesAQuery()),
                                          unless(cannotReportFailure()))))))
          .bind("call");
  Finder->addMatcher(ErrorReturningCall, this);
}

void IgnoredErrorCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  std::optional<Discard> Dropped = discardOf(*Call, *Result.Context);
  if (!Dropped)
    return;
  DiscardKind Kind = Dropped->Kind;
  if ((Kind == DiscardKind::Voided && AllowCastToVoid) ||
      (Kind == DiscardKind::Ignored && AllowStdIgnore))
    return;

  auto Warning =
      diag(Call->getBeginLoc(),
           "result of %0 is %select{ignored|discarded by a cast to "
           "void|assigned to 'std::ignore'}1: a failure of the call goes "
           "unnoticed")
      << Call->getDirectCallee()->getDeclName() << static_cast<int>(Kind);
  if (Dropped->InBlock)
    if (auto Fix = reportingFix(*Call, *Dropped->Statement, Result))
      Warning << *Fix;
}

std::optional<FixItHint>
IgnoredErrorCheck::reportingFix(const CallExpr &Call, const Expr &Statement,
                                const MatchFinder::MatchResult &Result) const {
  // The fix declares a variable in an if statement's initializer: C++17.
  if (ReportFunction.empty() || !Result.Context->getLangOpts().CPlusPlus17)
    return std::nullopt;
  std::optional<ErrorAccess> Access = errorAccessOf(Call.getType());
  if (!Access || !isSafeToEdit(Statement, *Result.Context))
    return std::nullopt;
  std::optional<std::string> CallText = sourceText(Call, *Result.Context);
  if (!CallText)
    return std::nullopt;
  // The new variable is in scope in its own initializer: pick a name the
  // call does not use.
  std::string Name = Access->VariableName.str();
  for (int Suffix = 2;
       llvm::Regex("(^|[^A-Za-z_0-9])" + Name + "($|[^A-Za-z_0-9])")
           .match(*CallText);
       ++Suffix)
    Name = Access->VariableName.str() + std::to_string(Suffix);
  std::string Replacement = "if (auto " + Name + " = " + *CallText + "; " +
                            substitute(Access->FailureTest, Name) + ") " +
                            ReportFunction + "(" +
                            substitute(Access->ErrorValue, Name) + ")";
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Statement.getSourceRange()), Replacement);
}

} // namespace clang::tidy::asynctidy
