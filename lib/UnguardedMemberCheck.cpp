//===--- UnguardedMemberCheck.cpp - asynctidy -----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "UnguardedMemberCheck.h"
#include "Compat.h"
#include "support/Calls.h"
#include "support/Coroutines.h"
#include "support/Facts.h"
#include "support/FixItUtils.h"
#include "support/MacroOrigin.h"
#include "support/Records.h"
#include "support/StmtPath.h"
#include "support/StmtWalk.h"
#include "support/Writes.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

static constexpr llvm::StringLiteral DefaultThreadSafeTypes =
    "::std::atomic;::std::atomic_flag;::std::atomic_ref;"
    "::std::condition_variable;::std::condition_variable_any;"
    "::std::once_flag;::std::latch;::std::barrier;"
    "::std::counting_semaphore;::std::binary_semaphore;::std::stop_source;"
    "::boost::atomic;::boost::condition_variable;::absl::CondVar;"
    "::absl::Notification";
static constexpr llvm::StringLiteral DefaultSingleThreadedFunctions =
    "shutdown.*;destroy.*;cleanup.*;notify_fork;init;initialize;start";

namespace facts = ::asynctidy::facts;

namespace {
/// The `this->member` expression that \p E writes to when it is assigned,
/// incremented or mutated: the member itself, or a member of it
/// (`stats_.count`), or an element of a member array or container.
const MemberExpr *writtenMember(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (llvm::isa<CXXThisExpr>(Base))
        return Member;
      if (Member->isArrow())
        return nullptr; // through a pointer: the pointee changes
      E = Base;
    } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
    } else {
      E = accessedObject(E);
    }
  }
  return nullptr;
}

/// The members \p S writes to (see forEachWrite): a write through a pointer
/// member changes the pointee, not the member.
llvm::SmallVector<const MemberExpr *, 1> writesOf(const Stmt &S) {
  llvm::SmallVector<const MemberExpr *, 1> Written;
  forEachWrite(S, [&](const Expr &Target, bool ThroughPointer) {
    if (const MemberExpr *Member = writtenMember(&Target);
        Member && !ThroughPointer)
      Written.push_back(Member);
  });
  return Written;
}

/// `&member` on its own computes an address; what is done through it later
/// is what counts (a call that may modify it is a write, see writesOf).
const MemberExpr *addressOnly(const Stmt &S) {
  const auto *Address = llvm::dyn_cast<UnaryOperator>(&S);
  if (!Address || Address->getOpcode() != UO_AddrOf)
    return nullptr;
  // `&cache_.node`: the address of a part of the member.
  const Expr *E = Address->getSubExpr()->IgnoreParens();
  while (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    if (llvm::isa<CXXThisExpr>(Base))
      return Member;
    if (Member->isArrow())
      return nullptr;
    E = Base;
  }
  return nullptr;
}

/// The member that \p S returns by reference (`const std::string &name()
/// const { return name_; }`): the caller's use of it is the access, and a
/// lock in the function would not cover it.
const MemberExpr *returnedByReference(const Stmt &S,
                                      const CXXMethodDecl &Method) {
  const auto *Return = llvm::dyn_cast<ReturnStmt>(&S);
  if (!Return || !Return->getRetValue() ||
      !Method.getReturnType()->isReferenceType())
    return nullptr;
  const auto *Member =
      llvm::dyn_cast<MemberExpr>(Return->getRetValue()->IgnoreParenImpCasts());
  return Member && llvm::isa<CXXThisExpr>(
                       Member->getBase()->IgnoreParenImpCasts())
             ? Member
             : nullptr;
}

/// The member function of \p Class that \p Call calls on `this`.
const CXXMethodDecl *calleeOnThis(const CallExpr &Call,
                                  const CXXRecordDecl &Class) {
  const CXXMethodDecl *Method = methodCalledOnThis(Call);
  return Method && Method->getParent()->getCanonicalDecl() == &Class ? Method
                                                                     : nullptr;
}

/// The names of member functions that a template calls on `this` without
/// resolving the overload yet: `push(value)` with a dependent argument.
StringRef unresolvedCalleeOnThis(const CallExpr &Call) {
  const auto *Member = llvm::dyn_cast<UnresolvedMemberExpr>(
      Call.getCallee()->IgnoreParenImpCasts());
  if (!Member || !(Member->isImplicitAccess() ||
                   llvm::isa<CXXThisExpr>(Member->getBase())))
    return "";
  return Member->getMemberName().isIdentifier()
             ? Member->getMemberName().getAsIdentifierInfo()->getName()
             : "";
}

/// The `//` comment lines right above \p D: clang keeps only documentation
/// comments (`///`, `/** */`), and many projects document with plain ones.
std::string lineCommentAbove(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  auto [File, Offset] =
      SM.getDecomposedLoc(SM.getExpansionLoc(D.getBeginLoc()));
  bool Invalid = false;
  StringRef Before = SM.getBufferData(File, &Invalid).take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  if (Invalid || LineStart == StringRef::npos)
    return "";
  Before = Before.take_front(LineStart);
  std::string Text;
  for (int Lines = 0; Lines < 8; ++Lines) {
    size_t Start = Before.rfind('\n');
    StringRef Line =
        Before.substr(Start == StringRef::npos ? 0 : Start + 1).trim();
    if (!compat::startsWith(Line, "//"))
      break;
    Text = Line.str() + " " + Text;
    if (Start == StringRef::npos)
      break;
    Before = Before.take_front(Start);
  }
  return Text;
}

/// Whether the documentation of \p Method says it is not for concurrent
/// use: "not thread-safe", "must not be used concurrently".
bool documentsNotThreadSafe(const CXXMethodDecl &Method) {
  ASTContext &Context = Method.getASTContext();
  for (const FunctionDecl *Decl : Method.redecls()) {
    const RawComment *Comment = Context.getRawCommentForDeclNoCache(Decl);
    std::string Text =
        Comment
            ? StringRef(Comment->getRawText(Context.getSourceManager())).lower()
            : StringRef(lineCommentAbove(*Decl)).lower();
    if (Text.empty())
      continue;
    for (StringRef Phrase :
         {"not thread-safe", "not thread safe", "not threadsafe",
          "must not be used concurrently", "must not be called concurrently",
          "cannot be used concurrently", "cannot be called concurrently",
          "not safe to call concurrently"})
      if (StringRef(Text).contains(Phrase))
        return true;
  }
  return false;
}

/// Whether \p Call asserts that the caller holds a lock: a function marked
/// `assert_capability` / `assert_exclusive_lock`
/// (`ABSL_ASSERT_EXCLUSIVE_LOCK`), or `mutex_.AssertHeld()`.
bool assertsLockHeld(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  for (const Attr *A : Callee->attrs())
    if (compat::startsWith(StringRef(A->getSpelling()), "assert_"))
      return true;
  return Callee->getIdentifier() && (Callee->getName() == "AssertHeld" ||
                                     Callee->getName() == "AssertReaderHeld" ||
                                     Callee->getName() == "assert_held");
}

/// Member functions that say they do their own thing with the locks: no
/// thread-safety analysis, documented as not for concurrent use, or an
/// assignment that locks to copy another object.
bool isExempt(const CXXMethodDecl &Method) {
  return Method.hasAttr<NoThreadSafetyAnalysisAttr>() ||
         Method.isCopyAssignmentOperator() ||
         Method.isMoveAssignmentOperator() || documentsNotThreadSafe(Method);
}

} // namespace

UnguardedMemberCheck::UnguardedMemberCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      GuardTypes(readNameList("GuardTypes", DefaultGuardTypes)),
      MutexTypes(readNameList("MutexTypes", DefaultMutexTypes)),
      ThreadSafeTypes(readNameList("ThreadSafeTypes", DefaultThreadSafeTypes)),
      SingleThreadedFunctions(readNameList("SingleThreadedFunctions",
                                           DefaultSingleThreadedFunctions)),
      ScalarLockingFunctions(readCount("ScalarLockingFunctions", 2)),
      Inserter(readIncludeStyle()), FactsDirectory(readFactsDirectory()) {}

void UnguardedMemberCheck::registerPPCallbacks(const SourceManager &SM,
                                               Preprocessor *PP,
                                               Preprocessor *ModuleExpanderPP) {
  Inserter.registerPreprocessor(PP);
}

void UnguardedMemberCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Member functions with bodies of classes that own a mutex. The class is
  // judged at the end of the translation unit, when all the member
  // functions it defines, inline or out of line, have been seen.
  auto Mutex = fieldDecl(hasType(hasUnqualifiedDesugaredType(recordType(
      hasDeclaration(cxxRecordDecl(matchers::isMutexType(&MutexTypes)))))));
  Finder->addMatcher(
      cxxMethodDecl(isDefinition(), ofClass(cxxRecordDecl(has(Mutex))))
          .bind("method"),
      this);
}

void UnguardedMemberCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Method = Result.Nodes.getNodeAs<CXXMethodDecl>("method");
  if (!Method->hasBody() || Method->isDefaulted() || Method->isDeleted())
    return;
  Context = Result.Context;
  Classes[Method->getParent()->getCanonicalDecl()].push_back(Method);
}

UnguardedMemberCheck::MethodSummary
UnguardedMemberCheck::summarise(const CXXMethodDecl &Method) const {
  MethodSummary Summary;
  Summary.Method = &Method;
  const CXXRecordDecl *Class = Method.getParent()->getCanonicalDecl();
  const SourceManager &SM = Method.getASTContext().getSourceManager();
  llvm::DenseSet<const MemberExpr *> Written, AddressOnly;
  forEachStmtWithLocksHeld(
      *Method.getBody(), {GuardTypes, MutexTypes},
      [&](const Stmt &S, llvm::ArrayRef<const HeldLock *> Held) {
        if (!Held.empty())
          Summary.TakesLock = true;
        for (const HeldLock *Lock : Held)
          for (const ValueDecl *Mutex : Lock->Mutexes)
            if (Lock->Acquire && llvm::isa<FieldDecl>(Mutex) &&
                !llvm::is_contained(Summary.Acquisitions,
                                    std::make_pair(Lock->Acquire, Mutex)))
              Summary.Acquisitions.emplace_back(Lock->Acquire, Mutex);
        for (const MemberExpr *Member : writesOf(S))
          Written.insert(Member);
        if (const MemberExpr *Member = addressOnly(S))
          AddressOnly.insert(Member);
        if (const MemberExpr *Member = returnedByReference(S, Method))
          AddressOnly.insert(Member);
        if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
          Summary.AssertsLock |= assertsLockHeld(*Call);
          if (const CXXMethodDecl *Callee = calleeOnThis(*Call, *Class))
            Summary.Calls.push_back({Callee, !Held.empty()});
          StringRef Name = unresolvedCalleeOnThis(*Call);
          if (!Name.empty() && !Held.empty())
            Summary.UnresolvedCallsUnderLock.push_back(Name);
        }
        const auto *Member = llvm::dyn_cast<MemberExpr>(&S);
        if (!Member ||
            !llvm::isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
          return;
        const auto *Field = llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
        if (!Field || Field->getParent()->getCanonicalDecl() != Class)
          return;
        if (AddressOnly.count(Member) && !Written.count(Member))
          return;
        Access Use{Field, Member, Written.count(Member) > 0, {}, !Held.empty()};
        Use.InAssertion = isInAssertion(Member->getExprLoc(), SM,
                                        Method.getASTContext().getLangOpts());
        for (const HeldLock *Lock : Held)
          for (const ValueDecl *Mutex : Lock->Mutexes)
            if (const auto *MutexField = llvm::dyn_cast<FieldDecl>(Mutex);
                MutexField &&
                MutexField->getParent()->getCanonicalDecl() == Class)
              Use.Held.push_back(MutexField);
        Summary.Accesses.push_back(std::move(Use));
      });
  return Summary;
}

void UnguardedMemberCheck::onEndOfTranslationUnit() {
  for (const auto &[Class, Methods] : Classes)
    checkClass(*Class, Methods);
  if (!FactsDirectory.empty() && Context)
    writeUnitFacts(
        FactsDirectory, Context->getSourceManager(),
        llvm::json::Object{{"scalar_locking_functions", ScalarLockingFunctions},
                           {"classes", std::move(RecordedClasses)}});
  RecordedClasses = llvm::json::Array();
  Classes.clear();
}

// A reference member names another object for the object's whole life: what
// is done through it is done to that object, not to the member. A member
// that owns a mutex of its own (a synchronised cache or event) locks itself.
bool UnguardedMemberCheck::isShared(const FieldDecl &Field) const {
  const CXXRecordDecl *Record = classOf(Field.getType());
  return Field.getType().isConstQualified() ||
         Field.getType()->isReferenceType() ||
         (Record &&
          (isMutexType(*Record, MutexTypes) ||
           ThreadSafeTypes.matches(*Record) || ownsMutex(*Record, MutexTypes)));
}

/// What the judgement needs of \p Method's declaration.
facts::MethodFacts
UnguardedMemberCheck::declarationFacts(const CXXMethodDecl &Method) const {
  facts::MethodFacts Facts;
  if (Method.getIdentifier())
    Facts.Name = Method.getName().str();
  Facts.Public = writtenAccess(Method) == AS_public;
  Facts.OnAnObject =
      !llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
      !Method.isStatic();
  Facts.Exempt = isExempt(Method);
  Facts.SingleThreaded = SingleThreadedFunctions.matches(Method);
  // Annotated as requiring the lock, or handed the caller's guard.
  Facts.HoldsCallersLock =
      Method.hasAttr<RequiresCapabilityAttr>() ||
      llvm::any_of(Method.parameters(), [&](const ParmVarDecl *Param) {
        const CXXRecordDecl *Record = recordOf(Param->getType());
        return Record && isGuardType(*Record, {GuardTypes, MutexTypes});
      });
  return Facts;
}

/// The index of \p D in \p List, where it is added if new; and whether it
/// was.
template <typename T>
static std::pair<unsigned, bool>
number(const T *D, std::vector<const T *> &List,
       llvm::DenseMap<const T *, unsigned> &Indices) {
  auto [It, New] = Indices.try_emplace(D, List.size());
  if (New)
    List.push_back(D);
  return {It->second, New};
}

/// Adds to \p Model what the body of its member function \p Index does.
void UnguardedMemberCheck::addBody(ClassModel &Model, unsigned Index) const {
  const MethodSummary &Summary = Model.Summaries[Index];
  Model.Facts.Methods[Index].HasBody = true;
  Model.Facts.Methods[Index].TakesLock = Summary.TakesLock;
  Model.Facts.Methods[Index].HoldsCallersLock |= Summary.AssertsLock;
  for (StringRef Name : Summary.UnresolvedCallsUnderLock)
    Model.Facts.Methods[Index].UnresolvedCallsUnderLock.push_back(Name.str());
  for (const auto &[Callee, Held] : Summary.Calls) {
    auto [CalleeIndex, New] =
        number(Callee->getCanonicalDecl(), Model.Methods, Model.MethodIndex);
    if (New) // no body in this unit
      Model.Facts.Methods.push_back(declarationFacts(*Callee));
    Model.Facts.Methods[Index].Calls.push_back({CalleeIndex, Held});
  }
  for (const Access &Use : Summary.Accesses) {
    facts::MemberUse Fact;
    auto [Member, New] = number(Use.Field, Model.Members, Model.MemberIndex);
    if (New)
      Model.Facts.Members.push_back(
          {isShared(*Use.Field), Use.Field->getType()->isScalarType()});
    Fact.Member = Member;
    Fact.Write = Use.Write;
    Fact.AnyLockHeld = Use.AnyLockHeld;
    Fact.InAssertion = Use.InAssertion;
    for (const ValueDecl *Mutex : Use.Held)
      Fact.Held.push_back(number(Mutex, Model.Mutexes, Model.MutexIndex).first);
    Model.Facts.Methods[Index].Uses.push_back(std::move(Fact));
  }
}

UnguardedMemberCheck::ClassModel UnguardedMemberCheck::model(
    llvm::ArrayRef<const CXXMethodDecl *> Methods) const {
  ClassModel Model;
  // The member functions with a body first, so that their indices are
  // those of their summaries.
  for (const CXXMethodDecl *Method : Methods)
    if (number(Method->getCanonicalDecl(), Model.Methods, Model.MethodIndex)
            .second) {
      Model.Summaries.push_back(summarise(*Method));
      Model.Facts.Methods.push_back(declarationFacts(*Method));
    }
  for (unsigned Index = 0; Index < Model.Summaries.size(); ++Index)
    addBody(Model, Index);
  return Model;
}

std::vector<facts::UnguardedUse>
UnguardedMemberCheck::judge(const ClassModel &Model) const {
  return facts::findUnguardedUses(
      Model.Facts, ScalarLockingFunctions,
      [&](unsigned Method, unsigned Use, llvm::ArrayRef<unsigned> Guards) {
        llvm::SmallVector<const ValueDecl *, 2> Mutexes;
        for (unsigned Guard : Guards)
          Mutexes.push_back(Model.Mutexes[Guard]);
        const MethodSummary &Summary = Model.Summaries[Method];
        return isFastPath(Summary.Accesses[Use], Summary, Mutexes);
      });
}

void UnguardedMemberCheck::checkClass(
    const CXXRecordDecl &Class, llvm::ArrayRef<const CXXMethodDecl *> Methods) {
  if (implementsSynchronisation(Class))
    return;
  ClassModel Model = model(Methods);
  std::vector<facts::UnguardedUse> Found = judge(Model);
  for (const facts::UnguardedUse &Use : Found)
    report(Model, Use);
  if (!FactsDirectory.empty())
    RecordedClasses.push_back(classFacts(Class, Model, Found));
}

/// Whether \p Read comes before \p Acquire on a path through \p Body: in
/// an earlier statement, or in the condition of an `if` whose branch takes
/// the lock; not in another branch.
static bool precedesOnAPath(const Stmt &Read, const Stmt &Acquire,
                            const Stmt &Body, const SourceManager &SM) {
  if (!SM.isBeforeInTranslationUnit(Read.getBeginLoc(), Acquire.getBeginLoc()))
    return false;
  auto ReadPath = enclosingStmts(Read, Body);
  auto AcquirePath = enclosingStmts(Acquire, Body);
  ReadPath.insert(ReadPath.begin(), &Read);
  AcquirePath.insert(AcquirePath.begin(), &Acquire);
  // Walk down from the body while the two paths agree.
  size_t R = ReadPath.size(), A = AcquirePath.size();
  while (R > 1 && A > 1 && ReadPath[R - 2] == AcquirePath[A - 2]) {
    --R;
    --A;
  }
  if (R < 2 || A < 2)
    return true;
  const Stmt *Common = ReadPath[R - 1];
  const Stmt *ReadSide = ReadPath[R - 2];
  if (const auto *If = llvm::dyn_cast<IfStmt>(Common))
    return ReadSide != If->getThen() && ReadSide != If->getElse();
  if (const auto *Switch = llvm::dyn_cast<SwitchStmt>(Common))
    return ReadSide == Switch->getCond();
  if (const auto *Conditional = llvm::dyn_cast<ConditionalOperator>(Common))
    return ReadSide == Conditional->getCond();
  return true;
}

// A read before the function takes the member's lock itself is a
// deliberate fast path, checked again under the lock: `if (waiters_ == 0)
// return;`, or double-checked locking.
bool UnguardedMemberCheck::isFastPath(
    const Access &Read, const MethodSummary &Summary,
    llvm::ArrayRef<const ValueDecl *> Guards) const {
  const SourceManager &SM = Context->getSourceManager();
  for (const auto &[Acquire, Mutex] : Summary.Acquisitions)
    if (llvm::is_contained(Guards, Mutex) &&
        precedesOnAPath(*Read.Where, *Acquire, *Summary.Method->getBody(), SM))
      return true;
  return false;
}

void UnguardedMemberCheck::report(const ClassModel &Model,
                                  const facts::UnguardedUse &Found) {
  const MethodSummary &Summary = Model.Summaries[Found.Method];
  const Access &First = Summary.Accesses[Found.Use];
  const ValueDecl *Mutex = Model.Mutexes[Found.Mutex];
  std::vector<FixItHint> Fixes;
  if (Found.NeededMutexes.size() == 1 && !Summary.TakesLock) {
    llvm::DenseSet<const CXXMethodDecl *> LockingMethods;
    for (const MethodSummary &Other : Model.Summaries)
      if (Other.TakesLock)
        LockingMethods.insert(Other.Method->getCanonicalDecl());
    Fixes = guardBody(Summary, *Mutex, LockingMethods);
  }
  diag(First.Where->getMemberLoc(),
       "'%0' is %select{read|written}1 without holding '%2', which guards "
       "it elsewhere: concurrent calls race")
      << First.Field->getName() << First.Write << Mutex->getName();
  const Access &Example =
      Model.Summaries[Found.Example.first].Accesses[Found.Example.second];
  diag(Example.Where->getMemberLoc(), "'%0' is written with '%1' held here",
       DiagnosticIDs::Note)
      << First.Field->getName() << Example.Held.front()->getName();
  // Taking a lock changes what the function does (it may now wait, or
  // deadlock with a caller that holds the mutex): the fix is a note's.
  if (!Fixes.empty())
    diag(Summary.Method->getBody()->getBeginLoc(),
         "hold '%0' for the whole function", DiagnosticIDs::Note)
        << Mutex->getName() << Fixes;
}

/// Whether \p Body calls a member function of its own object that a template
/// has not resolved yet: it may lock the mutex too.
static bool callsUnresolvedMember(const Stmt &Body) {
  bool Calls = false;
  auto OnThis = [](const auto &Member) {
    return Member.isImplicitAccess() ||
           llvm::isa<CXXThisExpr>(Member.getBase());
  };
  forEachStmtOfFunction(Body, [&](const Stmt &S) {
    if (const auto *Member = llvm::dyn_cast<UnresolvedMemberExpr>(&S))
      Calls |= OnThis(*Member);
    if (const auto *Member = llvm::dyn_cast<CXXDependentScopeMemberExpr>(&S))
      Calls |= OnThis(*Member);
    // `push(value)` with a dependent argument: a call to a member function
    // that the template has not resolved into a member call yet.
    if (const auto *Call = llvm::dyn_cast<CallExpr>(&S);
        Call && Call->isTypeDependent())
      if (const auto *Member = llvm::dyn_cast<MemberExpr>(
              Call->getCallee()->IgnoreParenImpCasts()))
        Calls |= llvm::isa<CXXThisExpr>(Member->getBase());
    return !Calls;
  });
  return Calls;
}

/// Whether holding \p Mutex for the whole of \p Summary's function keeps
/// its meaning: the function does not use the mutex itself, calls no member
/// function that locks (or may: one without a body, or unresolved), and can
/// lock the mutex (not const, unless the mutex is mutable).
bool UnguardedMemberCheck::canHoldForWholeBody(
    const MethodSummary &Summary, const CompoundStmt &Body,
    const FieldDecl &Mutex,
    const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods) const {
  // A function that already does something with the mutex (try_lock(), a
  // guard made with try_to_lock, handing it on) knows its locking better.
  if (refersTo(Body, [&](const ValueDecl &D) { return &D == &Mutex; }))
    return false;
  // A call to a member function that locks would lock again: a deadlock.
  for (const auto &[Callee, Held] : Summary.Calls)
    if (!Callee->hasBody() || LockingMethods.count(Callee->getCanonicalDecl()))
      return false;
  if (callsUnresolvedMember(Body))
    return false;
  // A const member function sees a const mutex, unless it is mutable.
  if (Summary.Method->isConst() && !Mutex.isMutable())
    return false;
  const CXXRecordDecl *MutexClass = recordOf(Mutex.getType());
  return MutexClass && declaresMember(*MutexClass, "lock") &&
         declaresMember(*MutexClass, "unlock");
}

std::vector<FixItHint> UnguardedMemberCheck::guardBody(
    const MethodSummary &Summary, const ValueDecl &Mutex,
    const llvm::DenseSet<const CXXMethodDecl *> &LockingMethods) {
  const CXXMethodDecl &Method = *Summary.Method;
  const auto *Body = llvm::dyn_cast<CompoundStmt>(Method.getBody());
  const auto *MutexField = llvm::dyn_cast<FieldDecl>(&Mutex);
  if (!Body || Body->body_empty() || !MutexField || isCoroutine(Method) ||
      !isSafeToEdit(*Body, *Context) || hasHiddenCode(*Body, *Context) ||
      Body->body_front()->getBeginLoc().isMacroID() ||
      !canHoldForWholeBody(Summary, *Body, *MutexField, LockingMethods))
    return {};
  std::string Name;
  for (StringRef Candidate : {"lock", "guard"})
    if (isNameFreeIn(Candidate, *Body, *Context)) {
      Name = Candidate.str();
      break;
    }
  if (Name.empty())
    return {};

  const LangOptions &LangOpts = Context->getLangOpts();
  const SourceManager &SM = Context->getSourceManager();
  std::string Guard =
      LangOpts.CPlusPlus17
          ? "std::scoped_lock " + Name
          : "std::lock_guard<" +
                MutexField->getType().getUnqualifiedType().getAsString(
                    Context->getPrintingPolicy()) +
                "> " + Name;
  Guard += "(" + Mutex.getName().str() + ");";
  const Stmt *First = Body->body_front();
  std::string Separator = isOnOneLine(*Body, SM)
                              ? " "
                              : "\n" + indentationOf(First->getBeginLoc(), SM);
  std::vector<FixItHint> Fixes{
      FixItHint::CreateInsertion(First->getBeginLoc(), Guard + Separator)};
  if (isDeclaredInStd(*Context,
                      LangOpts.CPlusPlus17 ? "scoped_lock" : "lock_guard"))
    return Fixes;
  if (auto Include = Inserter.include(First->getBeginLoc(), SM, "<mutex>"))
    Fixes.push_back(*Include);
  return Fixes;
}

llvm::json::Object UnguardedMemberCheck::useEntry(const ClassModel &Model,
                                                  const FactsKeys &Keys,
                                                  unsigned Method,
                                                  unsigned Use) {
  const facts::MemberUse &Fact = Model.Facts.Methods[Method].Uses[Use];
  const MethodSummary &Summary = Model.Summaries[Method];
  const Access &Where = Summary.Accesses[Use];
  llvm::json::Array Held, FastPathFor;
  for (unsigned Mutex : Fact.Held)
    Held.push_back(Keys.Mutexes[Mutex]);
  // The merge sees no paths: which mutexes an unguarded read comes before,
  // on the path that takes them, is recorded here.
  if (!Fact.Write && !Fact.AnyLockHeld)
    for (unsigned Mutex = 0; Mutex < Model.Mutexes.size(); ++Mutex)
      if (isFastPath(Where, Summary, {Model.Mutexes[Mutex]}))
        FastPathFor.push_back(Keys.Mutexes[Mutex]);
  return llvm::json::Object{{"member", Keys.Members[Fact.Member]},
                            {"write", Fact.Write},
                            {"held", std::move(Held)},
                            {"any_lock", Fact.AnyLockHeld},
                            {"in_assertion", Fact.InAssertion},
                            {"at", factsPlace(Where.Where->getMemberLoc())},
                            {"fast_path_for", std::move(FastPathFor)}};
}

llvm::json::Object UnguardedMemberCheck::methodEntry(const ClassModel &Model,
                                                     const FactsKeys &Keys,
                                                     unsigned Method) {
  const facts::MethodFacts &Facts = Model.Facts.Methods[Method];
  llvm::json::Array Calls, Unresolved, Uses;
  for (const auto &[Callee, Held] : Facts.Calls)
    Calls.push_back(llvm::json::Array{Keys.Methods[Callee], Held});
  for (const std::string &Name : Facts.UnresolvedCallsUnderLock)
    Unresolved.push_back(Name);
  for (unsigned Use = 0; Use < Facts.Uses.size(); ++Use)
    Uses.push_back(useEntry(Model, Keys, Method, Use));
  return llvm::json::Object{{"function", Keys.Methods[Method]},
                            {"name", Facts.Name},
                            {"public", Facts.Public},
                            {"on_an_object", Facts.OnAnObject},
                            {"exempt", Facts.Exempt},
                            {"single_threaded", Facts.SingleThreaded},
                            {"holds_callers_lock", Facts.HoldsCallersLock},
                            {"body", Facts.HasBody},
                            {"takes_lock", Facts.TakesLock},
                            {"calls", std::move(Calls)},
                            {"unresolved_under_lock", std::move(Unresolved)},
                            {"uses", std::move(Uses)}};
}

// What the merge needs to judge the class with the member functions of
// other units: each body's uses and calls, each member function's kind, and
// what this unit reported already.
llvm::json::Object
UnguardedMemberCheck::classFacts(const CXXRecordDecl &Class,
                                 const ClassModel &Model,
                                 llvm::ArrayRef<facts::UnguardedUse> Reported) {
  const SourceManager &SM = Context->getSourceManager();
  FactsKeys Keys;
  for (const CXXMethodDecl *Method : Model.Methods)
    Keys.Methods.push_back(factsKey(*Method, SM));
  for (const FieldDecl *Member : Model.Members)
    Keys.Members.push_back(factsKey(*Member, SM));
  for (const ValueDecl *Mutex : Model.Mutexes)
    Keys.Mutexes.push_back(factsKey(*Mutex, SM));
  llvm::json::Array Members, Mutexes, Methods, ReportedKeys;
  for (unsigned I = 0; I < Model.Members.size(); ++I)
    Members.push_back(
        llvm::json::Object{{"member", Keys.Members[I]},
                           {"name", Model.Members[I]->getName()},
                           {"shared", Model.Facts.Members[I].Shared},
                           {"scalar", Model.Facts.Members[I].Scalar}});
  for (unsigned I = 0; I < Model.Mutexes.size(); ++I)
    Mutexes.push_back(llvm::json::Object{
        {"mutex", Keys.Mutexes[I]}, {"name", Model.Mutexes[I]->getName()}});
  for (unsigned I = 0; I < Model.Methods.size(); ++I)
    Methods.push_back(methodEntry(Model, Keys, I));
  for (const facts::UnguardedUse &Use : Reported)
    ReportedKeys.push_back(Keys.Methods[Use.Method]);
  return llvm::json::Object{{"class", factsKey(Class, SM)},
                            {"name", factsName(Class)},
                            {"judged_here", definesEveryMemberFunction(Class)},
                            {"members", std::move(Members)},
                            {"mutexes", std::move(Mutexes)},
                            {"methods", std::move(Methods)},
                            {"reported", std::move(ReportedKeys)}};
}

} // namespace clang::tidy::asynctidy
