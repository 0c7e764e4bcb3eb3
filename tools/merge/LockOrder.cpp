//===--- LockOrder.cpp - lock-order cycles across translation units -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "LockOrder.h"
#include "CompatLLVM.h"
#include "facts/Graph.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"
#include <set>
#include <tuple>

namespace asynctidy::merge {

static constexpr llvm::StringLiteral Check = "async-lock-order-inversion";

namespace {
struct MutexUse {
  unsigned Mutex;
  Location At;
  /// Reached through `this` or a variable: the same object each time.
  bool SameObject = false;
  bool Shared = false;
};
struct CallFact {
  unsigned Callee;
  Location At;
  bool OnThis = false; // a member call on `this`
  std::vector<MutexUse> Held;
};
struct FunctionFact {
  std::vector<MutexUse> Taken;
  std::vector<CallFact> Calls;
};
/// "While Held was held (since HeldAt), Acquired was taken", at At;
/// through a call of Callee when it is set. Units: those that judged the
/// edge themselves (none for an edge through a call into another unit).
struct EdgeFact {
  unsigned Held, Acquired;
  Location At, HeldAt;
  std::optional<unsigned> Callee;
  std::vector<unsigned> Units;
};
/// How a function comes to take a mutex: itself at At, or in Callee,
/// called at At. SameObject: on every way, the same object each call of
/// the function; Shared: on some way, only shared.
struct Witness {
  Location At;
  std::optional<unsigned> Callee;
  bool SameObject = false;
  bool Shared = false;
};
using Acquisitions = llvm::MapVector<unsigned, Witness>;

class LockOrderMerge {
public:
  llvm::Error read(const UnitFacts &Unit, unsigned Index);
  std::vector<Finding> findings();

private:
  unsigned id(llvm::StringRef Key, llvm::StringRef Name);
  llvm::Expected<MutexUse> readUse(const UnitFacts &Unit,
                                   const llvm::json::Value &Value);
  llvm::Error readFunction(const UnitFacts &Unit,
                           const llvm::json::Value &Value);
  llvm::Error readEdge(const UnitFacts &Unit, unsigned Index,
                       const llvm::json::Value &Value);
  const Acquisitions &acquired(unsigned Function);
  void addCrossEdges();
  void readSelfEdge(const llvm::json::Value &Value);
  bool isSelfDeadlock(const CallFact &Call, const MutexUse &Held);
  std::vector<Finding> selfDeadlocks();
  void explain(const EdgeFact &E, std::vector<Note> &Notes);
  bool isNew(const EdgeFact &E,
             llvm::ArrayRef<std::pair<unsigned, unsigned>> Back) const;
  Finding report(const EdgeFact &Warned,
                 llvm::ArrayRef<std::pair<unsigned, unsigned>> Back);
  std::string quotedName(unsigned Id) const {
    return "'" + (Names[Id].empty() ? Keys[Id] : Names[Id]) + "'";
  }

  llvm::StringMap<unsigned> Ids;
  std::vector<std::string> Keys, Names; // by id
  // Of mutexes, by id: a class's member; a recursive mutex.
  std::vector<bool> IsMember, IsRecursive;
  /// The self-deadlocks the units judged: mutex and place.
  std::set<std::tuple<unsigned, std::string, unsigned>> JudgedSelfEdges;
  llvm::MapVector<unsigned, FunctionFact> Functions;
  llvm::DenseMap<unsigned, Acquisitions> Acquired;
  llvm::MapVector<std::pair<unsigned, unsigned>, EdgeFact> Edges;
};
} // namespace

unsigned LockOrderMerge::id(llvm::StringRef Key, llvm::StringRef Name) {
  auto [It, Inserted] = Ids.try_emplace(Key, Names.size());
  if (Inserted) {
    Keys.push_back(Key.str());
    Names.emplace_back();
    IsMember.push_back(false);
    IsRecursive.push_back(false);
  }
  if (Names[It->second].empty())
    Names[It->second] = Name.str();
  return It->second;
}

llvm::Expected<MutexUse> LockOrderMerge::readUse(const UnitFacts &Unit,
                                                 const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  MutexUse Use{0, {}};
  if (!O || !O->getString("mutex") || !readLocation(O->get("at"), Use.At))
    return malformed(Unit, "a mutex without a key or a place");
  Use.Mutex = id(*O->getString("mutex"),
                 compat::toStd(O->getString("name")).value_or(""));
  // Facts without these say nothing of the object: no self-deadlock.
  auto Flag = [&](llvm::StringRef Name) {
    return compat::toStd(O->getBoolean(Name)).value_or(false);
  };
  Use.SameObject = Flag("same_object");
  Use.Shared = Flag("shared");
  if (Flag("member"))
    IsMember[Use.Mutex] = true;
  if (Flag("recursive"))
    IsRecursive[Use.Mutex] = true;
  return Use;
}

llvm::Error LockOrderMerge::readFunction(const UnitFacts &Unit,
                                         const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  const llvm::json::Array *Taken = O ? O->getArray("taken") : nullptr;
  const llvm::json::Array *Calls = O ? O->getArray("calls") : nullptr;
  if (!O || !O->getString("function") || !Taken || !Calls)
    return malformed(Unit, "a function without a key, acquisitions or calls");
  auto [It, Inserted] =
      Functions.insert({id(*O->getString("function"),
                           compat::toStd(O->getString("name")).value_or("")),
                        FunctionFact()});
  if (!Inserted) // an inline function, summarised in every unit
    return llvm::Error::success();
  for (const llvm::json::Value &T : *Taken) {
    llvm::Expected<MutexUse> Use = readUse(Unit, T);
    if (!Use)
      return Use.takeError();
    It->second.Taken.push_back(*Use);
  }
  for (const llvm::json::Value &C : *Calls) {
    const llvm::json::Object *Call = C.getAsObject();
    const llvm::json::Array *Held = Call ? Call->getArray("held") : nullptr;
    CallFact Fact{0, {}, false, {}};
    if (!Call || !Call->getString("callee") || !Held ||
        !readLocation(Call->get("at"), Fact.At))
      return malformed(Unit, "a call without a callee, a place or locks");
    Fact.Callee = id(*Call->getString("callee"),
                     compat::toStd(Call->getString("name")).value_or(""));
    Fact.OnThis = compat::toStd(Call->getBoolean("on_this")).value_or(false);
    for (const llvm::json::Value &H : *Held) {
      llvm::Expected<MutexUse> Use = readUse(Unit, H);
      if (!Use)
        return Use.takeError();
      Fact.Held.push_back(*Use);
    }
    It->second.Calls.push_back(std::move(Fact));
  }
  return llvm::Error::success();
}

llvm::Error LockOrderMerge::readEdge(const UnitFacts &Unit, unsigned Index,
                                     const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  EdgeFact E{0, 0, {}, {}, std::nullopt, {Index}};
  if (!O || !O->getString("held") || !O->getString("acquired") ||
      !readLocation(O->get("at"), E.At) ||
      !readLocation(O->get("held_at"), E.HeldAt))
    return malformed(Unit, "an edge without mutexes or places");
  E.Held = id(*O->getString("held"),
              compat::toStd(O->getString("held_name")).value_or(""));
  E.Acquired = id(*O->getString("acquired"),
                  compat::toStd(O->getString("acquired_name")).value_or(""));
  if (std::optional<llvm::StringRef> Through =
          compat::toStd(O->getString("through")))
    E.Callee = id(("name:" + *Through).str(), *Through);
  auto [It, Inserted] = Edges.insert({{E.Held, E.Acquired}, E});
  if (!Inserted)
    It->second.Units.push_back(Index);
  return llvm::Error::success();
}

llvm::Error LockOrderMerge::read(const UnitFacts &Unit, unsigned Index) {
  const llvm::json::Array *Functions = Unit.Facts.getArray("functions");
  const llvm::json::Array *Edges = Unit.Facts.getArray("edges");
  if (!Functions || !Edges)
    return malformed(Unit, "no functions or edges");
  for (const llvm::json::Value &F : *Functions)
    if (llvm::Error Error = readFunction(Unit, F))
      return Error;
  for (const llvm::json::Value &E : *Edges)
    if (llvm::Error Error = readEdge(Unit, Index, E))
      return Error;
  if (const llvm::json::Array *SelfEdges = Unit.Facts.getArray("self_edges"))
    for (const llvm::json::Value &E : *SelfEdges)
      readSelfEdge(E);
  return llvm::Error::success();
}

void LockOrderMerge::readSelfEdge(const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  Location At;
  if (O && O->getString("mutex") && readLocation(O->get("at"), At))
    JudgedSelfEdges.insert(
        {id(*O->getString("mutex"), ""), At.File, At.Offset});
}

const Acquisitions &LockOrderMerge::acquired(unsigned Function) {
  // What a function takes, itself or in the functions it calls, in any
  // unit. A recursive call sees what is known so far.
  if (auto It = Acquired.find(Function); It != Acquired.end())
    return It->second;
  Acquired[Function];
  auto Fact = Functions.find(Function);
  if (Fact == Functions.end())
    return Acquired[Function];
  Acquisitions All;
  auto Add = [&](unsigned Mutex, const Witness &W) {
    auto [It, Inserted] = All.insert({Mutex, W});
    if (!Inserted) {
      It->second.SameObject &= W.SameObject;
      It->second.Shared |= W.Shared;
    }
  };
  for (const MutexUse &Taken : Fact->second.Taken)
    Add(Taken.Mutex, {Taken.At, std::nullopt, Taken.SameObject, Taken.Shared});
  for (const CallFact &Call : Fact->second.Calls)
    for (const auto &[Mutex, W] : acquired(Call.Callee))
      // A member reached through `this` in the callee is the caller's only
      // if the call is on `this` too.
      Add(Mutex, {Call.At, Call.Callee,
                  W.SameObject && (!IsMember[Mutex] || Call.OnThis), W.Shared});
  return Acquired[Function] = std::move(All);
}

void LockOrderMerge::addCrossEdges() {
  for (const auto &[Function, Fact] : Functions)
    for (const CallFact &Call : Fact.Calls) {
      if (Call.Held.empty())
        continue;
      Acquisitions Inside = acquired(Call.Callee);
      for (const auto &[Mutex, How] : Inside)
        for (const MutexUse &Held : Call.Held)
          if (Held.Mutex != Mutex)
            Edges.insert(
                {{Held.Mutex, Mutex},
                 {Held.Mutex, Mutex, Call.At, Held.At, Call.Callee, {}}});
    }
}

void LockOrderMerge::explain(const EdgeFact &E, std::vector<Note> &Notes) {
  // The calls from the edge's call down to the acquisition.
  std::optional<unsigned> Function = E.Callee;
  for (unsigned Depth = 0; Function && Depth < 32; ++Depth) {
    const Acquisitions &Inside = acquired(*Function);
    auto How = Inside.find(E.Acquired);
    if (How == Inside.end())
      return;
    const Witness &W = How->second;
    Notes.push_back(
        {W.At, W.Callee ? "in " + quotedName(*Function) + ", " +
                              quotedName(*W.Callee) + " is called here"
                        : "in " + quotedName(*Function) + ", " +
                              quotedName(E.Acquired) + " is acquired here"});
    Function = W.Callee;
  }
}

bool LockOrderMerge::isNew(
    const EdgeFact &E,
    llvm::ArrayRef<std::pair<unsigned, unsigned>> Back) const {
  // A cycle whose edges one unit all had was reported by the check there.
  std::vector<unsigned> Common = E.Units;
  for (const auto &Pair : Back) {
    const std::vector<unsigned> &Units = Edges.find(Pair)->second.Units;
    llvm::erase_if(Common,
                   [&](unsigned U) { return !llvm::is_contained(Units, U); });
  }
  return Common.empty();
}

Finding
LockOrderMerge::report(const EdgeFact &Warned,
                       llvm::ArrayRef<std::pair<unsigned, unsigned>> Back) {
  auto Through = [&](const EdgeFact &E) -> std::string {
    return E.Callee ? "in " + quotedName(*E.Callee) + ", called here, " : "";
  };
  Finding F{Check.str(),
            Warned.At,
            "mutex " + quotedName(Warned.Acquired) + " is acquired " +
                Through(Warned) + "while " + quotedName(Warned.Held) +
                " is held, and elsewhere in the opposite order: the two can "
                "deadlock",
            {}};
  F.Notes.push_back(
      {Warned.HeldAt, quotedName(Warned.Held) + " is acquired here"});
  if (Warned.Units.empty())
    explain(Warned, F.Notes);
  for (const auto &Pair : Back) {
    const EdgeFact &E = Edges.find(Pair)->second;
    F.Notes.push_back({E.At, quotedName(E.Acquired) + " is acquired " +
                                 Through(E) + "while " + quotedName(E.Held) +
                                 " is held"});
    if (E.Units.empty())
      explain(E, F.Notes);
  }
  return F;
}

bool LockOrderMerge::isSelfDeadlock(const CallFact &Call,
                                    const MutexUse &Held) {
  const Acquisitions &Inside = acquired(Call.Callee);
  auto Again = Inside.find(Held.Mutex);
  if (Again == Inside.end() || IsRecursive[Held.Mutex] || !Held.SameObject)
    return false;
  const Witness &W = Again->second;
  bool SameObject = W.SameObject && (!IsMember[Held.Mutex] || Call.OnThis);
  return SameObject && !(Held.Shared && W.Shared) &&
         !JudgedSelfEdges.count({Held.Mutex, Call.At.File, Call.At.Offset});
}

std::vector<Finding> LockOrderMerge::selfDeadlocks() {
  // A mutex held across a call into a function (of another unit) that
  // takes it again; the units reported those they could see whole.
  std::vector<Finding> Findings;
  for (const auto &[Function, Fact] : Functions)
    for (const CallFact &Call : Fact.Calls)
      for (const MutexUse &Held : Call.Held) {
        if (!isSelfDeadlock(Call, Held))
          continue;
        Finding F{Check.str(),
                  Call.At,
                  "mutex " + quotedName(Held.Mutex) + " is acquired in " +
                      quotedName(Call.Callee) +
                      ", called here, while it is already held: a "
                      "non-recursive mutex deadlocks on itself",
                  {}};
        F.Notes.push_back(
            {Held.At, quotedName(Held.Mutex) + " is first acquired here"});
        explain({Held.Mutex, Held.Mutex, Call.At, Held.At, Call.Callee, {}},
                F.Notes);
        Findings.push_back(std::move(F));
        JudgedSelfEdges.insert({Held.Mutex, Call.At.File, Call.At.Offset});
      }
  return Findings;
}

std::vector<Finding> LockOrderMerge::findings() {
  std::vector<Finding> Findings = selfDeadlocks();
  addCrossEdges();
  facts::Successors<unsigned> Graph;
  for (const auto &[Pair, E] : Edges)
    Graph[Pair.first].push_back(Pair.second);
  facts::Components<unsigned> SCC(Graph);
  llvm::DenseSet<unsigned> Reported;
  for (const auto &[Pair, E] : Edges) {
    unsigned Component = SCC.of(Pair.first);
    if (Pair.first == Pair.second || Component == 0 ||
        Component != SCC.of(Pair.second) || Reported.count(Component))
      continue;
    auto Back = facts::pathWithin(Graph, SCC, Pair.second, Pair.first);
    if (Back.empty() || !isNew(E, Back))
      continue;
    Reported.insert(Component);
    Findings.push_back(report(E, Back));
  }
  return Findings;
}

llvm::Expected<std::vector<Finding>>
lockOrderCycles(llvm::ArrayRef<UnitFacts> Units) {
  LockOrderMerge Merge;
  for (unsigned Index = 0; Index < Units.size(); ++Index)
    if (Units[Index].Check == Check)
      if (llvm::Error Error = Merge.read(Units[Index], Index))
        return std::move(Error);
  return Merge.findings();
}

} // namespace asynctidy::merge
