//===--- AsyncTidyModule.cpp - the asynctidy clang-tidy module ------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "BlockingCallInCoroutineCheck.h"
#include "CallbackUnderLockCheck.h"
#include "CheckThenInsertCheck.h"
#include "Compat.h"
#include "ExceptionEscapingThreadCheck.h"
#include "FireAndForgetCheck.h"
#include "IgnoredErrorCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "LockOrderInversionCheck.h"
#include "LoopWithoutStopCheck.h"
#include "ManualLockUnlockCheck.h"
#include "NonAtomicFileUpdateCheck.h"
#include "SequentialAwaitInLoopCheck.h"
#include "SwallowedExceptionCheck.h"
#include "UnboundedContainerCheck.h"
#include "UnguardedMemberCheck.h"
#include "WaitWithoutTimeoutCheck.h"
#include "support/VersionGuard.h"

namespace clang::tidy::asynctidy {

class AsyncTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingCallInCoroutineCheck>(
        "async-blocking-call-in-coroutine");
    Factories.registerCheck<CallbackUnderLockCheck>(
        "async-callback-under-lock");
    Factories.registerCheck<CheckThenInsertCheck>("async-check-then-insert");
    Factories.registerCheck<ExceptionEscapingThreadCheck>(
        "async-exception-escaping-thread");
    Factories.registerCheck<FireAndForgetCheck>("async-fire-and-forget");
    Factories.registerCheck<IgnoredErrorCheck>("async-ignored-error");
    Factories.registerCheck<LockAcrossSuspendCheck>(
        "async-lock-across-suspend");
    Factories.registerCheck<LockOrderInversionCheck>(
        "async-lock-order-inversion");
    Factories.registerCheck<LoopWithoutStopCheck>("async-loop-without-stop");
    Factories.registerCheck<ManualLockUnlockCheck>("async-manual-lock-unlock");
    Factories.registerCheck<NonAtomicFileUpdateCheck>(
        "async-non-atomic-file-update");
    Factories.registerCheck<SequentialAwaitInLoopCheck>(
        "async-sequential-await-in-loop");
    Factories.registerCheck<SwallowedExceptionCheck>(
        "async-swallowed-exception");
    Factories.registerCheck<UnboundedContainerCheck>(
        "async-unbounded-container");
    Factories.registerCheck<UnguardedMemberCheck>("async-unguarded-member");
    Factories.registerCheck<WaitWithoutTimeoutCheck>(
        "async-wait-without-timeout");
  }
};

// The guard runs first: a module loaded into a clang-tidy of another LLVM
// version must stop before it touches that clang-tidy's registry.
static const VersionGuard Guard;
static ClangTidyModuleRegistry::Add<AsyncTidyModule>
    Registration("asynctidy-module", "Adds the async-* checks.");

} // namespace clang::tidy::asynctidy
