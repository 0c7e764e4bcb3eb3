//===--- DocLinks.h - documentation links of the async-* diagnostics ------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// clangd links each clang-tidy diagnostic to its page on clang.llvm.org,
// which has no page for a plugin's checks. asynctidy-clangd sends clangd's
// messages through a rewriter that points the async-* links at asynctidy's
// own pages.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_CLANGD_DOCLINKS_H
#define ASYNCTIDY_CLANGD_DOCLINKS_H

#include <functional>
#include <string>
#include <thread>

namespace asynctidy::clangd {

/// \p Body with each link to an async-* check's page on clang.llvm.org
/// replaced by \p PageFor(check name without "async-").
std::string
rewriteDocLinks(const std::string &Body,
                const std::function<std::string(const std::string &)> &PageFor);

/// Splits LSP messages ("Content-Length: N\r\n\r\n" and N bytes) out of a
/// byte stream and passes each on rewritten, with its new length; anything
/// that is not such a message is passed on as it is.
class MessageRewriter {
public:
  using Sink = std::function<void(const std::string &)>;
  MessageRewriter(std::function<std::string(const std::string &)> Rewrite,
                  Sink Out)
      : Rewrite(std::move(Rewrite)), Out(std::move(Out)) {}
  void feed(const char *Data, size_t Size);
  /// At the end of the stream: what is left is passed on as it is.
  void finish();

private:
  bool takeMessage();
  std::function<std::string(const std::string &)> Rewrite;
  Sink Out;
  std::string Pending;
};

/// While alive, the process's standard output goes through the rewriter (a
/// pipe read by a thread); the destructor flushes and restores it.
class StdoutDocLinks {
public:
  explicit StdoutDocLinks(std::string DocsDirectory);
  ~StdoutDocLinks();
  bool active() const { return Reader.joinable(); }

private:
  std::string DocsDirectory;
  int RealStdout = -1;
  int PipeRead = -1;
  std::thread Reader;
};

} // namespace asynctidy::clangd

#endif // ASYNCTIDY_CLANGD_DOCLINKS_H
