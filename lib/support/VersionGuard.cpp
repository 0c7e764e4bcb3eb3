//===--- VersionGuard.cpp - refuse to run inside another LLVM version -----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "support/VersionGuard.h"
#include "CompatLLVM.h"
#include <cstdio>
#include <cstdlib>

namespace clang::tidy::asynctidy {

VersionGuard::VersionGuard() {
  // LLVMGetVersion is part of LLVM's stable C interface, so calling it is
  // safe whichever version answers.
  unsigned Major = 0, Minor = 0, Patch = 0;
  if (!::asynctidy::compat::hostLLVMVersion(Major, Minor, Patch) ||
      Major == ASYNCTIDY_LLVM_MAJOR)
    return;
  std::fprintf(stderr,
               "error: the asynctidy module was built for LLVM %d, but a tool "
               "of LLVM %u.%u.%u loaded it; load the module built for LLVM "
               "%u, or use the LLVM %d tools (clang-tidy-%d)\n",
               ASYNCTIDY_LLVM_MAJOR, Major, Minor, Patch, Major,
               ASYNCTIDY_LLVM_MAJOR, ASYNCTIDY_LLVM_MAJOR);
  // Exit at once: running any more of this module inside a foreign LLVM,
  // static destructors included, is what must not happen.
  std::_Exit(1);
}

} // namespace clang::tidy::asynctidy
