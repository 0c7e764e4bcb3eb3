//===--- NameList.h - qualified-name lists read from check options --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_NAMELIST_H
#define ASYNCTIDY_SUPPORT_NAMELIST_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::asynctidy {

/// The qualified name of \p D as the name lists see it: with a leading "::",
/// without inline namespaces (so "::std::error_code" names libc++'s
/// "std::__1::error_code" too), and without template arguments.
std::string qualifiedName(const NamedDecl &D);

/// A `;`-separated list of regular expressions naming declarations, the value
/// of a check option. An entry that starts with "::" must match the whole
/// qualified name; any other entry matches a trailing part of it that starts
/// after a "::", so "send" matches "::send" and "::net::Socket::send".
class NameList {
public:
  NameList() = default;

  /// Parses \p Value; calls \p OnInvalid with each entry that is not a valid
  /// regular expression and the reason, and leaves such entries out.
  static NameList
  parse(llvm::StringRef Value,
        llvm::function_ref<void(llvm::StringRef Entry, llvm::StringRef Why)>
            OnInvalid);

  bool empty() const { return Patterns.empty() && Names.empty(); }

  /// The option's value as parsed: two lists with the same text name the
  /// same declarations.
  llvm::StringRef text() const { return Text; }

  /// Whether the qualified name of \p D matches an entry. Answers are cached
  /// per declaration: a check asks about the same few declarations often.
  bool matches(const NamedDecl &D) const;

  /// Whether \p Type is a class whose name matches, also when it is named
  /// through an alias: the test of classInNameList() below, in C++.
  bool matchesClassOf(QualType Type) const;

  /// Whether the object that \p Call is made on, as spelled (before the
  /// conversion to the base class that declares the method), or the object
  /// it points to, has a class that matches: thisPointerType(
  /// classInNameList()) in C++.
  bool matchesObjectOf(const CXXMemberCallExpr &Call) const;

  /// Whether \p QualifiedName (in the form qualifiedName() gives) matches.
  bool matchesName(llvm::StringRef QualifiedName) const;

private:
  // llvm::Regex is move-only; std::vector keeps the list movable.
  std::vector<llvm::Regex> Patterns;
  /// The entries without a regular-expression operator, compared as text
  /// (a regular expression that begins with "(.*::)?" backtracks over
  /// every "::" of the name): the whole name for an entry with a leading
  /// "::", otherwise its end after a "::".
  struct Literal {
    std::string Text;
    bool Whole;
  };
  std::vector<Literal> Names;
  std::string Text;
  mutable llvm::DenseMap<const Decl *, bool> Cache;
};

namespace matchers {
/// Matches a named declaration whose qualified name is in \p List.
AST_MATCHER_P(NamedDecl, matchesNameList, const NameList *, List) {
  return List->matches(Node);
}

/// Matches a call of a function in \p List: callee(functionDecl(
/// matchesNameList(List))) in one step, which matters for matchers tried on
/// every call of the unit.
AST_MATCHER_P(CallExpr, calleeInNameList, const NameList *, List) {
  const FunctionDecl *Callee = Node.getDirectCallee();
  return Callee && List->matches(*Callee);
}

/// Matches a type whose class is in \p List, also when it is named through
/// an alias (`using SessionMap = std::unordered_map<...>`).
inline ast_matchers::internal::Matcher<QualType>
classInNameList(const NameList *List) {
  using namespace ast_matchers;
  return hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(namedDecl(matchesNameList(List)))));
}
} // namespace matchers

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_NAMELIST_H
