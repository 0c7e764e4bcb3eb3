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

#include "DocLinks.h"
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
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

/// Where the checks' pages are: installed beside the executable
/// (<prefix>/lib/asynctidy/llvm-N/ and <prefix>/share/doc/asynctidy-llvmN/),
/// else in the sources it was built from.
std::string checkPages() {
  char Self[4096];
  ssize_t Length = ::readlink("/proc/self/exe", Self, sizeof(Self) - 1);
  if (Length > 0) {
    std::string Directory(Self, static_cast<size_t>(Length));
    Directory.erase(Directory.rfind('/'));
    std::string Installed = Directory + "/../../../share/doc/asynctidy-llvm" +
                            std::to_string(ASYNCTIDY_LLVM_MAJOR) + "/checks";
    char Resolved[4096];
    if (isDirectory(Installed.c_str()) &&
        ::realpath(Installed.c_str(), Resolved))
      return Resolved;
  }
  return ASYNCTIDY_SOURCE_DOCS;
}

bool hasArgument(int Argc, char *Argv[], const char *Name) {
  std::string Long = std::string("--") + Name, Short = std::string("-") + Name;
  for (int I = 1; I < Argc; ++I)
    if (std::strncmp(Argv[I], Long.c_str(), Long.size()) == 0 ||
        std::strncmp(Argv[I], Short.c_str(), Short.size()) == 0)
      return true;
  return false;
}

} // namespace

int main(int Argc, char *Argv[]) {
  // `--version` names asynctidy before clangd's own version lines: the
  // executable is clangd, with checks that clangd's version does not tell.
  if (hasArgument(Argc, Argv, "version")) {
    std::printf("asynctidy-clangd %s: clangd with the asynctidy checks "
                "(async-*) built in, for LLVM %d\n",
                ASYNCTIDY_VERSION, ASYNCTIDY_LLVM_MAJOR);
    std::fflush(stdout); // before clangd writes its own lines
  }

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
  // The language server's messages go through the link rewriter; what
  // clangd prints and then exits on (--version, --help, --check) does not.
  std::optional<asynctidy::clangd::StdoutDocLinks> Links;
  if (!hasArgument(Argc, Argv, "version") && !hasArgument(Argc, Argv, "help") &&
      !hasArgument(Argc, Argv, "check"))
    Links.emplace(checkPages());
  return clang::clangd::clangdMain(static_cast<int>(Arguments.size() - 1),
                                   Arguments.data());
}
