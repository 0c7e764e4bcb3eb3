//===--- VersionGuard.h - refuse to run inside another LLVM version -------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_SUPPORT_VERSIONGUARD_H
#define ASYNCTIDY_SUPPORT_VERSIONGUARD_H

namespace clang::tidy::asynctidy {

/// Constructed when the module is loaded: stops the process with a message
/// naming both versions if the LLVM that loaded the module is not the major
/// version it was built for. clang-tidy's C++ interfaces change between major
/// versions, so running on would crash later, far from the cause.
class VersionGuard {
public:
  VersionGuard();
};

} // namespace clang::tidy::asynctidy

#endif // ASYNCTIDY_SUPPORT_VERSIONGUARD_H
