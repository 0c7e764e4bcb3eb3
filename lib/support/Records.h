//===--- Records.h - questions about classes ----------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_RECORDS_H
#define ASYNCTIDY_SUPPORT_RECORDS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::asynctidy {

/// The class of \p Type, looking through references and arrays (an array
/// of atomics is atomic state); null for a null type or any other type.
const CXXRecordDecl *recordOf(QualType Type);

/// Like recordOf, and also the class template's pattern when a template
/// leaves \p Type dependent (`std::atomic<T *>`, `cache<T>` in a class
/// template).
const CXXRecordDecl *classOf(QualType Type);

/// The access of \p Method as its class spells it. White-box tests compile
/// classes with `#define private public`: in their translation units only,
/// everything is public.
AccessSpecifier writtenAccess(const CXXMethodDecl &Method);

/// The member functions of \p Class that must have a body somewhere, and
/// the function templates among its members.
std::vector<const FunctionDecl *>
memberFunctionsNeedingBodies(const CXXRecordDecl &Class);

/// Whether every member function of \p Class has its body in this
/// translation unit: what one of them does elsewhere cannot change a
/// judgement made here.
bool definesEveryMemberFunction(const CXXRecordDecl &Class);

/// Whether \p Record or one of its bases declares a member named \p Name
/// (a typedef such as `mapped_type`, or a member function).
bool declaresMember(const CXXRecordDecl &Record, llvm::StringRef Name);

/// Whether \p D is declared in namespace std or inside it: in a nested
/// namespace (`std::filesystem`, libstdc++'s `std::__exception_ptr`) or a
/// class of it (`std::fstream::open`).
bool isInStd(const Decl &D);

/// Whether the translation unit has already declared `std::<Name>`: a
/// fix-it that names it then needs no #include (the include that declared
/// it is there, perhaps through another header).
bool isDeclaredInStd(const ASTContext &Context, llvm::StringRef Name);

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_RECORDS_H
