#!/usr/bin/env python3
"""Applies every fix-it across the test corpus and the example project, and
compiles every result.

For each %check_async_tidy RUN line of the test sources (those that compile),
clang-tidy runs with that line's checks and options, and again with every
async-* check and that line's options, both with -fix --fix-notes (so the
fixes attached to notes are applied too); each changed file must then compile
with the line's compiler arguments. The example project is copied, fixed the
same way through its compilation database, and built with Ninja.

Stops at the first fixed file that does not compile, showing the diff and the
compiler's errors. The last line counts the runs and the files compiled.
"""

import argparse
import concurrent.futures
import difflib
import glob
import os
import re
import shlex
import shutil
import sys

# The test driver's process runner (crash and hang watch) and failure type.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from check_async_tidy import Failure, run  # noqa: E402

# Directories whose tests are not about fixes: the driver's own tests (whose
# fixes are wrong on purpose), the probes and the inputs.
SKIPPED_DIRECTORIES = ("harness", "probes", "Inputs", "support")


def run_lines(path):
    """The RUN lines of a test file, continuation lines joined."""
    lines, current = [], ""
    for line in open(path, encoding="utf-8"):
        match = re.match(r"\s*(?://|#)?\s*RUN:(.*)$", line)
        if not match:
            continue
        text = match.group(1).rstrip()
        if text.endswith("\\"):
            current += text[:-1] + " "
            continue
        lines.append(current + text)
        current = ""
    return lines


def definitions(path):
    """lit's `DEFINE: %{name} = value` substitutions of a test file."""
    found = {}
    for line in open(path, encoding="utf-8"):
        match = re.match(r"\s*(?://|#)?\s*DEFINE:\s*(%\{[^}]+\})\s*=\s*(.*)$",
                         line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def tidy_runs(path, substitutions):
    """(checks, clang-tidy arguments, compiler arguments) for each
    %check_async_tidy RUN line of `path` that expects a clean run."""
    for line in run_lines(path):
        for name, value in definitions(path).items():
            line = line.replace(name, value)
        words = shlex.split(line)
        if "%check_async_tidy" not in words:
            continue
        start = words.index("%check_async_tidy")
        if start > 0 and words[start - 1] == "not":
            continue  # a harness test of a failing run
        words = [substitute(w, substitutions) for w in words[start + 1:]]
        if "--expect-compile-errors" in words:
            continue
        if "|" in words:
            words = words[:words.index("|")]
        positional = [w for w in words[:words.index("--") if "--" in words
                                       else len(words)]
                      if not w.startswith("-")]
        checks = positional[1]
        cut = words.index("--") if "--" in words else len(words)
        tidy_args = [w for w in words[:cut] if w.startswith("-") and
                     not w.startswith(("--check-suffix", "--fix-notes",
                                       "--allow-other"))]
        yield checks, tidy_args, words[cut + 1:]


def substitute(word, substitutions):
    for key in sorted(substitutions, key=len, reverse=True):
        word = word.replace(key, substitutions[key])
    return word


def fix_and_compile(args, source, index, checks, tidy_args, compiler_args):
    """Fixes a copy of `source` and compiles it; returns whether it changed."""
    directory = os.path.join(args.workdir, "corpus", "%s.%d" % (
        os.path.basename(source), index))
    os.makedirs(directory, exist_ok=True)
    copy = os.path.join(directory, os.path.basename(source))
    shutil.copyfile(source, copy)
    command = [args.clang_tidy, "-load=" + args.module, copy,
               "-checks=-*," + checks, "-header-filter=^$", "-fix",
               "--fix-notes"] + tidy_args + ["--"] + compiler_args
    result = run(command)
    if result.returncode != 0 or "Stack dump" in result.stdout:
        raise Failure("clang-tidy failed on %s (exit %d):\n%s\n%s" % (
            source, result.returncode, " ".join(command), result.stdout))
    with open(source, encoding="utf-8") as f:
        before = f.read()
    with open(copy, encoding="utf-8") as f:
        after = f.read()
    if before == after:
        return False
    language = ["-x", "c" if source.endswith(".c") else "c++"]
    compiled = run([args.clang, "-fsyntax-only"] + language + compiler_args +
                   [copy])
    if compiled.returncode != 0:
        diff = "".join(difflib.unified_diff(
            before.splitlines(True), after.splitlines(True), source, copy))
        raise Failure("the fixes of %s (checks %s) do not compile:\n%s\n%s" %
                      (source, checks, diff, compiled.stdout))
    return True


def fix_corpus(args):
    substitutions = {"%inputs": args.inputs, "%examples": args.examples}
    jobs = []
    for pattern in ("*.cpp", "*.c"):
        for source in sorted(glob.glob(os.path.join(args.tests, "**", pattern),
                                       recursive=True)):
            relative = os.path.relpath(source, args.tests)
            if relative.split(os.sep)[0] in SKIPPED_DIRECTORIES:
                continue
            substitutions["%s"] = source
            substitutions["%S"] = os.path.dirname(source)
            seen = set()
            for checks, tidy_args, compiler_args in tidy_runs(source,
                                                              substitutions):
                for run_checks in (checks, "async-*"):
                    key = (run_checks, tuple(tidy_args), tuple(compiler_args))
                    if key not in seen:
                        seen.add(key)
                        jobs.append((source, len(jobs)) + key)
    changed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(fix_and_compile, args, source, index, checks,
                               list(tidy_args), list(compiler_args))
                   for source, index, checks, tidy_args, compiler_args in jobs]
        for future in futures:
            changed += future.result()  # raises the first failure in order
    return len(jobs), changed


def fix_examples(args):
    project = os.path.join(args.workdir, "examples")
    build = os.path.join(args.workdir, "examples-build")
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(build, ignore_errors=True)
    shutil.copytree(args.examples, project)
    result = run(["cmake", "-S", project, "-B", build, "-G", "Ninja",
                  "-DCMAKE_CXX_COMPILER=" + args.clang])
    if result.returncode != 0:
        raise Failure("configuring the example failed:\n" + result.stdout)
    sources = sorted(glob.glob(os.path.join(project, "src", "*.cpp")))
    for source in sources:
        result = run([args.clang_tidy, "-load=" + args.module, "-p", build,
                      "-checks=-*,async-*", "-header-filter=.*", "-fix",
                      "--fix-notes", source])
        if result.returncode != 0 or "Stack dump" in result.stdout:
            raise Failure("clang-tidy failed on %s:\n%s" % (source,
                                                            result.stdout))
    result = run(["ninja", "-C", build])
    if result.returncode != 0:
        diff = run(["diff", "-ru", args.examples, project]).stdout
        raise Failure("the fixed example does not build:\n%s\n%s" %
                      (diff, result.stdout))
    return len(sources)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--clang", required=True)
    parser.add_argument("--tests", required=True, help="the test directory")
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--examples", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    try:
        runs, changed = fix_corpus(args)
        example_sources = fix_examples(args)
    except Failure as failure:
        print("fix_everything: FAIL: %s" % failure)
        return 1
    print("%d corpus runs, %d fixed files compiled; example: %d sources "
          "fixed, project built" % (runs, changed, example_sources))
    return 0


if __name__ == "__main__":
    sys.exit(main())
