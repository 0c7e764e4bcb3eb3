//===--- AsyncTidyModule.h - linking asynctidy into a tool ----------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// clang-tidy loads asynctidy with -load and needs nothing from here. A tool
// that links the checks in statically instead (a clangd with the checks
// built in) must refer to the anchor below, or the linker drops the module's
// registration with the rest of an unreferenced object file:
//
//   #include "asynctidy/AsyncTidyModule.h"
//   static int Anchor = AsyncTidyModuleAnchorSource;
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_ASYNCTIDYMODULE_H
#define ASYNCTIDY_ASYNCTIDYMODULE_H

/// Defined next to the module's registration.
// NOLINTNEXTLINE(readability-identifier-naming): LLVM's anchor convention
extern volatile int AsyncTidyModuleAnchorSource;

#endif // ASYNCTIDY_ASYNCTIDYMODULE_H
