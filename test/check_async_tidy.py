#!/usr/bin/env python3
"""Runs clang-tidy with the asynctidy module on one test file and checks it.

Usage (from a lit RUN line, through the %check_async_tidy substitution):

    %check_async_tidy [options] INPUT CHECKS TEMP [CLANG-TIDY ARGS] -- [COMPILER ARGS]

INPUT is the test source, CHECKS the comma-separated checks to enable, TEMP a
scratch path (lit's %t). The test file carries its expectations as comments:

    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ... [async-check]
        the warnings (and compiler errors): every one must be expected, and a
        file without CHECK-MESSAGES must produce none;
    // CHECK-NOTES: ...
        warnings and notes together, when the notes matter; alone, every one
        must be expected; beside CHECK-MESSAGES (which then lists every
        warning), the listed ones must appear, in order;
    // CHECK-FIXES: ...
        the text after the fixes; every line a fix adds or changes must match
        one of them, and a file without CHECK-FIXES must be left unchanged.

No other async-* check may warn on the file (a second run enables them all),
and a fixed file must still compile (clang -fsyntax-only with COMPILER ARGS).
Every run also fails when clang-tidy crashes or does not finish within
TIMEOUT_SECONDS, when a diagnostic is reported twice, and when two fixes
overlap or make the same change twice (read from -export-fixes).

Options:
    --check-suffix=S[,T...]
                         use CHECK-MESSAGES-S (and -T) etc. instead of
                         CHECK-MESSAGES; an empty element stands for the plain
                         prefix, so ",CXX20" uses both CHECK-MESSAGES and
                         CHECK-MESSAGES-CXX20
    --fix-notes          apply the fix-its attached to notes as well
    --allow-other=CHECK[,CHECK...]
                         other async-* checks whose warnings on this file are
                         expected (and tested in their own test files)
    --expect-compile-errors
                         the input does not compile: errors are expected as
                         CHECK-MESSAGES, and fixes are requested with
                         -fix-errors to show that none touch broken code
"""

import argparse
import difflib
import os
import re
import subprocess
import sys

import yaml

EXPECTATION_COMMENT = re.compile(r"//\s*CHECK-(MESSAGES|NOTES|FIXES)[A-Za-z0-9_-]*:.*$")


# Diagnostics in headers are not the test's (clang-tidy 22 shows them by
# default), and -fix must never edit a shared header under test/Inputs.
HEADER_FILTER = "-header-filter=^$"

# clang-tidy's own note under each diagnostic whose fix it applied.
FIX_APPLIED_NOTE = "note: FIX-IT applied suggested code changes"


def filecheck_pattern_to_regex(pattern):
    """A Python regular expression for one FileCheck pattern: {{regex}} as
    written, [[substitutions]] as anything, the rest literally."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("{{", i):
            end = pattern.find("}}", i + 2)
            if end < 0:
                break
            out.append("(?:%s)" % pattern[i + 2:end])
            i = end + 2
        elif pattern.startswith("[[", i):
            end = pattern.find("]]", i + 2)
            if end < 0:
                break
            out.append(".*?")
            i = end + 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


class Failure(Exception):
    pass


# Far above the slowest test (a few seconds): only a hang gets here.
TIMEOUT_SECONDS = 300


def run(command, **kwargs):
    try:
        return subprocess.run(command, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              timeout=TIMEOUT_SECONDS, **kwargs)
    except subprocess.TimeoutExpired:
        raise Failure("%s did not finish in %d s:\n%s" %
                      (os.path.basename(command[0]), TIMEOUT_SECONDS,
                       " ".join(command)))


def applied_replacements(fixes_path, fix_notes):
    """The replacements clang-tidy applies from an -export-fixes file: each
    diagnostic's own, or with --fix-notes, when it has none, those of its
    first note that has some. Yields (diagnostic name, replacement)."""
    with open(fixes_path, encoding="utf-8") as f:
        exported = yaml.safe_load(f) or {}
    for diagnostic in exported.get("Diagnostics") or []:
        replacements = diagnostic["DiagnosticMessage"].get("Replacements")
        if not replacements and fix_notes:
            replacements = next((n["Replacements"] for n in
                                 diagnostic.get("Notes") or []
                                 if n.get("Replacements")), [])
        for replacement in replacements or []:
            yield diagnostic["DiagnosticName"], replacement


def check_fixes_are_disjoint(fixes_path, fix_notes):
    seen = {}
    for name, r in applied_replacements(fixes_path, fix_notes):
        key = (r["FilePath"], r["Offset"], r["Length"], r["ReplacementText"])
        if key in seen:
            raise Failure("two fixes (%s, %s) make the same change at offset "
                          "%d: %r" % (seen[key], name, r["Offset"],
                                      r["ReplacementText"]))
        seen[key] = name
    def is_include(span):
        return span[2] == 0 and span[3].startswith("#include")

    spans = sorted(seen)
    for a, b in zip(spans, spans[1:]):
        # Two insertions at one place depend on their order, unless both
        # are #include lines.
        same_place = a[1] == b[1] and a[2] == 0 and b[2] == 0 and not (
            is_include(a) and is_include(b))
        if a[0] == b[0] and (b[1] < a[1] + a[2] or same_place):
            raise Failure("the fixes of %s and %s overlap at offset %d" %
                          (seen[a], seen[b], b[1]))


def split_arguments(rest):
    if "--" in rest:
        cut = rest.index("--")
        return rest[:cut], rest[cut + 1:]
    return rest, []


def diagnostics_of(output, path, kinds):
    """The lines of clang-tidy's output that start a diagnostic of a kind in
    `kinds` about `path`, with the path shortened to what follows it. Notes
    in other files (a header the note points into) are kept too, named by
    their file name: `header.h:12:5: note: ...`."""
    pattern = re.compile(r"^(?:.*/)?" + re.escape(os.path.basename(path)) +
                         r"(:\d+:\d+: (" + "|".join(kinds) + r"): .*)$")
    elsewhere = re.compile(r"^(?:.*/)?([^/:]+:\d+:\d+: note: .*)$")
    lines = []
    for line in output.splitlines():
        match = pattern.match(line)
        if match:
            lines.append(match.group(1))
        elif "note" in kinds and elsewhere.match(line):
            lines.append(elsewhere.match(line).group(1))
    return [l for l in lines if not l.endswith(FIX_APPLIED_NOTE)]


class TestRun:
    def __init__(self, args, tidy_args, compiler_args):
        self.args = args
        self.tidy_args = tidy_args
        self.compiler_args = compiler_args
        suffixes = ["-" + s if s else "" for s in args.check_suffix.split(",")]
        self.messages_prefixes = ["CHECK-MESSAGES" + s for s in suffixes]
        self.notes_prefixes = ["CHECK-NOTES" + s for s in suffixes]
        self.fixes_prefixes = ["CHECK-FIXES" + s for s in suffixes]
        with open(args.input, encoding="utf-8") as f:
            self.original = f.read()
        extension = os.path.splitext(args.input)[1] or ".cpp"
        self.fixed_path = args.temp + extension
        os.makedirs(os.path.dirname(os.path.abspath(self.fixed_path)),
                    exist_ok=True)

    def has_prefix(self, prefixes):
        """Whether any of `prefixes` is used, alone or with -NEXT and the
        like, but not as the start of a longer prefix."""
        return any(re.search(r"\b" + re.escape(p) + r"(-(NEXT|SAME|NOT|DAG|EMPTY|LABEL))?:",
                             self.original) for p in prefixes)

    def filecheck(self, prefixes, input_text, what, implicit_not):
        used = [p for p in prefixes if self.has_prefix([p])]
        input_path = "%s.%s" % (self.args.temp, used[0].lower())
        with open(input_path, "w", encoding="utf-8") as f:
            f.write(input_text)
        command = [self.args.filecheck, self.args.input,
                   "--check-prefixes=" + ",".join(used),
                   "--input-file=" + input_path, "--strict-whitespace"]
        command += ["--implicit-check-not=" + p for p in implicit_not]
        result = run(command)
        if result.returncode != 0:
            raise Failure("%s differ from the %s lines\n%s" %
                          (what, "/".join(used), result.stdout))

    def run_clang_tidy(self):
        # Line numbers must not move, so only the comment text is removed: the
        # expectations must not end up in the fixed file, where CHECK-FIXES
        # would match them.
        stripped = "\n".join(EXPECTATION_COMMENT.sub("", line).rstrip()
                             if EXPECTATION_COMMENT.search(line) else line
                             for line in self.original.split("\n"))
        with open(self.fixed_path, "w", encoding="utf-8") as f:
            f.write(stripped)
        # An untouched copy for the run of all async-* checks.
        base, extension = os.path.splitext(self.fixed_path)
        self.original_copy = base + "-all-checks" + extension
        with open(self.original_copy, "w", encoding="utf-8") as f:
            f.write(stripped)
        self.stripped = stripped
        command = [self.args.clang_tidy, self.fixed_path,
                   "-load=" + self.args.module, HEADER_FILTER,
                   "-checks=-*," + self.args.checks,
                   "--fix-notes" if self.args.fix_notes else "-fix"]
        if self.args.expect_compile_errors:
            command.append("-fix-errors")
        self.fixes_path = self.args.temp + ".fixes.yaml"
        command.append("-export-fixes=" + self.fixes_path)
        command += self.tidy_args + ["--"] + self.compiler_args
        result = run(command)
        self.output = result.stdout
        if result.returncode != 0 and not self.args.expect_compile_errors:
            raise Failure("clang-tidy failed (exit %d):\n%s" %
                          (result.returncode, self.output))
        if "Stack dump" in self.output or result.returncode < 0:
            raise Failure("clang-tidy crashed:\n" + self.output)
        with open(self.fixed_path, encoding="utf-8") as f:
            self.fixed = f.read()

    def check_each_diagnostic_once(self):
        diagnostics = diagnostics_of(self.output, self.fixed_path,
                                     ["warning", "error"])
        repeated = sorted({d for d in diagnostics if diagnostics.count(d) > 1})
        if repeated:
            raise Failure("diagnostics reported more than once:\n" +
                          "\n".join(repeated))

    def check_fixes_are_disjoint(self):
        if "overlaps with another fix" in self.output:
            raise Failure("clang-tidy found overlapping fixes")
        if os.path.exists(self.fixes_path):
            check_fixes_are_disjoint(self.fixes_path, self.args.fix_notes)

    def check_other_checks_are_silent(self):
        """No async-* check other than those under test may warn on the file:
        each check must stay quiet on the other checks' test code."""
        tested = self.args.checks.split(",") + [
            c for c in self.args.allow_other.split(",") if c]
        if "async-*" in tested or self.args.expect_compile_errors:
            return
        result = run([self.args.clang_tidy, self.original_copy,
                      "-load=" + self.args.module, "-checks=-*,async-*",
                      HEADER_FILTER] + self.tidy_args + ["--"] +
                     self.compiler_args)
        if "Stack dump" in result.stdout or result.returncode < 0:
            raise Failure("clang-tidy crashed with all async-* checks:\n" +
                          result.stdout)
        if result.returncode != 0:
            raise Failure("clang-tidy failed with all async-* checks "
                          "(exit %d):\n%s" % (result.returncode, result.stdout))
        others = [w for w in diagnostics_of(result.stdout, self.original_copy,
                                            ["warning"])
                  if not any(w.endswith("[%s]" % t) for t in tested)]
        if others:
            raise Failure("other async-* checks warn on this file:\n" +
                          "\n".join(others))

    def check_messages(self):
        warnings = diagnostics_of(self.output, self.fixed_path,
                                  ["warning", "error"])
        if self.has_prefix(self.messages_prefixes):
            self.filecheck(self.messages_prefixes, "\n".join(warnings) + "\n",
                           "the warnings", ["{{warning|error}}:"])
        elif not self.has_prefix(self.notes_prefixes) and warnings:
            raise Failure("unexpected diagnostics (the test expects none):\n" +
                          "\n".join(warnings))

    def check_notes(self):
        if not self.has_prefix(self.notes_prefixes):
            return
        diagnostics = diagnostics_of(self.output, self.fixed_path,
                                     ["warning", "error", "note"])
        # Alone, CHECK-NOTES must list every diagnostic. Beside
        # CHECK-MESSAGES (which lists every warning), it checks the notes of
        # the warnings it names, in order, and need not list the others.
        complete = not self.has_prefix(self.messages_prefixes)
        self.filecheck(self.notes_prefixes, "\n".join(diagnostics) + "\n",
                       "the warnings and notes",
                       ["{{note|warning|error}}:"] if complete else [])

    def check_fixes(self):
        if self.has_prefix(self.fixes_prefixes):
            self.filecheck(self.fixes_prefixes, self.fixed,
                           "the contents of the fixed file", [])
            self.check_every_change_is_expected()
        elif self.fixed != self.stripped:
            diff = difflib.unified_diff(self.stripped.splitlines(True),
                                        self.fixed.splitlines(True),
                                        "before", "after")
            raise Failure("unexpected fix (the test expects none):\n" +
                          "".join(diff))

    def check_every_change_is_expected(self):
        """FileCheck finds the lines CHECK-FIXES names; this makes sure no
        fix changed any other line."""
        used = [p for p in self.fixes_prefixes if self.has_prefix([p])]
        directive = re.compile(r"//\s*(%s)(?:-NEXT|-SAME|-DAG)?:(.*)$" %
                               "|".join(re.escape(p) for p in used))
        patterns = []
        for line in self.original.split("\n"):
            match = directive.search(line)
            if match:
                patterns.append(re.compile(
                    filecheck_pattern_to_regex(match.group(2).strip())))
        diff = difflib.ndiff(self.stripped.split("\n"), self.fixed.split("\n"))
        for changed in (d[2:] for d in diff if d.startswith("+ ")):
            if changed.strip() and not any(p.search(changed) for p in patterns):
                raise Failure("a fix changed a line that no CHECK-FIXES line "
                              "describes:\n" + changed)

    def check_fixed_file_compiles(self):
        if self.fixed == self.stripped or self.args.expect_compile_errors:
            return
        language = ["-x", "c" if self.fixed_path.endswith(".c") else "c++"]
        result = run([self.args.clang, "-fsyntax-only"] + language +
                     self.compiler_args + [self.fixed_path])
        if result.returncode != 0:
            raise Failure("the fixed file does not compile:\n" + result.stdout)


def main():
    argv, compiler_args = split_arguments(sys.argv[1:])
    parser = argparse.ArgumentParser(usage=__doc__, allow_abbrev=False)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--clang", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--fix-notes", action="store_true")
    parser.add_argument("--expect-compile-errors", action="store_true")
    parser.add_argument("--allow-other", default="")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    args, tidy_args = parser.parse_known_args(argv)

    test = TestRun(args, tidy_args, compiler_args)
    try:
        test.run_clang_tidy()
        test.check_each_diagnostic_once()
        test.check_fixes_are_disjoint()
        test.check_messages()
        test.check_notes()
        test.check_fixes()
        test.check_fixed_file_compiles()
        test.check_other_checks_are_silent()
    except Failure as failure:
        print("check_async_tidy: FAIL: %s" % failure)
        print("------ clang-tidy output ------")
        print(test.output if hasattr(test, "output") else "(none)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
