//===--- DocLinks.cpp - documentation links of the async-* diagnostics ----===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "DocLinks.h"
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace asynctidy::clangd {

namespace {
constexpr char ClangTidyPages[] =
    "https://clang.llvm.org/extra/clang-tidy/checks/async/";

void writeAll(int FD, const std::string &Text) {
  size_t Done = 0;
  while (Done < Text.size()) {
    ssize_t N = ::write(FD, Text.data() + Done, Text.size() - Done);
    if (N <= 0)
      return;
    Done += static_cast<size_t>(N);
  }
}

bool isCheckNameChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= '0' && C <= '9') || C == '-';
}
} // namespace

std::string rewriteDocLinks(
    const std::string &Body,
    const std::function<std::string(const std::string &)> &PageFor) {
  std::string Result;
  size_t From = 0;
  const size_t PrefixLength = sizeof(ClangTidyPages) - 1;
  for (size_t At = Body.find(ClangTidyPages); At != std::string::npos;
       At = Body.find(ClangTidyPages, From)) {
    size_t NameEnd = At + PrefixLength;
    while (NameEnd < Body.size() && isCheckNameChar(Body[NameEnd]))
      ++NameEnd;
    if (Body.compare(NameEnd, 5, ".html") != 0) {
      Result.append(Body, From, NameEnd - From);
      From = NameEnd;
      continue;
    }
    Result.append(Body, From, At - From);
    Result +=
        PageFor(Body.substr(At + PrefixLength, NameEnd - At - PrefixLength));
    From = NameEnd + 5;
  }
  Result.append(Body, From, std::string::npos);
  return Result;
}

void MessageRewriter::feed(const char *Data, size_t Size) {
  Pending.append(Data, Size);
  while (takeMessage()) {
  }
}

bool MessageRewriter::takeMessage() {
  size_t HeaderEnd = Pending.find("\r\n\r\n");
  if (HeaderEnd == std::string::npos)
    return false;
  const std::string Key = "Content-Length:";
  size_t Length = Pending.find(Key);
  if (Length != 0) { // not a message: pass the header block on
    Out(Pending.substr(0, HeaderEnd + 4));
    Pending.erase(0, HeaderEnd + 4);
    return true;
  }
  size_t Size = std::strtoul(Pending.c_str() + Key.size(), nullptr, 10);
  size_t Start = HeaderEnd + 4;
  if (Pending.size() < Start + Size)
    return false;
  std::string Body = Rewrite(Pending.substr(Start, Size));
  Pending.erase(0, Start + Size);
  Out("Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body);
  return true;
}

void MessageRewriter::finish() {
  if (!Pending.empty())
    Out(Pending);
  Pending.clear();
}

StdoutDocLinks::StdoutDocLinks(std::string DocsDirectory)
    : DocsDirectory(std::move(DocsDirectory)) {
  int Pipe[2];
  std::fflush(stdout);
  if (::pipe(Pipe) != 0)
    return;
  RealStdout = ::dup(1);
  if (RealStdout < 0 || ::dup2(Pipe[1], 1) < 0) {
    ::close(Pipe[0]);
    ::close(Pipe[1]);
    return;
  }
  ::close(Pipe[1]);
  PipeRead = Pipe[0];
  Reader = std::thread([this] {
    auto PageFor = [this](const std::string &Check) {
      return "file://" + this->DocsDirectory + "/" + Check + ".md";
    };
    MessageRewriter Rewriter(
        [&](const std::string &Body) { return rewriteDocLinks(Body, PageFor); },
        [this](const std::string &Text) { writeAll(RealStdout, Text); });
    char Buffer[65536];
    for (ssize_t N; (N = ::read(PipeRead, Buffer, sizeof(Buffer))) > 0;)
      Rewriter.feed(Buffer, static_cast<size_t>(N));
    Rewriter.finish();
  });
}

StdoutDocLinks::~StdoutDocLinks() {
  if (!Reader.joinable())
    return;
  std::fflush(stdout);
  ::dup2(RealStdout, 1); // the pipe's last writer closes: the reader ends
  Reader.join();
  ::close(PipeRead);
  ::close(RealStdout);
}

} // namespace asynctidy::clangd
