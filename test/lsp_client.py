#!/usr/bin/env python3
"""Drives asynctidy-clangd over the Language Server Protocol, as an editor does.

Opens one source file in a workspace directory (which holds the .clangd,
.clang-tidy and compile_flags.txt the test wrote), waits for clangd's
diagnostics, prints the async-* ones, asks textDocument/codeAction for each
one's range and applies the quick-fixes returned. The edited text is written
to --output, to be compared with what `clang-tidy -fix` makes of the file.

Exits non-zero when clangd dies, does not answer in time, or returns edits
that overlap.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import queue


class LanguageServer:
    def __init__(self, command, log):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=log)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(
            b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout):
        self.next_id += 1
        request_id = self.next_id
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method,
                   "params": params})
        return self.wait_for(lambda m: m.get("id") == request_id and
                             "method" not in m, timeout)["result"]

    def wait_for(self, predicate, timeout):
        while True:
            try:
                message = self.messages.get(timeout=timeout)
            except queue.Empty:
                sys.exit("lsp_client: no answer from clangd in %d s" % timeout)
            if message is None:
                sys.exit("lsp_client: clangd exited (code %s)" %
                         self.process.wait())
            if "method" in message and "id" in message:
                # A request from the server (work done progress, config):
                # answer it so that the server does not wait.
                self.send({"jsonrpc": "2.0", "id": message["id"],
                           "result": None})
            if predicate(message):
                return message


def same_diagnostic(a, b):
    return all(a.get(key) == b.get(key) for key in ("code", "range", "message"))


def offset_of(text, position):
    # Positions count UTF-16 code units; the test sources are ASCII.
    lines = text.split("\n")
    return (sum(len(line) + 1 for line in lines[:position["line"]]) +
            position["character"])


def apply_edits(text, edits):
    spans = []
    for edit in edits:
        start = offset_of(text, edit["range"]["start"])
        end = offset_of(text, edit["range"]["end"])
        spans.append((start, end, edit["newText"]))
    # The same insertion (an #include) may come with several fixes; clang-tidy
    # applies it once.
    spans = sorted(set(spans))
    for (start, end, _), (next_start, next_end, _) in zip(spans, spans[1:]):
        if next_start < end or (next_start == start and start != end):
            sys.exit("lsp_client: overlapping edits at offset %d" % next_start)
    for start, end, new_text in reversed(spans):
        text = text[:start] + new_text + text[end:]
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--file", required=True,
                        help="source file inside the workspace")
    parser.add_argument("--output", help="where to write the fixed text")
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--links", action="store_true",
                        help="print each diagnostic's documentation link")
    parser.add_argument("clangd_arguments", nargs="*",
                        help="more arguments for clangd (after --)")
    args = parser.parse_args()

    workspace = os.path.abspath(args.workspace)
    path = os.path.abspath(args.file)
    uri = "file://" + path
    with open(path) as source:
        text = source.read()

    with open(os.path.join(workspace, "clangd.log"), "w") as log:
        server = LanguageServer(
            [args.clangd, "--log=info", "--background-index=false",
             "--pretty=false"] + args.clangd_arguments, log)
        server.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + workspace,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}},
        }, args.timeout)
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        published = server.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri, args.timeout)

        diagnostics = published["params"]["diagnostics"]
        # Compile errors show whether clangd found the compiler's headers.
        for error in (d for d in diagnostics if d.get("severity") == 1):
            print("error: %s" % error["message"])
        ours = [d for d in diagnostics
                if str(d.get("code", "")).startswith("async-")]
        edits = []
        for diagnostic in sorted(ours, key=lambda d: (
                d["range"]["start"]["line"], d["range"]["start"]["character"])):
            start = diagnostic["range"]["start"]
            print("%s:%d:%d: %s [%s]" % (
                os.path.basename(path), start["line"] + 1,
                start["character"] + 1, diagnostic["message"],
                diagnostic["code"]))
            if args.links:
                print("  link: %s" % diagnostic.get(
                    "codeDescription", {}).get("href", "(none)"))
            actions = server.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic],
                            "only": ["quickfix"]},
            }, args.timeout)
            for action in actions or []:
                # clangd echoes the diagnostic without some of its fields.
                if not any(same_diagnostic(diagnostic, d)
                           for d in action.get("diagnostics", [])):
                    continue
                print("  quick-fix: %s%s" % (action["title"], " (preferred)" if action.get("isPreferred") else ""))
                edits += action["edit"]["changes"].get(uri, [])
        print("%d async-* diagnostics, %d edits" % (len(ours), len(edits)))

        server.request("shutdown", None, args.timeout)
        server.notify("exit", None)
        server.process.wait(timeout=args.timeout)

    if args.output:
        with open(args.output, "w") as output:
            output.write(apply_edits(text, edits))


if __name__ == "__main__":
    main()
