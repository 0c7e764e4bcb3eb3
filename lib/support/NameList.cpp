//===--- NameList.cpp - qualified-name lists read from check options ------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/NameList.h"
#include "Compat.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::asynctidy {

std::string qualifiedName(const NamedDecl &D) {
  llvm::SmallVector<std::string, 4> Parts;
  Parts.push_back(D.getNameAsString());
  for (const DeclContext *Ctx = D.getDeclContext(); Ctx;
       Ctx = Ctx->getParent()) {
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(Ctx)) {
      if (NS->isInline())
        continue;
      Parts.push_back(NS->isAnonymousNamespace() ? "(anonymous namespace)"
                                                 : NS->getNameAsString());
    } else if (const auto *Record = llvm::dyn_cast<RecordDecl>(Ctx)) {
      Parts.push_back(Record->getIdentifier() ? Record->getNameAsString()
                                              : "(anonymous)");
    } else if (const auto *Func = llvm::dyn_cast<FunctionDecl>(Ctx)) {
      Parts.push_back(Func->getNameAsString());
    }
    // Linkage specifications, blocks and the translation unit add nothing.
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    Name += "::";
    Name += *It;
  }
  return Name;
}

NameList NameList::parse(
    llvm::StringRef Value,
    llvm::function_ref<void(llvm::StringRef, llvm::StringRef)> OnInvalid) {
  NameList List;
  List.Text = Value.str();
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  Value.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    // Validate the entry alone, so that the message quotes what the user
    // wrote rather than the anchored form.
    std::string Why;
    if (!llvm::Regex(Entry).isValid(Why)) {
      OnInvalid(Entry, Why);
      continue;
    }
    if (Entry.find_first_of(".[]()*+?{}|^$\\") == llvm::StringRef::npos) {
      bool Whole = compat::startsWith(Entry, "::");
      List.Names.push_back({Whole ? Entry.str() : ("::" + Entry).str(), Whole});
      continue;
    }
    std::string Anchored = compat::startsWith(Entry, "::")
                               ? ("^(" + Entry + ")$").str()
                               : ("^(.*::)?(" + Entry + ")$").str();
    List.Patterns.emplace_back(Anchored);
  }
  return List;
}

bool NameList::matchesName(llvm::StringRef QualifiedName) const {
  for (const Literal &Name : Names)
    if (Name.Whole ? QualifiedName == Name.Text
                   : compat::endsWith(QualifiedName, Name.Text))
      return true;
  for (const llvm::Regex &Pattern : Patterns)
    if (Pattern.match(QualifiedName))
      return true;
  return false;
}

bool NameList::matchesClassOf(QualType Type) const {
  const auto *Record =
      llvm::dyn_cast<RecordType>(Type->getUnqualifiedDesugaredType());
  return Record && matches(*Record->getDecl());
}

bool NameList::matchesObjectOf(const CXXMemberCallExpr &Call) const {
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Object)
    return false;
  QualType Type = Object->IgnoreUnlessSpelledInSource()->getType();
  if (Type->isAnyPointerType())
    Type = Type->getPointeeType();
  return matchesClassOf(Type);
}

bool NameList::matches(const NamedDecl &D) const {
  if (empty())
    return false;
  const Decl *Key = D.getCanonicalDecl();
  auto Cached = Cache.find(Key);
  if (Cached != Cache.end())
    return Cached->second;
  bool Result = matchesName(qualifiedName(D));
  Cache[Key] = Result;
  return Result;
}

} // namespace clang::tidy::asynctidy
