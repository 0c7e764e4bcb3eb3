//===--- UnguardedMembers.cpp - members used unguarded, across units ------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "UnguardedMembers.h"
#include "CompatLLVM.h"
#include "facts/GuardEvidence.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <map>

namespace asynctidy::merge {

static constexpr llvm::StringLiteral Check = "async-unguarded-member";

namespace {
/// Numbers keys in the order first seen, as the judgement's indices.
struct Numbering {
  llvm::StringMap<unsigned> Index;
  std::vector<std::string> Keys, Names;

  /// The index of \p Key, and whether it is new.
  std::pair<unsigned, bool> add(llvm::StringRef Key) {
    auto [It, New] = Index.try_emplace(Key, Keys.size());
    if (New) {
      Keys.push_back(Key.str());
      Names.emplace_back();
    }
    return {It->second, New};
  }
};

/// Where a use is, and which mutexes it is a fast path for.
struct UseSite {
  Location At;
  llvm::SmallVector<unsigned, 1> FastPathFor;
};

/// One class, with the member functions of every unit.
struct Class {
  facts::ClassFacts Facts;
  Numbering Members, Mutexes, Methods;
  /// By member function, by use.
  std::vector<std::vector<UseSite>> Sites;
  llvm::StringSet<> Reported;
  unsigned ScalarLockingFunctions = 2;
  /// Some unit had every body, and the check judged the class there.
  bool JudgedInAUnit = false;
};

bool flag(const llvm::json::Object &O, llvm::StringRef Name) {
  return compat::toStd(O.getBoolean(Name)).value_or(false);
}

llvm::Error readNamed(const UnitFacts &Unit, const llvm::json::Array *List,
                      llvm::StringRef KeyName, Numbering &Into,
                      std::vector<facts::MemberFacts> *Members) {
  for (const llvm::json::Value &V : List ? *List : llvm::json::Array()) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O || !O->getString(KeyName) || !O->getString("name"))
      return malformed(Unit, "a member or mutex without a key or a name");
    auto [Index, New] = Into.add(*O->getString(KeyName));
    Into.Names[Index] = O->getString("name")->str();
    if (New && Members)
      Members->push_back({flag(*O, "shared"), flag(*O, "scalar")});
  }
  return llvm::Error::success();
}

/// A member function's kind, from the first unit that names it.
unsigned declareMethod(Class &C, const llvm::json::Object &O) {
  auto [Index, New] = C.Methods.add(*O.getString("function"));
  if (New) {
    facts::MethodFacts Facts;
    Facts.Name = compat::toStd(O.getString("name")).value_or("").str();
    Facts.Public = flag(O, "public");
    Facts.OnAnObject = flag(O, "on_an_object");
    Facts.Exempt = flag(O, "exempt");
    Facts.SingleThreaded = flag(O, "single_threaded");
    C.Facts.Methods.push_back(std::move(Facts));
    C.Sites.emplace_back();
  }
  // Asserting the caller's lock is in the body, which one unit may lack.
  C.Facts.Methods[Index].HoldsCallersLock |= flag(O, "holds_callers_lock");
  return Index;
}

llvm::Error readUse(const UnitFacts &Unit, const llvm::json::Object &O,
                    Class &C, unsigned Method) {
  facts::MemberUse Use;
  UseSite Site;
  const llvm::json::Array *Held = O.getArray("held");
  const llvm::json::Array *FastPath = O.getArray("fast_path_for");
  if (!O.getString("member") || !Held || !FastPath ||
      !readLocation(O.get("at"), Site.At))
    return malformed(Unit, "a use without a member, locks or a place");
  auto [Member, New] = C.Members.add(*O.getString("member"));
  if (New) // not listed: judged as any object
    C.Facts.Members.push_back({});
  Use.Member = Member;
  Use.Write = flag(O, "write");
  Use.AnyLockHeld = flag(O, "any_lock");
  Use.InAssertion = flag(O, "in_assertion");
  for (const llvm::json::Value &Key : *Held)
    Use.Held.push_back(
        C.Mutexes.add(compat::toStd(Key.getAsString()).value_or("")).first);
  for (const llvm::json::Value &Key : *FastPath)
    Site.FastPathFor.push_back(
        C.Mutexes.add(compat::toStd(Key.getAsString()).value_or("")).first);
  C.Facts.Methods[Method].Uses.push_back(std::move(Use));
  C.Sites[Method].push_back(std::move(Site));
  return llvm::Error::success();
}

/// The body of a member function, from the first unit that has it (one
/// defined in a header is in every unit that includes it).
llvm::Error readBody(const UnitFacts &Unit, const llvm::json::Object &O,
                     Class &C) {
  unsigned Index = C.Methods.Index.lookup(*O.getString("function"));
  facts::MethodFacts &Facts = C.Facts.Methods[Index];
  if (Facts.HasBody || !flag(O, "body"))
    return llvm::Error::success();
  const llvm::json::Array *Calls = O.getArray("calls");
  const llvm::json::Array *Unresolved = O.getArray("unresolved_under_lock");
  const llvm::json::Array *Uses = O.getArray("uses");
  if (!Calls || !Unresolved || !Uses)
    return malformed(Unit, "a body without calls or uses");
  Facts.HasBody = true;
  Facts.TakesLock = flag(O, "takes_lock");
  for (const llvm::json::Value &V : *Calls) {
    const llvm::json::Array *Call = V.getAsArray();
    if (!Call || Call->size() != 2 || !(*Call)[0].getAsString() ||
        !C.Methods.Index.count(*(*Call)[0].getAsString()))
      return malformed(Unit, "a call of a member function not listed");
    C.Facts.Methods[Index].Calls.push_back(
        {C.Methods.Index.lookup(*(*Call)[0].getAsString()),
         compat::toStd((*Call)[1].getAsBoolean()).value_or(false)});
  }
  for (const llvm::json::Value &V : *Unresolved)
    C.Facts.Methods[Index].UnresolvedCallsUnderLock.push_back(
        compat::toStd(V.getAsString()).value_or("").str());
  for (const llvm::json::Value &V : *Uses) {
    const llvm::json::Object *Use = V.getAsObject();
    if (!Use)
      return malformed(Unit, "a use that is not an object");
    if (llvm::Error Error = readUse(Unit, *Use, C, Index))
      return Error;
  }
  return llvm::Error::success();
}

llvm::Error readMethods(const UnitFacts &Unit, const llvm::json::Array &List,
                        Class &C) {
  // Every member function first: calls name those declared later.
  for (const llvm::json::Value &V : List) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O || !O->getString("function"))
      return malformed(Unit, "a member function without a key");
    declareMethod(C, *O);
  }
  for (const llvm::json::Value &V : List)
    if (llvm::Error Error = readBody(Unit, *V.getAsObject(), C))
      return Error;
  return llvm::Error::success();
}

llvm::Error readClass(const UnitFacts &Unit, const llvm::json::Object &O,
                      unsigned ScalarLockingFunctions,
                      std::map<std::string, Class> &Classes) {
  const llvm::json::Array *Methods = O.getArray("methods");
  const llvm::json::Array *Reported = O.getArray("reported");
  if (!O.getString("class") || !Methods || !Reported)
    return malformed(Unit, "a class without member functions");
  Class &C = Classes[O.getString("class")->str()];
  C.JudgedInAUnit |= flag(O, "judged_here");
  C.ScalarLockingFunctions = ScalarLockingFunctions;
  for (const llvm::json::Value &V : *Reported)
    C.Reported.insert(compat::toStd(V.getAsString()).value_or(""));
  if (llvm::Error Error = readNamed(Unit, O.getArray("members"), "member",
                                    C.Members, &C.Facts.Members))
    return Error;
  if (llvm::Error Error =
          readNamed(Unit, O.getArray("mutexes"), "mutex", C.Mutexes, nullptr))
    return Error;
  return readMethods(Unit, *Methods, C);
}

Finding finding(const Class &C, const facts::UnguardedUse &Found) {
  const facts::MemberUse &Use = C.Facts.Methods[Found.Method].Uses[Found.Use];
  const auto &[ExampleMethod, ExampleUse] = Found.Example;
  const facts::MemberUse &Example =
      C.Facts.Methods[ExampleMethod].Uses[ExampleUse];
  const std::string &Member = C.Members.Names[Use.Member];
  Finding F{Check.str(),
            C.Sites[Found.Method][Found.Use].At,
            "'" + Member + "' is " + (Use.Write ? "written" : "read") +
                " without holding '" + C.Mutexes.Names[Found.Mutex] +
                "', which guards it elsewhere: concurrent calls race",
            {}};
  F.Notes.push_back({C.Sites[ExampleMethod][ExampleUse].At,
                     "'" + Member + "' is written with '" +
                         C.Mutexes.Names[Example.Held.front()] +
                         "' held here"});
  return F;
}

void judge(const Class &C, std::vector<Finding> &Findings) {
  auto IsFastPath = [&](unsigned Method, unsigned Use,
                        llvm::ArrayRef<unsigned> Guards) {
    return llvm::any_of(Guards, [&](unsigned Mutex) {
      return llvm::is_contained(C.Sites[Method][Use].FastPathFor, Mutex);
    });
  };
  for (const facts::UnguardedUse &Found :
       facts::findUnguardedUses(C.Facts, C.ScalarLockingFunctions, IsFastPath))
    if (!C.Reported.count(C.Methods.Keys[Found.Method]))
      Findings.push_back(finding(C, Found));
}
} // namespace

llvm::Expected<std::vector<Finding>>
unguardedMembers(llvm::ArrayRef<UnitFacts> Units) {
  std::map<std::string, Class> Classes;
  for (const UnitFacts &Unit : Units) {
    if (Unit.Check != Check)
      continue;
    const llvm::json::Array *List = Unit.Facts.getArray("classes");
    std::optional<int64_t> Scalar =
        compat::toStd(Unit.Facts.getInteger("scalar_locking_functions"));
    if (!List || !Scalar || *Scalar < 1)
      return malformed(Unit, "no classes, or no scalar_locking_functions");
    for (const llvm::json::Value &V : *List) {
      const llvm::json::Object *O = V.getAsObject();
      if (!O)
        return malformed(Unit, "a class that is not an object");
      if (llvm::Error Error = readClass(Unit, *O, unsigned(*Scalar), Classes))
        return std::move(Error);
    }
  }
  std::vector<Finding> Findings;
  for (const auto &Entry : Classes)
    if (!Entry.second.JudgedInAUnit) // else the check judged it there
      judge(Entry.second, Findings);
  return Findings;
}

} // namespace asynctidy::merge
