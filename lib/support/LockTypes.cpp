//===--- LockTypes.cpp - which types are mutexes, and which are guards ----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/LockTypes.h"
#include "Compat.h"
#include "support/Records.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/CharInfo.h"

namespace clang::tidy::asynctidy {

bool isLockTag(QualType Type, StringRef Name) {
  const TagDecl *Tag =
      Type.isNull() ? nullptr : Type.getNonReferenceType()->getAsTagDecl();
  return Tag && Tag->getIdentifier() && Tag->getName() == Name;
}

bool isLockMethod(StringRef Name) {
  return Name == "lock" || Name == "lock_shared" || Name == "Lock" ||
         Name == "ReaderLock" || Name == "WriterLock";
}

bool isTryLockMethod(StringRef Name) {
  return Name == "try_lock" || Name == "try_lock_for" ||
         Name == "try_lock_until" || Name == "try_lock_shared" ||
         Name == "try_lock_shared_for" || Name == "try_lock_shared_until" ||
         Name == "TryLock" || Name == "ReaderTryLock" ||
         Name == "WriterTryLock";
}

// Not release(): std::unique_lock::release() leaves the mutex locked.
bool isUnlockMethod(StringRef Name) {
  return Name == "unlock" || Name == "unlock_shared" || Name == "Unlock" ||
         Name == "ReaderUnlock" || Name == "WriterUnlock";
}

namespace {
/// The member function named \p Name that \p Record declares, if one.
const CXXMethodDecl *methodNamed(const CXXRecordDecl &Record, StringRef Name) {
  for (const NamedDecl *Found :
       Record.lookup(&Record.getASTContext().Idents.get(Name)))
    if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Found))
      return Method;
  return nullptr;
}

/// Whether \p Method does nothing: `void lock() {}` takes no lock (the
/// peer suite that Infer ships counts it as none).
bool isEmpty(const CXXMethodDecl &Method) {
  const FunctionDecl *Definition = Method.getDefinition();
  const auto *Body =
      Definition ? llvm::dyn_cast_or_null<CompoundStmt>(Definition->getBody())
                 : nullptr;
  return Body && Body->body_empty();
}

/// The classes that the constructors of \p Record are handed first, by
/// reference or by pointer (not copies or moves of \p Record).
llvm::SmallVector<const CXXRecordDecl *, 2>
handedToConstructors(const CXXRecordDecl &Record) {
  llvm::SmallVector<const CXXRecordDecl *, 2> Handed;
  for (const CXXConstructorDecl *Constructor : Record.ctors()) {
    if (Constructor->getNumParams() == 0 ||
        Constructor->isCopyOrMoveConstructor())
      continue;
    QualType Param = Constructor->getParamDecl(0)->getType();
    if (Param->isPointerType())
      Param = Param->getPointeeType();
    else if (!Param->isReferenceType())
      continue;
    if (const CXXRecordDecl *Class = recordOf(Param);
        Class && Class->getCanonicalDecl() != Record.getCanonicalDecl())
      Handed.push_back(Class);
  }
  return Handed;
}
} // namespace

bool hasEmptyLock(const CXXRecordDecl &Record) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  const CXXMethodDecl *Lock =
      Definition ? methodNamed(*Definition, "lock") : nullptr;
  return Lock && isEmpty(*Lock);
}

bool implementsSynchronisation(const CXXRecordDecl &Record) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return false;
  bool Unlocks = false, Waits = false, Wakes = false;
  for (const Decl *Member : Definition->decls()) {
    const FunctionDecl *Function = Member->getAsFunction();
    if (!Function || !Function->getIdentifier())
      continue;
    std::string Name = Function->getName().lower();
    // `unlock`, `unlock_shared`, `UnlockHere`; not `unlocked_size`.
    StringRef Rest = Function->getName().drop_front(6);
    Unlocks |=
        compat::startsWith(Name, "unlock") &&
        (Rest.empty() || Rest.front() == '_' || isUppercase(Rest.front()));
    Waits |= Name == "wait";
    Wakes |=
        Name == "set" || Name == "signal" || compat::startsWith(Name, "notify");
  }
  return Unlocks || (Waits && Wakes);
}

bool isMutexType(const CXXRecordDecl &Record, const NameList &Mutexes) {
  if (Mutexes.matches(Record))
    return true;
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition || Definition->isInStdNamespace())
    return false;
  // lock() of an asynchronous mutex returns what to co_await: not this.
  const CXXMethodDecl *Lock = methodNamed(*Definition, "lock");
  if (!Lock || !methodNamed(*Definition, "unlock") || isEmpty(*Lock) ||
      !Lock->getReturnType()->isVoidType())
    return false;
  // A guard with lock()/unlock() of its own (a unique_lock look-alike)
  // holds a mutex; it is not one.
  for (const CXXRecordDecl *Handed : handedToConstructors(*Definition))
    if (Handed->getDefinition() &&
        methodNamed(*Handed->getDefinition(), "lock"))
      return false;
  return true;
}

/// Whether \p Field, in a class template, has the type of a template
/// parameter whose default is a mutex (`M my_mutex;` under
/// `template <typename T, typename M = spin_mutex>`).
static bool defaultsToMutex(const FieldDecl &Field, const NameList &Mutexes) {
  // The parameter's name is sugar that typedefs hide (`typedef M
  // mutex_type;`): find it by its position in the template instead.
  const auto *Parameter = Field.getType()->getAs<TemplateTypeParmType>();
  const auto *Class = llvm::dyn_cast<CXXRecordDecl>(Field.getParent());
  const ClassTemplateDecl *Template =
      Class ? Class->getDescribedClassTemplate() : nullptr;
  if (!Parameter || !Template)
    return false;
  const TemplateParameterList *Parameters = Template->getTemplateParameters();
  if (Parameter->getDepth() != Parameters->getDepth() ||
      Parameter->getIndex() >= Parameters->size())
    return false;
  const auto *Decl = llvm::dyn_cast<TemplateTypeParmDecl>(
      Parameters->getParam(Parameter->getIndex()));
  if (!Decl || !Decl->hasDefaultArgument())
    return false;
  QualType Default = compat::defaultTypeArgument(*Decl);
  const CXXRecordDecl *Record = Default.isNull() ? nullptr : recordOf(Default);
  return Record && isMutexType(*Record, Mutexes);
}

bool isCLockType(QualType Type) {
  for (const auto *Typedef = Type->getAs<TypedefType>(); Typedef;
       Typedef = Typedef->desugar()->getAs<TypedefType>())
    if (llvm::is_contained(
            llvm::ArrayRef<StringRef>(
                {StringRef("pthread_mutex_t"), StringRef("pthread_rwlock_t"),
                 StringRef("pthread_spinlock_t"), StringRef("mtx_t"),
                 StringRef("SRWLOCK"), StringRef("CRITICAL_SECTION")}),
            Typedef->getDecl()->getName()))
      return true;
  return false;
}

static bool ownsMutex(const CXXRecordDecl &Record, const NameList &Mutexes,
                      unsigned Depth) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  // Bases deeper than this are not worth the walk.
  if (!Definition || Depth > 4)
    return false;
  for (const FieldDecl *Field : Definition->fields()) {
    const CXXRecordDecl *Type = classOf(Field->getType());
    if ((Type && isMutexType(*Type, Mutexes)) ||
        isCLockType(Field->getType()) || defaultsToMutex(*Field, Mutexes))
      return true;
  }
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const CXXRecordDecl *BaseClass = classOf(Base.getType());
        BaseClass && ownsMutex(*BaseClass, Mutexes, Depth + 1))
      return true;
  return false;
}

bool ownsMutex(const CXXRecordDecl &Record, const NameList &Mutexes) {
  return ownsMutex(Record, Mutexes, 0);
}

bool isGuardType(const CXXRecordDecl &Record, const LockTypes &Types) {
  if (Types.Guards.matches(Record))
    return true;
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition || Definition->isInStdNamespace())
    return false;
  const CXXDestructorDecl *Destructor = Definition->getDestructor();
  if (!Destructor || !Destructor->isUserProvided())
    return false;
  for (const CXXRecordDecl *Handed : handedToConstructors(*Definition))
    if (isMutexType(*Handed, Types.Mutexes))
      return true;
  return false;
}

} // namespace clang::tidy::asynctidy
