//===--- UnboundedContainerCheck.cpp - asynctidy --------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "UnboundedContainerCheck.h"
#include "Compat.h"
#include "facts/ContainerGrowth.h"
#include "support/Calls.h"
#include "support/EnclosingFunctions.h"
#include "support/Facts.h"
#include "support/FixItUtils.h"
#include "support/LockTypes.h"
#include "support/Parents.h"
#include "support/Records.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

static constexpr llvm::StringLiteral DefaultContainerTypes =
    "::std::vector;::std::deque;::std::list;::std::forward_list;"
    "::std::map;::std::multimap;::std::unordered_map;"
    "::std::unordered_multimap;::std::set;::std::multiset;"
    "::std::unordered_set;::std::unordered_multiset;::std::queue;"
    "::std::priority_queue;::std::stack;::absl::flat_hash_map;"
    "::absl::flat_hash_set;::absl::node_hash_map;::absl::node_hash_set;"
    "::absl::btree_map;::absl::btree_set;::boost::unordered_map;"
    "::boost::unordered_set";

// Functions that fill members once, when the object is set up.
static constexpr llvm::StringLiteral DefaultSetUpFunctions =
    "init;initialize;setup;set_up;configure;start";

namespace {
bool isGrowth(StringRef Method) {
  static constexpr llvm::StringLiteral Names[] = {
      "push_back",     "emplace_back", "push_front",
      "emplace_front", "push",         "emplace",
      "insert",        "try_emplace",  "insert_or_assign",
      "emplace_hint",  "splice",       "merge",
      "append_range",  "insert_range"};
  return llvm::is_contained(Names, Method);
}

bool isShrink(StringRef Method) {
  static constexpr llvm::StringLiteral Names[] = {
      "erase",     "clear",  "pop_back",    "pop_front", "pop",
      "extract",   "assign", "swap",        "resize",    "remove",
      "remove_if", "unique", "erase_after", "pop_heap"};
  return llvm::is_contained(Names, Method);
}

/// A container member of an object of \p Class: `this->member`, or
/// `self->member` in a static member function or a callback handed the
/// object. Else nullptr.
const FieldDecl *memberOf(const Expr *E, const CXXRecordDecl &Class) {
  const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(asSpelled(E));
  if (!Member)
    return nullptr;
  const auto *Field = llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
  return Field && Field->getParent()->getCanonicalDecl() ==
                      Class.getCanonicalDecl()
             ? Field
             : nullptr;
}

/// An element of a member container: `member[k]`, `member.at(k)`,
/// `member.back()`, `member.front()`.
const FieldDecl *elementOf(const Expr *E, const CXXRecordDecl &Class,
                           const Expr **Access) {
  E = asSpelled(E);
  if (const auto *Subscript = llvm::dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Subscript && Subscript->getOperator() == OO_Subscript) {
    *Access = Subscript;
    return memberOf(Subscript->getArg(0), Class);
  }
  if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(E);
      Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
      llvm::is_contained(
          llvm::ArrayRef<StringRef>(
              {StringRef("at"), StringRef("back"), StringRef("front")}),
          Call->getMethodDecl()->getName())) {
    *Access = Call;
    return memberOf(Call->getImplicitObjectArgument(), Class);
  }
  return nullptr;
}

bool isMapLike(const FieldDecl &Field) {
  const CXXRecordDecl *Record =
      Field.getType().getNonReferenceType()->getAsCXXRecordDecl();
  return Record && declaresMember(*Record, "mapped_type");
}

/// A map or a set: it grows only by new keys.
bool isAssociative(const FieldDecl &Field) {
  const CXXRecordDecl *Record =
      Field.getType().getNonReferenceType()->getAsCXXRecordDecl();
  return Record && declaresMember(*Record, "key_type");
}

/// The key that growth site \p Site inserts: `m[key]`, `emplace(key, v)`,
/// `insert({key, v})`, `insert(std::make_pair(key, v))`, `insert(key)`.
const Expr *keyOf(const Expr &Site) {
  const Expr *Key = nullptr;
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&Site))
    Key = Operator->getNumArgs() > 1 ? Operator->getArg(1) : nullptr;
  else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Site)) {
    unsigned Index = Call->getMethodDecl()->getName() == "emplace_hint";
    Key = Call->getNumArgs() > Index ? Call->getArg(Index) : nullptr;
  }
  for (Key = asSpelled(Key); Key;) {
    if (const auto *List = llvm::dyn_cast<InitListExpr>(Key))
      Key = List->getNumInits() > 0 ? asSpelled(List->getInit(0)) : nullptr;
    else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Key);
             Construct && Construct->getNumArgs() > 1)
      Key = asSpelled(Construct->getArg(0));
    else if (const auto *Call = llvm::dyn_cast<CallExpr>(Key);
             Call && Call->getNumArgs() > 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->getIdentifier() &&
             Call->getDirectCallee()->getName() == "make_pair")
      Key = asSpelled(Call->getArg(0));
    else
      break;
  }
  return Key;
}

/// Whether \p S counts: `++n`, `n++`, `n += 1`, `n.fetch_add(1)`.
bool isCount(const Stmt &S) {
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&S))
    return Unary->isIncrementDecrementOp();
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(&S))
    return Binary->getOpcode() == BO_AddAssign;
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&S))
    return Operator->getOperator() == OO_PlusPlus ||
           Operator->getOperator() == OO_PlusEqual;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S))
    return Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
           Call->getMethodDecl()->getName() == "fetch_add";
  return false;
}

bool containsCount(const Stmt &S) {
  if (isCount(S))
    return true;
  for (const Stmt *Child : S.children())
    if (Child && containsCount(*Child))
      return true;
  return false;
}

/// Whether \p Body counts \p Counted somewhere (`++next_id_;`).
bool countsIn(const Stmt &Body, const ValueDecl &Counted) {
  if (isCount(Body))
    for (const Stmt *Child : Body.children())
      if (const auto *E = llvm::dyn_cast_or_null<Expr>(Child))
        if (const auto *Member = llvm::dyn_cast<MemberExpr>(asSpelled(E));
            Member && Member->getMemberDecl() == &Counted)
          return true;
  for (const Stmt *Child : Body.children())
    if (Child && countsIn(*Child, Counted))
      return true;
  return false;
}

/// `for (int i = 0; i < n; ++i)`: a loop that runs a counted number of
/// times, whatever arrives.
bool isCountedLoop(const ForStmt &For) {
  const auto *Init = llvm::dyn_cast_or_null<DeclStmt>(For.getInit());
  const auto *Counter = Init && Init->isSingleDecl()
                            ? llvm::dyn_cast<VarDecl>(Init->getSingleDecl())
                            : nullptr;
  const auto *Condition =
      llvm::dyn_cast_or_null<BinaryOperator>(asSpelled(For.getCond()));
  if (!Counter || !Counter->getType()->isIntegerType() || !Condition ||
      !(Condition->isRelationalOp() || Condition->getOpcode() == BO_NE) ||
      !For.getInc() || !isCount(*For.getInc()))
    return false;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(asSpelled(Condition->getLHS()));
  return Ref && Ref->getDecl() == Counter;
}

/// The statements of \p S that run in a counted loop: growth there fills
/// the container to a size (`for (i = 0; i < threads; ++i)
/// pool_.emplace_back(...)`) rather than adding one element per event.
void collectFills(const Stmt &S, bool InCountedLoop,
                  llvm::SmallPtrSetImpl<const Stmt *> &Fills) {
  if (InCountedLoop)
    Fills.insert(&S);
  if (llvm::isa<LambdaExpr>(S))
    return;
  const auto *For = llvm::dyn_cast<ForStmt>(&S);
  bool Counted = InCountedLoop || (For && isCountedLoop(*For));
  for (const Stmt *Child : S.children())
    if (Child)
      collectFills(
          *Child, Counted && (!For || Child == For->getBody() || InCountedLoop),
          Fills);
}

/// The class that \p Type points to: `T *`, `std::unique_ptr<T>`,
/// `std::shared_ptr<T>`.
const CXXRecordDecl *pointee(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    return Type->getPointeeCXXRecordDecl();
  const auto *Smart = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  if (!Smart || !Smart->getIdentifier() || !isInStd(*Smart) ||
      !llvm::is_contained(llvm::ArrayRef<StringRef>({StringRef("unique_ptr"),
                                                     StringRef("shared_ptr")}),
                          Smart->getName()) ||
      Smart->getTemplateArgs().size() == 0 ||
      Smart->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return Smart->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
}

/// Whether growth site \p Site registers an object the caller hands over
/// that has behaviour (`stages_.push_back(stage)`, a parameter pointing to
/// a polymorphic class): handlers, stages, sinks and policies are as many
/// as the program's configuration makes, not one per event.
bool isRegistration(const Expr &Site) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Site);
  if (!Call || Call->getNumArgs() != 1)
    return false;
  const Expr *Arg = asSpelled(Call->getArg(0));
  if (const auto *Move = llvm::dyn_cast<CallExpr>(Arg);
      Move && Move->getNumArgs() == 1 && Move->getDirectCallee() &&
      Move->getDirectCallee()->getIdentifier() &&
      Move->getDirectCallee()->getName() == "move")
    Arg = asSpelled(Move->getArg(0));
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Arg);
  if (!Ref || !llvm::isa<ParmVarDecl>(Ref->getDecl()))
    return false;
  const CXXRecordDecl *Target = pointee(Ref->getDecl()->getType());
  return Target && Target->hasDefinition() && Target->isPolymorphic();
}

/// Whether \p Key is made up from a counter, so that each call inserts a
/// new one: `next_id_++`, `++seq`, `id` from `auto id = next_id_.fetch_add(1)`,
/// `next_id_` after `++next_id_;` in \p Body.
bool isFreshKey(const Expr &Key, const Stmt &Body) {
  if (containsCount(Key))
    return true;
  const Expr *E = asSpelled(&Key);
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->isLocalVarDecl() && Var->getInit())
      return containsCount(*Var->getInit());
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    return countsIn(Body, *Member->getMemberDecl());
  return false;
}
/// The statement that holds \p Site and stands directly in a block, so that
/// a statement can go before it; null otherwise (`if (c) q.push(x);`).
const Stmt *statementInBlock(const Expr &Site, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(Site);
  for (;;) {
    DynTypedNode Parent = parentOf(Node, Context);
    if (Parent.get<CompoundStmt>())
      return Node.get<Stmt>();
    if (Parent.get<LambdaExpr>() ||
        !(Parent.get<Expr>() || Parent.get<VarDecl>() ||
          Parent.get<DeclStmt>()))
      return nullptr;
    Node = Parent;
  }
}

/// Whether \p Function unlocks something by hand (`m.unlock()`,
/// `pthread_mutex_unlock(&m)`): an early return would leave it locked.
bool unlocksByHand(const FunctionDecl &Function) {
  bool Unlocks = false;
  if (const Stmt *Body = Function.getBody())
    forEachStmtOfFunction(*Body, [&](const Stmt &S) {
      const auto *Call = llvm::dyn_cast<CallExpr>(&S);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      Unlocks |= Callee && Callee->getIdentifier() &&
                 Callee->getName().contains_insensitive("unlock");
      return !Unlocks;
    });
  return Unlocks;
}

/// The statement that refuses an element in a function returning \p Type:
/// `return false;` for a `bool`, an error for a `std::error_code` or an
/// `absl::Status`; empty for any other type.
std::string refusal(QualType Type) {
  if (Type.isNull())
    return "";
  if (Type->isBooleanType())
    return "return false;";
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return "";
  std::string Name = qualifiedName(*Record);
  if (Name == "::std::error_code")
    return "return std::make_error_code(std::errc::no_buffer_space);";
  if (Name == "::absl::Status")
    return "return absl::ResourceExhaustedError(\"queue is full\");";
  return "";
}

/// How the oldest element of \p Field is dropped: `pop_front()` of a deque
/// or a list, `pop()` of a std::queue, the first element of a map or a set
/// (with keys from a counter, the oldest); empty where no call does it (a
/// vector would move every element, a stack or a priority queue drops
/// another one).
std::string dropOldest(const FieldDecl &Field, StringRef Object) {
  const auto *Record = Field.getType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return "";
  if (isAssociative(Field))
    return (Object + ".erase(" + Object + ".begin());").str();
  if (!isInStd(*Record))
    return "";
  StringRef Name = Record->getName();
  if (Name == "deque" || Name == "list")
    return (Object + ".pop_front();").str();
  if (Name == "queue")
    return (Object + ".pop();").str();
  return "";
}
/// Where a note shows growth site \p Site: `member[k]` at the member (LLVM
/// versions place the operator call's own location differently);
/// `member.push_back()` at the function's name.
SourceLocation growthLocation(const Expr &Site) {
  const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&Site);
  return Operator ? Operator->getArg(0)->getBeginLoc() : Site.getExprLoc();
}
} // namespace

UnboundedContainerCheck::UnboundedContainerCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ContainerTypes(readNameList("ContainerTypes", DefaultContainerTypes)),
      MutexTypes(readNameList("MutexTypes", DefaultMutexTypes)),
      SetUpFunctions(readNameList("SetUpFunctions", DefaultSetUpFunctions)),
      MaxSize(readSize("MaxSize")),
      OverflowPolicy(readChoice("OverflowPolicy", "drop-oldest",
                                {"drop-oldest", "reject"})),
      FactsDirectory(readFactsDirectory()) {}

bool UnboundedContainerCheck::isContainer(QualType Type) const {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && ContainerTypes.matches(*Record);
}

void UnboundedContainerCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  auto Container = hasType(matchers::classInNameList(&ContainerTypes));
  // Classes with a container member, judged at the end of the translation
  // unit when all their member functions have been seen.
  Finder->addMatcher(
      cxxRecordDecl(isDefinition(), has(fieldDecl(Container))).bind("class"),
      this);
  // A vector used as a queue: `v.erase(v.begin())`.
  Finder->addMatcher(
      cxxMemberCallExpr(
          argumentCountIs(1),
          callee(cxxMethodDecl(hasName("erase"),
                               ofClass(hasName("::std::vector")))),
          hasArgument(0, ignoringImplicit(
                             cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(
                                                   "begin", "cbegin"))))
                                 .bind("begin"))))
          .bind("fifo"),
      this);
}

void UnboundedContainerCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *Class = Result.Nodes.getNodeAs<CXXRecordDecl>("class")) {
    Classes.insert(Class);
    return;
  }
  const auto *Erase = Result.Nodes.getNodeAs<CXXMemberCallExpr>("fifo");
  const auto *Begin = Result.Nodes.getNodeAs<CXXMemberCallExpr>("begin");
  // The same vector: `v.erase(v.begin())`, not `v.erase(w.begin())`.
  llvm::FoldingSetNodeID A, B;
  asSpelled(Erase->getImplicitObjectArgument())
      ->Profile(A, *Result.Context, true);
  asSpelled(Begin->getImplicitObjectArgument())
      ->Profile(B, *Result.Context, true);
  if (A != B)
    return;
  diag(Erase->getExprLoc(),
       "vector used as a queue: erase(begin()) moves every element that "
       "remains, a linear cost per removal; use std::deque or a ring buffer");
}

void UnboundedContainerCheck::onEndOfTranslationUnit() {
  for (const CXXRecordDecl *Class : Classes)
    checkClass(*Class);
  if (!FactsDirectory.empty() && Context)
    recordFacts();
  Classes.clear();
}

/// What the member functions do to one container member: at its own level
/// (level 0) and to the containers it holds (level 1).
struct UnboundedContainerCheck::Uses {
  std::vector<const Expr *> Growth[2];
  /// Growth sites of an associative container whose key the function makes
  /// up from a counter (`jobs_[next_id_++]`).
  llvm::SmallPtrSet<const Expr *, 2> FreshKeys;
  bool Shrinks[2] = {false, false};
  /// Bound to a reference, passed on by reference, its address taken: what
  /// happens to it then is not known.
  bool Escapes = false;

  /// What the rule needs to know of them (facts/ContainerGrowth.h).
  ::asynctidy::facts::ContainerGrowth growth(const FieldDecl &Field) const;
  bool empty() const {
    return Growth[0].empty() && Growth[1].empty() && !Shrinks[0] &&
           !Shrinks[1] && !Escapes;
  }
};

/// Records what one function body does to the container members of a class.
class UnboundedContainerCheck::UseCollector {
public:
  UseCollector(const Stmt &Body, const CXXRecordDecl &Class,
               llvm::MapVector<const FieldDecl *, Uses> &Members,
               bool CountGrowth)
      : Body(Body), Class(Class), Members(Members), CountGrowth(CountGrowth) {
    collectFills(Body, false, Fills);
  }

  void visit(const Stmt &S) {
    if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
      visitArguments(*Call);
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S))
      return visitMemberCall(*Call);
    if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&S))
      return visitOperator(*Operator);
    if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&S);
        Unary && Unary->getOpcode() == UO_AddrOf)
      if (Uses *U = find(memberOf(Unary->getSubExpr(), Class)))
        U->Escapes = true;
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&S))
      visitReferences(*Decls);
  }

private:
  Uses *find(const FieldDecl *Field) {
    auto It = Members.find(Field);
    return It == Members.end() ? nullptr : &It->second;
  }

  /// The uses of the member container that \p E is, or holds an element of.
  Uses *usesOf(const Expr *E) {
    const Expr *Access = nullptr;
    const FieldDecl *Field = memberOf(E, Class);
    return find(Field ? Field : elementOf(E, Class, &Access));
  }

  /// Growth that adds one element per call, not a fill or a registration.
  bool countsAsGrowth(const Expr &Site) const {
    return CountGrowth && !Fills.contains(&Site) && !isRegistration(Site);
  }

  void recordGrowth(Uses &U, int Level, const Expr &Site) {
    U.Growth[Level].push_back(&Site);
    if (const Expr *Key = keyOf(Site);
        Level == 0 && Key && isFreshKey(*Key, Body))
      U.FreshKeys.insert(&Site);
  }

  /// Handed on by non-const reference or pointer, or moved from (std::move,
  /// std::swap, v.swap(member), std::erase_if ...).
  void visitArguments(const CallExpr &Call) {
    forEachArgument(Call, [&](const Expr &Arg, QualType Param) {
      Uses *U = usesOf(&Arg);
      // An unknown callee, or one that can move from it, may empty it.
      if (U && (Param.isNull() || Param->isRValueReferenceType() ||
                canModifyArgument(Param)))
        U->Escapes = true;
    });
  }

  void visitMemberCall(const CXXMemberCallExpr &Call) {
    const CXXMethodDecl *Method = Call.getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    const Expr *Object = Call.getImplicitObjectArgument();
    const Expr *Access = nullptr;
    int Level = 0;
    const FieldDecl *Field = memberOf(Object, Class);
    if (!Field) {
      Field = elementOf(Object, Class, &Access);
      Level = 1;
    }
    Uses *U = find(Field);
    if (U && isGrowth(Method->getName()) && countsAsGrowth(Call))
      recordGrowth(*U, Level, Call);
    else if (U && isShrink(Method->getName()))
      U->Shrinks[Level] = true;
  }

  /// `map[k]` inserts; `member = other` replaces the contents.
  void visitOperator(const CXXOperatorCallExpr &Operator) {
    if (Operator.getNumArgs() == 0)
      return;
    const FieldDecl *Field = memberOf(Operator.getArg(0), Class);
    Uses *U = find(Field);
    if (!U)
      return;
    if (Operator.getOperator() == OO_Subscript && isMapLike(*Field)) {
      if (countsAsGrowth(Operator))
        recordGrowth(*U, 0, Operator);
    } else if (Operator.isAssignmentOp()) {
      U->Shrinks[0] = true;
    }
  }

  /// `auto &pending = member;` or `auto &list = member[k];`.
  void visitReferences(const DeclStmt &Decls) {
    for (const Decl *D : Decls.decls()) {
      const auto *Var = llvm::dyn_cast<VarDecl>(D);
      // Not the hidden reference of a range-based for loop.
      if (!Var || Var->isImplicit() || !Var->hasInit() ||
          !Var->getType()->isReferenceType() ||
          Var->getType().getNonReferenceType().isConstQualified())
        continue;
      if (Uses *U = usesOf(Var->getInit()))
        U->Escapes = true;
    }
  }

  const Stmt &Body;
  const CXXRecordDecl &Class;
  llvm::MapVector<const FieldDecl *, Uses> &Members;
  bool CountGrowth;
  llvm::SmallPtrSet<const Stmt *, 8> Fills;
};

void UnboundedContainerCheck::collect(
    const Stmt &Body, const CXXRecordDecl &Class,
    llvm::MapVector<const FieldDecl *, Uses> &Members, bool CountGrowth) const {
  UseCollector Collector(Body, Class, Members, CountGrowth);
  forEachStmtAndLambda(Body, [&](const Stmt &S) { Collector.visit(S); });
}

::asynctidy::facts::ContainerGrowth
UnboundedContainerCheck::Uses::growth(const FieldDecl &Field) const {
  ::asynctidy::facts::ContainerGrowth G;
  for (int Level = 0; Level < 2; ++Level) {
    G.Grows[Level] = !Growth[Level].empty();
    G.Shrinks[Level] = Shrinks[Level];
  }
  G.Escapes = Escapes;
  G.FreshKey = !FreshKeys.empty();
  G.Associative = isAssociative(Field);
  return G;
}

void UnboundedContainerCheck::checkClass(const CXXRecordDecl &Class) {
  // A class that locks for itself is shared between threads: a service's,
  // a registry's or a pool's state, which lives as long as the process. A
  // request, a parser, a builder or a message owns no mutex.
  if (!ownsMutex(Class, MutexTypes) || !definesEveryMemberFunction(Class))
    return;
  for (const auto &[Field, U] : collectMembers(Class))
    if (U.growth(*Field).growsForever())
      report(*Field, U);
}

llvm::MapVector<const FieldDecl *, UnboundedContainerCheck::Uses>
UnboundedContainerCheck::containerMembers(const CXXRecordDecl &Class) const {
  llvm::MapVector<const FieldDecl *, Uses> Members;
  for (const FieldDecl *Field : Class.fields())
    // A reference member names another object's container, which that
    // object bounds or not.
    if (isContainer(Field->getType()) && !Field->getType()->isReferenceType() &&
        !Field->getType().isConstQualified())
      Members[Field];
  return Members;
}

void UnboundedContainerCheck::forEachBody(
    const CXXRecordDecl &Class,
    llvm::function_ref<void(const FunctionDecl &, const Stmt &, bool)> Visit)
    const {
  // Growth in constructors and set-up functions happens once per object;
  // their removals count (a worker lambda that the constructor starts
  // drains the queue). Implicit member functions count too: a copy
  // assignment the unit uses replaces the contents.
  for (const CXXMethodDecl *Method : Class.methods()) {
    const FunctionDecl *Definition = nullptr;
    if (Method->hasBody(Definition))
      Visit(*Method, *Definition->getBody(),
            !llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
                !SetUpFunctions.matches(*Method));
  }
  for (const Decl *D : Class.decls())
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(D))
      if (const Stmt *Body = Template->getTemplatedDecl()->getBody())
        Visit(*Template->getTemplatedDecl(), *Body,
              !SetUpFunctions.matches(*Template->getTemplatedDecl()));
}

llvm::MapVector<const FieldDecl *, UnboundedContainerCheck::Uses>
UnboundedContainerCheck::collectMembers(const CXXRecordDecl &Class) const {
  llvm::MapVector<const FieldDecl *, Uses> Members = containerMembers(Class);
  forEachBody(Class,
              [&](const FunctionDecl &, const Stmt &Body, bool CountGrowth) {
                collect(Body, Class, Members, CountGrowth);
              });
  return Members;
}

void UnboundedContainerCheck::recordFacts() {
  // Classes whose member functions are spread over several units: each
  // unit records what its bodies do, and the merge judges them together.
  llvm::json::Array ClassFacts;
  for (const CXXRecordDecl *Class : Classes)
    if (ownsMutex(*Class, MutexTypes))
      if (llvm::json::Object Facts = classFacts(*Class);
          !Facts.getArray("bodies")->empty())
        ClassFacts.push_back(std::move(Facts));
  writeUnitFacts(FactsDirectory, Context->getSourceManager(),
                 llvm::json::Object{{"classes", std::move(ClassFacts)}});
}

llvm::json::Array UnboundedContainerCheck::useFacts(
    const llvm::MapVector<const FieldDecl *, Uses> &Members,
    const SourceManager &SM) {
  llvm::json::Array Facts;
  for (const auto &[Field, U] : Members) {
    if (U.empty())
      continue;
    llvm::json::Array Sites;
    for (int Level = 0; Level < 2; ++Level)
      for (const Expr *Site : U.Growth[Level])
        Sites.push_back(
            llvm::json::Object{{"level", Level},
                               {"at", factsLocation(growthLocation(*Site), SM)},
                               {"fresh_key", U.FreshKeys.contains(Site)}});
    Facts.push_back(llvm::json::Object{
        {"member", factsKey(*Field, SM)},
        {"growth", std::move(Sites)},
        {"shrinks", llvm::json::Array{U.Shrinks[0], U.Shrinks[1]}},
        {"escapes", U.Escapes}});
  }
  return Facts;
}

llvm::json::Object
UnboundedContainerCheck::classFacts(const CXXRecordDecl &Class) {
  const SourceManager &SM = Context->getSourceManager();
  llvm::json::Array Members, Needed, Bodies;
  for (const auto &Entry : containerMembers(Class))
    Members.push_back(
        llvm::json::Object{{"member", factsKey(*Entry.first, SM)},
                           {"name", Entry.first->getName()},
                           {"at", factsPlace(Entry.first->getLocation())},
                           {"associative", isAssociative(*Entry.first)}});
  for (const FunctionDecl *Function : memberFunctionsNeedingBodies(Class))
    Needed.push_back(factsKey(*Function, SM));
  forEachBody(Class, [&](const FunctionDecl &Function, const Stmt &Body,
                         bool CountGrowth) {
    llvm::MapVector<const FieldDecl *, Uses> Here = containerMembers(Class);
    collect(Body, Class, Here, CountGrowth);
    Bodies.push_back(llvm::json::Object{{"function", factsKey(Function, SM)},
                                        {"uses", useFacts(Here, SM)}});
  });
  return llvm::json::Object{{"class", factsKey(Class, SM)},
                            {"name", factsName(Class)},
                            {"members", std::move(Members)},
                            {"needs_bodies", std::move(Needed)},
                            {"bodies", std::move(Bodies)},
                            {"judged_here", definesEveryMemberFunction(Class)}};
}

void UnboundedContainerCheck::report(const FieldDecl &Field, const Uses &U) {
  bool InnerGrows = U.growth(Field).innerGrows();
  diag(Field.getLocation(),
       "'%0' only grows: no member function removes from it%select{| or "
       "from the containers it holds}1, so a long-running process keeps "
       "every element forever")
      << Field.getName() << InnerGrows;
  for (int Level = 0; Level < (InnerGrows ? 2 : 1); ++Level) {
    for (const Expr *Site : U.Growth[Level])
      diag(growthLocation(*Site), "it grows here", DiagnosticIDs::Note);
  }
  if (!InnerGrows)
    noteBound(Field, U);
}

// The bound changes what the program does (elements are dropped or
// refused), so it is a note's fix, offered only with MaxSize set. It is one
// fix for every growth site, or none: a bound on some of them bounds
// nothing.
void UnboundedContainerCheck::noteBound(const FieldDecl &Field, const Uses &U) {
  if (MaxSize.empty() || !Context)
    return;
  bool Reject = OverflowPolicy == "reject";
  std::vector<FixItHint> Fixes;
  for (const Expr *Site : U.Growth[0]) {
    const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(Site);
    const Expr *Object =
        Operator
            ? Operator->getArg(0)
            : llvm::cast<CXXMemberCallExpr>(Site)->getImplicitObjectArgument();
    const Stmt *Statement = statementInBlock(*Site, *Context);
    std::optional<std::string> Text = sourceText(*Object, *Context);
    if (!Statement || !Text || !isSafeToEdit(*Statement, *Context))
      return;
    std::string Action;
    if (!Reject)
      Action = dropOldest(Field, *Text);
    else if (const FunctionDecl *Function =
                 enclosingFunction(*Statement, *Context);
             Function && !unlocksByHand(*Function))
      Action = refusal(Function->getReturnType());
    if (Action.empty())
      return;
    std::string Indent =
        indentationOf(Statement->getBeginLoc(), Context->getSourceManager());
    Fixes.push_back(FixItHint::CreateInsertion(
        Statement->getBeginLoc(), "if (" + *Text + ".size() >= " + MaxSize +
                                      ")\n" + Indent + "  " + Action + "\n" +
                                      Indent));
  }
  if (Fixes.empty())
    return;
  diag(Field.getLocation(),
       "bound it: before each growth, %select{%select{drop the oldest "
       "element|erase its first element}1|refuse the new "
       "element}0 once it holds %2 elements",
       DiagnosticIDs::Note)
      << Reject << isAssociative(Field) << MaxSize << Fixes;
}

} // namespace clang::tidy::asynctidy
