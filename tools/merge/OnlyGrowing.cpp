//===--- OnlyGrowing.cpp - containers only grown, across units ------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "OnlyGrowing.h"
#include "CompatLLVM.h"
#include "facts/ContainerGrowth.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"
#include <map>

namespace asynctidy::merge {

static constexpr llvm::StringLiteral Check = "async-unbounded-container";

namespace {
/// In the order first seen, by key.
template <typename T>
using ByKey = llvm::MapVector<std::string, T, std::map<std::string, unsigned>>;

struct Member {
  std::string Name;
  Location At;
  bool Associative;
};
struct GrowthSite {
  int Level;
  Location At;
};
/// What one member function does to one member.
struct Use {
  facts::ContainerGrowth Growth;
  std::vector<GrowthSite> Sites;
};
struct Class {
  ByKey<Member> Members;
  llvm::StringSet<> NeedsBodies;
  /// By member function, then by member.
  llvm::StringMap<llvm::StringMap<Use>> Bodies;
  /// Some unit had every body, and the check judged the class there.
  bool JudgedInAUnit = false;
};

llvm::Expected<Use> readUse(const UnitFacts &Unit,
                            const llvm::json::Object &O) {
  const llvm::json::Array *Growth = O.getArray("growth");
  const llvm::json::Array *Shrinks = O.getArray("shrinks");
  if (!Growth || !Shrinks || Shrinks->size() != 2 || !O.getBoolean("escapes"))
    return malformed(Unit, "a use without growth, removals or escapes");
  Use U;
  for (int Level = 0; Level < 2; ++Level)
    U.Growth.Shrinks[Level] =
        compat::toStd((*Shrinks)[Level].getAsBoolean()).value_or(false);
  U.Growth.Escapes = *O.getBoolean("escapes");
  for (const llvm::json::Value &V : *Growth) {
    const llvm::json::Object *Site = V.getAsObject();
    GrowthSite S{0, {}};
    if (!Site || !Site->getInteger("level") ||
        !readLocation(Site->get("at"), S.At))
      return malformed(Unit, "a growth site without a level or a place");
    S.Level = *Site->getInteger("level") ? 1 : 0;
    U.Growth.Grows[S.Level] = true;
    U.Growth.FreshKey |=
        compat::toStd(Site->getBoolean("fresh_key")).value_or(false);
    U.Sites.push_back(S);
  }
  return U;
}

llvm::Error readBody(const UnitFacts &Unit, const llvm::json::Object &Body,
                     Class &C) {
  const llvm::json::Array *Uses = Body.getArray("uses");
  std::optional<llvm::StringRef> Function =
      compat::toStd(Body.getString("function"));
  if (!Uses || !Function)
    return malformed(Unit, "a body without a function or uses");
  auto [It, Inserted] = C.Bodies.try_emplace(*Function);
  if (!Inserted) // defined in a header, recorded by every unit
    return llvm::Error::success();
  for (const llvm::json::Value &V : *Uses) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O || !O->getString("member"))
      return malformed(Unit, "a use without a member");
    llvm::Expected<Use> U = readUse(Unit, *O);
    if (!U)
      return U.takeError();
    It->second[*O->getString("member")] = std::move(*U);
  }
  return llvm::Error::success();
}

llvm::Error readClass(const UnitFacts &Unit, const llvm::json::Object &O,
                      ByKey<Class> &Classes) {
  const llvm::json::Array *Members = O.getArray("members");
  const llvm::json::Array *Needs = O.getArray("needs_bodies");
  const llvm::json::Array *Bodies = O.getArray("bodies");
  if (!O.getString("class") || !Members || !Needs || !Bodies)
    return malformed(Unit, "a class without members or bodies");
  Class &C = Classes[O.getString("class")->str()];
  C.JudgedInAUnit |= compat::toStd(O.getBoolean("judged_here")).value_or(false);
  for (const llvm::json::Value &V : *Members) {
    const llvm::json::Object *M = V.getAsObject();
    Member Info{"", {}, false};
    if (!M || !M->getString("member") || !M->getString("name") ||
        !readLocation(M->get("at"), Info.At))
      return malformed(Unit, "a member without a key, a name or a place");
    Info.Name = M->getString("name")->str();
    Info.Associative =
        compat::toStd(M->getBoolean("associative")).value_or(false);
    C.Members.insert({M->getString("member")->str(), Info});
  }
  for (const llvm::json::Value &V : *Needs)
    if (std::optional<llvm::StringRef> Function =
            compat::toStd(V.getAsString()))
      C.NeedsBodies.insert(*Function);
  for (const llvm::json::Value &V : *Bodies) {
    const llvm::json::Object *Body = V.getAsObject();
    if (!Body)
      return malformed(Unit, "a body that is not an object");
    if (llvm::Error Error = readBody(Unit, *Body, C))
      return Error;
  }
  return llvm::Error::success();
}

/// The check's warning, judged over every body of the class.
std::optional<Finding> judge(const Class &C, llvm::StringRef Key,
                             const Member &M) {
  facts::ContainerGrowth Growth;
  Growth.Associative = M.Associative;
  std::vector<GrowthSite> Sites;
  for (const auto &Body : C.Bodies) {
    auto It = Body.second.find(Key);
    if (It == Body.second.end())
      continue;
    Growth.add(It->second.Growth);
    Sites.insert(Sites.end(), It->second.Sites.begin(), It->second.Sites.end());
  }
  if (!Growth.growsForever())
    return std::nullopt;
  bool InnerGrows = Growth.innerGrows();
  Finding F{Check.str(),
            M.At,
            "'" + M.Name + "' only grows: no member function removes from it" +
                (InnerGrows ? " or from the containers it holds" : "") +
                ", so a long-running process keeps every element forever",
            {}};
  llvm::sort(Sites, [](const GrowthSite &A, const GrowthSite &B) {
    return std::tie(A.Level, A.At.File, A.At.Offset) <
           std::tie(B.Level, B.At.File, B.At.Offset);
  });
  for (const GrowthSite &Site : Sites)
    if (Site.Level == 0 || InnerGrows)
      F.Notes.push_back({Site.At, "it grows here"});
  return F;
}
} // namespace

llvm::Expected<std::vector<Finding>>
onlyGrowingContainers(llvm::ArrayRef<UnitFacts> Units) {
  ByKey<Class> Classes;
  for (const UnitFacts &Unit : Units) {
    if (Unit.Check != Check)
      continue;
    const llvm::json::Array *List = Unit.Facts.getArray("classes");
    if (!List)
      return malformed(Unit, "no classes");
    for (const llvm::json::Value &V : *List) {
      const llvm::json::Object *O = V.getAsObject();
      if (!O)
        return malformed(Unit, "a class that is not an object");
      if (llvm::Error Error = readClass(Unit, *O, Classes))
        return std::move(Error);
    }
  }
  std::vector<Finding> Findings;
  for (const auto &Entry : Classes) {
    const Class &C = Entry.second;
    // Judged by the check already, or still missing a body: a removal may
    // be in code that no facts cover.
    if (C.JudgedInAUnit || llvm::any_of(C.NeedsBodies, [&](const auto &F) {
          return !C.Bodies.count(F.getKey());
        }))
      continue;
    for (const auto &[MemberKey, M] : C.Members)
      if (std::optional<Finding> F = judge(C, MemberKey, M))
        Findings.push_back(std::move(*F));
  }
  return Findings;
}

} // namespace asynctidy::merge
