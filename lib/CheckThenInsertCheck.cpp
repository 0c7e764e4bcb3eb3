//===--- CheckThenInsertCheck.cpp - asynctidy -----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "CheckThenInsertCheck.h"
#include "support/FixItUtils.h"
#include "support/LockScopes.h"
#include "support/Parents.h"
#include "support/Records.h"
#include "support/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::asynctidy {
using namespace ast_matchers;

static constexpr llvm::StringLiteral DefaultContainerTypes =
    "::std::map;::std::unordered_map;::std::set;::std::unordered_set;"
    "::absl::flat_hash_map;::absl::node_hash_map;::absl::btree_map;"
    "::absl::flat_hash_set;::absl::node_hash_set;::absl::btree_set;"
    "::boost::unordered_map;::boost::unordered_set;"
    "::boost::container::flat_map;::boost::container::flat_set;"
    "::boost::container::map;::boost::container::set";

namespace {
/// A test whether a key is in a container: `m.find(k) == m.end()`,
/// `!m.count(k)`, `m.contains(k)`, ...
struct MembershipTest {
  const CXXMemberCallExpr *Lookup = nullptr;
  const Expr *Container = nullptr;
  const Expr *Key = nullptr;
  /// Whether the condition holds when the key is missing.
  bool TrueWhenMissing = false;
};

/// \p E without the conversions and temporaries that do not change which
/// value it denotes: `std::string(key)` and `key` are the same key.
const Expr *strip(const Expr *E) {
  while (true) {
    const Expr *Before = E;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1 &&
        !llvm::isa<CXXTemporaryObjectExpr>(Construct))
      E = Construct->getArg(0);
    if (E == Before)
      return E;
  }
}

bool isPure(const Expr &E);

/// Whether \p A and \p B are written the same way and evaluate to the same
/// thing: no side effects.
bool isSame(const Expr *A, const Expr *B, const ASTContext &Context) {
  A = strip(A);
  B = strip(B);
  if (!isPure(*A) || !isPure(*B))
    return false;
  llvm::FoldingSetNodeID IdA, IdB;
  A->Profile(IdA, Context, /*Canonical=*/true);
  B->Profile(IdB, Context, /*Canonical=*/true);
  return IdA == IdB;
}

const CXXMemberCallExpr *
memberCallNamed(const Expr *E, std::initializer_list<StringRef> Names) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(strip(E));
  if (!Call || !Call->getMethodDecl() ||
      !Call->getMethodDecl()->getIdentifier())
    return nullptr;
  StringRef Name = Call->getMethodDecl()->getName();
  return llvm::is_contained(Names, Name) ? Call : nullptr;
}

bool isZero(const Expr *E) {
  const auto *Literal = llvm::dyn_cast<IntegerLiteral>(strip(E));
  return Literal && Literal->getValue() == 0;
}

/// The operator and operands of a comparison, built-in or overloaded.
std::optional<std::tuple<BinaryOperatorKind, const Expr *, const Expr *>>
comparison(const Expr *E) {
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(E))
    return std::make_tuple(Binary->getOpcode(), Binary->getLHS(),
                           Binary->getRHS());
  if (const auto *Call = llvm::dyn_cast<CXXOperatorCallExpr>(E);
      Call && Call->getNumArgs() == 2 && Call->isComparisonOp())
    return std::make_tuple(
        BinaryOperator::getOverloadedOpcode(Call->getOperator()),
        Call->getArg(0), Call->getArg(1));
  return std::nullopt;
}

std::optional<MembershipTest> parseTest(const Expr *Condition,
                                        const ASTContext &Context) {
  const Expr *E = strip(Condition);
  if (const auto *Not = llvm::dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot) {
    std::optional<MembershipTest> Test = parseTest(Not->getSubExpr(), Context);
    if (Test)
      Test->TrueWhenMissing = !Test->TrueWhenMissing;
    return Test;
  }
  MembershipTest Test;
  // `m.count(k)` or `m.contains(k)` as a truth value.
  if (const auto *Call = memberCallNamed(E, {"count", "contains"})) {
    Test.Lookup = Call;
  } else if (auto Compared = comparison(E)) {
    auto [Op, LHS, RHS] = *Compared;
    const CXXMemberCallExpr *Find = memberCallNamed(LHS, {"find"});
    const CXXMemberCallExpr *End = memberCallNamed(RHS, {"end", "cend"});
    if (!Find) {
      Find = memberCallNamed(RHS, {"find"});
      End = memberCallNamed(LHS, {"end", "cend"});
    }
    const CXXMemberCallExpr *Count = memberCallNamed(LHS, {"count"});
    if (Find && End && (Op == BO_EQ || Op == BO_NE) &&
        isSame(Find->getImplicitObjectArgument(),
               End->getImplicitObjectArgument(), Context)) {
      Test.Lookup = Find;
      Test.TrueWhenMissing = Op == BO_EQ;
    } else if (Count && isZero(RHS) &&
               (Op == BO_EQ || Op == BO_NE || Op == BO_GT)) {
      Test.Lookup = Count;
      Test.TrueWhenMissing = Op == BO_EQ;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (Test.Lookup->getNumArgs() != 1)
    return std::nullopt;
  Test.Container = Test.Lookup->getImplicitObjectArgument();
  Test.Key = Test.Lookup->getArg(0);
  return Test;
}

/// The container class \p Call is made on.
const CXXRecordDecl *containerOf(const CXXMemberCallExpr &Call) {
  // Before the conversion to the base class that declares the method.
  const Expr *Object = Call.getImplicitObjectArgument()->IgnoreParenImpCasts();
  QualType Type = Object->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return Type.isNull() ? nullptr : Type->getAsCXXRecordDecl();
}

/// Maps map keys to values (they declare mapped_type); sets hold keys.
bool isMap(const CXXMemberCallExpr &Call) {
  const CXXRecordDecl *Record = containerOf(Call);
  return Record && declaresMember(*Record, "mapped_type");
}

/// The key that an insertion into \p Test's container inserts, if \p E is
/// one: `m[k]`, `m.insert({k, v})`, `m.emplace(k, v)`, `s.insert(k)`, ...
const Expr *insertedKey(const Expr &E, const MembershipTest &Test,
                        const ASTContext &Context) {
  if (const auto *Subscript = llvm::dyn_cast<CXXOperatorCallExpr>(&E);
      Subscript && Subscript->getOperator() == OO_Subscript &&
      Subscript->getNumArgs() == 2 &&
      isSame(Subscript->getArg(0), Test.Container, Context))
    return Subscript->getArg(1);
  const CXXMemberCallExpr *Call = memberCallNamed(
      &E, {"insert", "emplace", "try_emplace", "insert_or_assign"});
  if (!Call || Call != &E || Call->getNumArgs() == 0 ||
      !isSame(Call->getImplicitObjectArgument(), Test.Container, Context))
    return nullptr;
  StringRef Name = Call->getMethodDecl()->getName();
  if (!isMap(*Call) || Name == "try_emplace" || Name == "insert_or_assign")
    return Call->getArg(0);
  if (Name == "emplace")
    return Call->getNumArgs() == 2 ? Call->getArg(0) : nullptr;
  // insert({k, v}), insert(std::make_pair(k, v)), insert(value_type(k, v))
  const Expr *Pair = strip(Call->getArg(0));
  if (const auto *List = llvm::dyn_cast<InitListExpr>(Pair))
    return List->getNumInits() == 2 ? List->getInit(0) : nullptr;
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Pair))
    return Construct->getNumArgs() == 2 ? Construct->getArg(0) : nullptr;
  if (const auto *MakePair = llvm::dyn_cast<CallExpr>(Pair))
    return MakePair->getNumArgs() == 2 ? MakePair->getArg(0) : nullptr;
  return nullptr;
}

const Expr *findInsertion(const Stmt &Branch, const MembershipTest &Test,
                          const ASTContext &Context) {
  const Expr *Found = nullptr;
  forEachStmtOfFunction(Branch, [&](const Stmt &Node) {
    if (Found)
      return false;
    if (const auto *E = llvm::dyn_cast<Expr>(&Node))
      if (const Expr *Key = insertedKey(*E, Test, Context);
          Key && isSame(Key, Test.Key, Context))
        Found = E;
    return !Found;
  });
  return Found;
}

/// A lookup of \p Test's key in its container: `m[k]`, `m.at(k)`, `m.find(k)`.
bool isLookupOfKey(const Expr &E, const MembershipTest &Test,
                   const ASTContext &Context) {
  if (const auto *Subscript = llvm::dyn_cast<CXXOperatorCallExpr>(&E))
    return Subscript->getOperator() == OO_Subscript &&
           Subscript->getNumArgs() == 2 &&
           isSame(Subscript->getArg(0), Test.Container, Context) &&
           isSame(Subscript->getArg(1), Test.Key, Context);
  const CXXMemberCallExpr *Call = memberCallNamed(&E, {"at", "find"});
  return Call && Call == &E && Call->getNumArgs() == 1 &&
         isSame(Call->getImplicitObjectArgument(), Test.Container, Context) &&
         isSame(Call->getArg(0), Test.Key, Context);
}

/// Whether \p E is free of effects that evaluating it early, or when the key
/// is already present, would make visible: no calls (std::move and
/// std::forward aside), assignments or increments.
bool isPure(const Expr &E) {
  const Expr *Stripped = E.IgnoreParenImpCasts();
  // Observers: `key.size()`.
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Stripped);
      Member && Member->getMethodDecl() && Member->getMethodDecl()->isConst())
    return llvm::all_of(Member->children(), [](const Stmt *Child) {
      const auto *ChildExpr = llvm::dyn_cast_or_null<Expr>(Child);
      return !ChildExpr || isPure(*ChildExpr);
    });
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Stripped)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
        (Callee->getName() != "move" && Callee->getName() != "forward") ||
        Call->getNumArgs() != 1)
      return false;
    return isPure(*Call->getArg(0));
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Stripped);
      Unary && Unary->isIncrementDecrementOp())
    return false;
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(Stripped);
      Binary && Binary->isAssignmentOp())
    return false;
  if (llvm::isa<CXXNewExpr, CXXDeleteExpr, CXXThrowExpr, LambdaExpr,
                CoroutineSuspendExpr, StmtExpr>(Stripped))
    return false;
  for (const Stmt *Child : Stripped->children())
    if (const auto *ChildExpr = llvm::dyn_cast_or_null<Expr>(Child);
        ChildExpr && !isPure(*ChildExpr))
      return false;
  return true;
}

/// The range to delete to remove statement \p S: with the line break
/// before it when nothing else is on its line. (Removing the break after it
/// instead would make clang's fix-it merging eat the next line's first
/// space.)
std::optional<CharSourceRange> statementRemoval(const Stmt &S,
                                                const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Begin = S.getBeginLoc();
  SourceLocation End = endOfStatement(S, Context);
  if (Begin.isMacroID() || End.isInvalid())
    return std::nullopt;
  std::string Indent = indentationOf(Begin, SM);
  unsigned Column = SM.getSpellingColumnNumber(Begin);
  SourceLocation LineBreak =
      Begin.getLocWithOffset(-static_cast<int>(Indent.size()) - 1);
  if (Column == Indent.size() + 1 && Column > 0 &&
      *SM.getCharacterData(LineBreak) == '\n') {
    StringRef After = SM.getCharacterData(End);
    size_t Blank = After.find_first_not_of(" \t");
    if (Blank != StringRef::npos && After[Blank] == '\n')
      return CharSourceRange::getCharRange(LineBreak,
                                           End.getLocWithOffset(Blank));
  }
  return CharSourceRange::getCharRange(Begin, End);
}

std::optional<std::string> text(const Expr &E, const ASTContext &Context) {
  return sourceText(E, Context);
}

/// Where an if statement stands in its block, for the statements after it.
struct Position {
  const CompoundStmt *Block;
  size_t Index;
};

/// Where \p If stands when a block holds it directly. Asked only of ifs
/// that are findings.
std::optional<Position> positionInBlock(const IfStmt &If, ASTContext &Context) {
  const auto *Block =
      parentOf(DynTypedNode::create(If), Context).get<CompoundStmt>();
  if (!Block)
    return std::nullopt;
  return Position{Block, static_cast<size_t>(llvm::find(Block->body(), &If) -
                                             Block->body_begin())};
}
/// Matches an `if` whose condition tests whether a key is in a container of
/// a listed class (parseTest): in C++ in one step, since it is tried on
/// every `if` of the unit.
AST_MATCHER_P(IfStmt, testsMembership, const NameList *, ContainerTypes) {
  if (!Node.getCond())
    return false;
  std::optional<MembershipTest> Test =
      parseTest(Node.getCond(), Finder->getASTContext());
  return Test && ContainerTypes->matchesObjectOf(*Test->Lookup);
}
} // namespace

CheckThenInsertCheck::CheckThenInsertCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : AsyncTidyCheck(Name, Context),
      ContainerTypes(readNameList("ContainerTypes", DefaultContainerTypes)) {}

void CheckThenInsertCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Finder->addMatcher(ifStmt(testsMembership(&ContainerTypes)).bind("if"), this);
}

/// The first lookup of the test's key after the if, in the same block.
static const Expr *laterLookup(const IfStmt &If, const MembershipTest &Test,
                               ASTContext &Context) {
  const ValueDecl *Container = namedObject(Test.Container);
  std::optional<Position> Place = positionInBlock(If, Context);
  if (!Container || !Place)
    return nullptr;
  // The first statement after the if that mentions the container or what
  // the key is made of; the lookup must be its only use of the container
  // (a loop that erases would invalidate the iterator the fix keeps).
  llvm::SmallPtrSet<const ValueDecl *, 4> Involved{Container};
  refersTo(*Test.Key, [&](const ValueDecl &D) {
    Involved.insert(&D);
    return false;
  });
  for (const Stmt *S :
       llvm::ArrayRef(Place->Block->body_begin(), Place->Block->body_end())
           .drop_front(Place->Index + 1)) {
    if (!refersTo(*S, [&](const ValueDecl &D) { return Involved.count(&D); }))
      continue;
    const Expr *Lookup = nullptr;
    unsigned Uses = 0;
    forEachStmtOfFunction(*S, [&](const Stmt &Node) {
      const auto *E = llvm::dyn_cast<Expr>(&Node);
      if (!E)
        return true;
      if (!Lookup && isLookupOfKey(*E, Test, Context))
        Lookup = E;
      if (llvm::isa<DeclRefExpr, MemberExpr>(E) && namedObject(E) == Container)
        ++Uses;
      return true;
    });
    return Uses == 1 ? Lookup : nullptr;
  }
  return nullptr;
}

/// The values that the map insertion \p Insertion stores: `v` of
/// `m.insert({k, v})`, `a, b` of `m.emplace(k, a, b)`, `v` of `m[k] = v`.
/// When the assigned value is not pure (`m[k] = load(k)`), no value, and
/// \p AssignedSubscript is set: the assignment stays, through the iterator.
/// None when \p Statement is not the insertion alone.
static std::optional<llvm::SmallVector<const Expr *, 2>>
insertedValues(const Expr &Insertion, const Expr *Statement,
               const Expr *&AssignedSubscript) {
  llvm::SmallVector<const Expr *, 2> Values;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Insertion)) {
    if (Statement != &Insertion)
      return std::nullopt;
    if (Call->getMethodDecl()->getName() != "insert") {
      for (const Expr *Arg :
           llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()).drop_front())
        Values.push_back(Arg);
      return Values;
    }
    const Expr *Pair = strip(Call->getArg(0));
    if (const auto *List = llvm::dyn_cast<InitListExpr>(Pair))
      Values.push_back(List->getInit(1));
    else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Pair))
      Values.push_back(Construct->getArg(1));
    else
      Values.push_back(llvm::cast<CallExpr>(Pair)->getArg(1));
    return Values;
  }
  // `m[k] = value;`
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *Assignment =
          llvm::dyn_cast_or_null<BinaryOperator>(Statement);
      Assignment && Assignment->getOpcode() == BO_Assign) {
    LHS = Assignment->getLHS();
    RHS = Assignment->getRHS();
  } else if (const auto *Overloaded =
                 llvm::dyn_cast_or_null<CXXOperatorCallExpr>(Statement);
             Overloaded && Overloaded->getOperator() == OO_Equal &&
             Overloaded->getNumArgs() == 2) {
    LHS = Overloaded->getArg(0);
    RHS = Overloaded->getArg(1);
  }
  if (!LHS || LHS->IgnoreParenImpCasts() != &Insertion)
    return std::nullopt;
  if (isPure(*RHS))
    Values.push_back(RHS);
  else
    AssignedSubscript = &Insertion;
  return Values;
}

/// The call that inserts and says whether it did: the set's own insertion,
/// or `m.try_emplace(k, values...)` for a map (C++17), with the assignment
/// left in place in \p AssignedSubscript (insertedValues). None when the
/// insertion cannot be rewritten so.
static std::optional<std::string> insertingCall(const MembershipTest &Test,
                                                const Expr &Insertion,
                                                const Expr *Statement,
                                                const Expr *&AssignedSubscript,
                                                ASTContext &Context) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Insertion);
  std::optional<std::string> ContainerText = text(*Test.Container, Context);
  if (!ContainerText)
    return std::nullopt;
  if (!isMap(*Test.Lookup)) {
    if (!Call || Statement != &Insertion)
      return std::nullopt;
    return text(Insertion, Context);
  }
  std::optional<llvm::SmallVector<const Expr *, 2>> Values =
      insertedValues(Insertion, Statement, AssignedSubscript);
  // A listed class of the user's need not have try_emplace.
  const CXXRecordDecl *Record = containerOf(*Test.Lookup);
  if (!Context.getLangOpts().CPlusPlus17 || !Values || !Record ||
      !declaresMember(*Record, "try_emplace"))
    return std::nullopt;
  const Expr *Key =
      Call ? insertedKey(Insertion, Test, Context)
           : llvm::cast<CXXOperatorCallExpr>(&Insertion)->getArg(1);
  std::optional<std::string> KeyText = text(*Key, Context);
  if (!KeyText)
    return std::nullopt;
  std::string NewCall = *ContainerText + ".try_emplace(" + *KeyText;
  for (const Expr *Value : *Values) {
    std::optional<std::string> ValueText = text(*Value, Context);
    if (!isPure(*Value) || !ValueText)
      return std::nullopt;
    NewCall += ", " + *ValueText;
  }
  return NewCall + ")";
}

/// The statement that a fix folds into the condition: the first of the
/// branch taken when the key is missing. Null when the if cannot be folded.
static const Stmt *foldedStatement(const IfStmt &If, const MembershipTest &Test,
                                   ASTContext &Context) {
  // Only the "missing" branch that starts with the insertion can be folded
  // into the insertion: `if (m.insert(k).second) { rest }`.
  if (!Test.TrueWhenMissing || If.getInit() || If.getConditionVariable() ||
      !isSafeToEdit(If, Context) || !isSafeToEdit(*If.getCond(), Context))
    return nullptr;
  const Stmt *Then = If.getThen();
  const auto *ThenBlock = llvm::dyn_cast<CompoundStmt>(Then);
  const Stmt *First =
      ThenBlock ? (ThenBlock->body_empty() ? nullptr : ThenBlock->body_front())
                : Then;
  if (!First || !isSafeToEdit(*First, Context))
    return nullptr;
  bool OnlyStatement = !If.getElse() && (!ThenBlock || ThenBlock->size() == 1);
  return OnlyStatement || ThenBlock ? First : nullptr;
}

/// Whether the statements of \p If's branch after the first touch the
/// container: they could erase the entry or rehash, and the iterator that
/// a fix keeps would dangle.
static bool restTouchesContainer(const IfStmt &If, const MembershipTest &Test) {
  const auto *ThenBlock = llvm::dyn_cast<CompoundStmt>(If.getThen());
  return ThenBlock &&
         llvm::any_of(
             llvm::ArrayRef(ThenBlock->body_begin(), ThenBlock->body_end())
                 .drop_front(),
             [&](const Stmt *S) {
               return refersTo(*S, [&](const ValueDecl &D) {
                 return &D == namedObject(Test.Container);
               });
             });
}

/// What a fold writes: the inserting call, and what else it rewrites.
struct Fold {
  std::string NewCall;
  bool Map = false;
  bool OnlyStatement = false;              // the branch is the insertion alone
  const Expr *LaterLookup = nullptr;       // becomes `it`
  const Expr *AssignedSubscript = nullptr; // `m[k] = v` becomes `it->second`
};

static std::vector<FixItHint> foldEdits(const IfStmt &If, const Stmt &First,
                                        const Fold &F, ASTContext &Context) {
  std::vector<FixItHint> Fixes;
  CharSourceRange Condition =
      CharSourceRange::getTokenRange(If.getCond()->getSourceRange());
  auto ReplaceWholeIf = [&](std::string Text) {
    SourceLocation End = endOfStatement(If, Context);
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(If.getBeginLoc(), End), Text));
    return Fixes;
  };
  if (F.LaterLookup) {
    bool Iterator = memberCallNamed(F.LaterLookup, {"find"}) != nullptr;
    Fixes.push_back(FixItHint::CreateReplacement(
        F.LaterLookup->getSourceRange(),
        Iterator ? "it" : (F.Map ? "it->second" : "*it")));
    if (F.OnlyStatement && !F.AssignedSubscript)
      return ReplaceWholeIf("auto it = " + F.NewCall + ".first;");
    std::string Indent =
        indentationOf(If.getBeginLoc(), Context.getSourceManager());
    Fixes.push_back(FixItHint::CreateInsertion(
        If.getBeginLoc(),
        "auto [it, inserted] = " + F.NewCall + ";\n" + Indent));
    Fixes.push_back(FixItHint::CreateReplacement(Condition, "inserted"));
  } else if (F.AssignedSubscript) {
    Fixes.push_back(FixItHint::CreateReplacement(
        Condition, "auto [it, inserted] = " + F.NewCall + "; inserted"));
  } else if (F.OnlyStatement) {
    return ReplaceWholeIf(F.NewCall + ";");
  } else {
    Fixes.push_back(
        FixItHint::CreateReplacement(Condition, F.NewCall + ".second"));
  }
  if (F.AssignedSubscript) {
    Fixes.push_back(FixItHint::CreateReplacement(
        F.AssignedSubscript->getSourceRange(), "it->second"));
    return Fixes;
  }
  std::optional<CharSourceRange> Removal = statementRemoval(First, Context);
  if (!Removal)
    return {};
  Fixes.push_back(FixItHint::CreateRemoval(*Removal));
  return Fixes;
}

/// The fix that folds the test into the insertion, if it is safe.
static std::vector<FixItHint>
fixes(const IfStmt &If, const MembershipTest &Test, const Expr &Insertion,
      const Expr *LaterLookup, ASTContext &Context) {
  const Stmt *First = foldedStatement(If, Test, Context);
  if (!First)
    return {};
  const auto *Statement = llvm::dyn_cast<Expr>(First);
  Statement = Statement ? Statement->IgnoreImplicit() : nullptr;
  const auto *ThenBlock = llvm::dyn_cast<CompoundStmt>(If.getThen());
  Fold F;
  F.OnlyStatement = !If.getElse() && (!ThenBlock || ThenBlock->size() == 1);
  F.Map = isMap(*Test.Lookup);
  std::optional<std::string> NewCall =
      insertingCall(Test, Insertion, Statement, F.AssignedSubscript, Context);
  if (!NewCall)
    return {};
  F.NewCall = std::move(*NewCall);

  // The iterator is kept when a later lookup can use it, or the value is
  // assigned through it; it needs C++17 structured bindings.
  bool CPlusPlus17 = Context.getLangOpts().CPlusPlus17;
  std::optional<Position> Place = positionInBlock(If, Context);
  bool Bind = CPlusPlus17 && Place && (LaterLookup || F.AssignedSubscript) &&
              isNameFreeIn("it", *Place->Block, Context) &&
              isNameFreeIn("inserted", *Place->Block, Context);
  if (LaterLookup && (!Bind || !isSafeToEdit(*LaterLookup, Context) ||
                      restTouchesContainer(If, Test)))
    LaterLookup = nullptr;
  if (F.AssignedSubscript && !Bind &&
      !(CPlusPlus17 && isNameFreeIn("it", If, Context) &&
        isNameFreeIn("inserted", If, Context)))
    return {};
  F.LaterLookup = LaterLookup;
  return foldEdits(If, *First, F, Context);
}

void CheckThenInsertCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  const auto *If = Result.Nodes.getNodeAs<IfStmt>("if");
  std::optional<MembershipTest> Test = parseTest(If->getCond(), Context);
  if (!Test)
    return;
  const Stmt *Branch = Test->TrueWhenMissing ? If->getThen() : If->getElse();
  const Expr *Insertion =
      Branch ? findInsertion(*Branch, *Test, Context) : nullptr;
  if (!Insertion)
    return;

  const Expr *LaterLookup = laterLookup(*If, *Test, Context);
  const ValueDecl *Container = namedObject(Test->Container);
  std::optional<std::string> Name = text(*Test->Container, Context);
  if (!Name && Container)
    Name = Container->getName().str();
  diag(Test->Lookup->getBeginLoc(),
       "'%0' is searched for a key that is then inserted: two lookups where "
       "one would do, and a race unless a lock covers both")
      << Name.value_or("container")
      << fixes(*If, *Test, *Insertion, LaterLookup, Context);
  diag(Insertion->getBeginLoc(), "the key is inserted here",
       DiagnosticIDs::Note);
  if (LaterLookup)
    diag(LaterLookup->getBeginLoc(), "and looked up again here",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::asynctidy
