//===--- AsyncTidyClangd.cpp - clangd with the asynctidy checks built in --===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// clangd cannot load clang-tidy modules at run time, so this executable links
// the asynctidy checks into clangd itself: the module's registration object is
// linked in, and clangd's check registry sees the async-* checks as it sees
// its own.
//
//===----------------------------------------------------------------------===//

#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace clang::clangd {
// Defined in LLVM's clangdMain library; its header is not installed.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace {

bool isDirectory(const char *Path) {
  struct stat Info;
  return ::stat(Path, &Info) == 0 && S_ISDIR(Info.st_mode);
}

bool hasResourceDirArgument(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I)
    if (std::strncmp(Argv[I], "--resource-dir", 14) == 0 ||
        std::strncmp(Argv[I], "-resource-dir", 13) == 0)
      return true;
  return false;
}

} // namespace

int main(int Argc, char *Argv[]) {
  // clangd derives the resource directory (the compiler's own headers, such
  // as <stddef.h>) from the executable's path, which is wrong for an
  // executable installed outside the LLVM tree; point it at the directory of
  // the LLVM installation the checks were built against, unless told.
  std::vector<char *> Arguments(Argv, Argv + Argc);
  std::string ResourceDirFlag =
      std::string("--resource-dir=") + ASYNCTIDY_CLANG_RESOURCE_DIR;
  if (!hasResourceDirArgument(Argc, Argv) &&
      isDirectory(ASYNCTIDY_CLANG_RESOURCE_DIR))
    Arguments.insert(Arguments.begin() + 1, ResourceDirFlag.data());
  Arguments.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Arguments.size() - 1),
                                   Arguments.data());
}
