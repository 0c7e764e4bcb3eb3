//===--- CompatLLVM.h - differences between LLVM Support libraries --------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The differences in LLVM's ADT and Support libraries between the supported
// versions (14, 15, 16, 19 and 22), for the module and for the tools that link
// LLVM only (asynctidy-merge). Compat.h holds those of clang and clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_COMPATLLVM_H
#define ASYNCTIDY_COMPATLLVM_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include <dlfcn.h>
#include <optional>
#if LLVM_VERSION_MAJOR < 16
#include "llvm/ADT/Optional.h"
#endif

namespace asynctidy::compat {

/// StringRef's starts_with and ends_with arrived in LLVM 16; startswith and
/// endswith left in LLVM 19.
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
#if LLVM_VERSION_MAJOR >= 16
  return S.starts_with(Prefix);
#else
  return S.startswith(Prefix);
#endif
}

inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
#if LLVM_VERSION_MAJOR >= 16
  return S.ends_with(Suffix);
#else
  return S.endswith(Suffix);
#endif
}

/// The optional that LLVM's and clang's APIs take and return.
#if LLVM_VERSION_MAJOR >= 16
template <typename T> using Optional = std::optional<T>;
#else
template <typename T> using Optional = llvm::Optional<T>;
#endif

/// What an LLVM API returned as an optional, as a std::optional: until LLVM
/// 16 many returned llvm::Optional.
template <typename T> std::optional<T> toStd(std::optional<T> Value) {
  return Value;
}
#if LLVM_VERSION_MAJOR < 16
template <typename T> std::optional<T> toStd(const llvm::Optional<T> &Value) {
  if (Value)
    return *Value;
  return std::nullopt;
}
#endif

/// The version of the LLVM that the running process uses, from its stable C
/// interface; false when that interface is older than LLVM 16, which added
/// LLVMGetVersion: a module for LLVM 14 or 15 then cannot tell the two apart.
inline bool hostLLVMVersion(unsigned &Major, unsigned &Minor, unsigned &Patch) {
  using GetVersion = void (*)(unsigned *, unsigned *, unsigned *);
  auto Get =
      reinterpret_cast<GetVersion>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  if (!Get)
    return false;
  Get(&Major, &Minor, &Patch);
  return true;
}

} // namespace asynctidy::compat

#endif // ASYNCTIDY_COMPATLLVM_H
