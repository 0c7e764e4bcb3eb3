//===--- Compat.h - differences between the supported LLVM versions -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every difference between the clang-tidy APIs of the supported LLVM versions
// (19 and 22) is handled here, so that the checks need no #if of their own.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_COMPAT_H
#define ASYNCTIDY_COMPAT_H

#ifndef ASYNCTIDY_LLVM_MAJOR
#error "ASYNCTIDY_LLVM_MAJOR must be defined by the build"
#endif

#if ASYNCTIDY_LLVM_MAJOR >= 22
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated the old
// header.
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif // ASYNCTIDY_COMPAT_H
