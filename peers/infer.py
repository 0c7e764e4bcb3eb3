#!/usr/bin/env python3
"""Run asynctidy over the C++ lock suites that Infer ships, and compare.

Infer's RacerD and starvation tests (infer/tests/codetoanalyze/cpp/racerd and
.../starvation, MIT-licensed) name their functions *_bad and *_ok and list,
in issues.exp, every issue Infer reports. This script takes those suites out
of a fetched snapshot of facebook/infer, runs the module's lock checks over
each file, and writes a report: for every expected issue, whether a finding
of the matching check lies in the same function; for every *_ok function,
the findings in it (there should be none).

Usage: peers/infer.py --infer-git DIR --module SO [--clang-tidy BIN]
                      [--commit REV] [--out REPORT.md]
DIR is the git directory of the snapshot (what the fetch tool returns).
Exit status: 0 when every expected issue within one translation unit is
found and every *_ok function is silent, 1 otherwise, 2 on bad input.
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

SUITES = {
    # suite: (language standard, Infer's issue type -> our check)
    "racerd": ("c++17", {"LOCK_CONSISTENCY_VIOLATION": "async-unguarded-member"}),
    "starvation": ("c++17", {"DEADLOCK": "async-lock-order-inversion"}),
}
# Runs of the suites: (title, suite, check options). The second run of
# racerd sets RacerD's own rule, one locking function for every member.
INFER_RULE = {"async-unguarded-member.ScalarLockingFunctions": "1"}
RUNS = [
    ("racerd", "racerd", {}),
    ("racerd with ScalarLockingFunctions: 1", "racerd", INFER_RULE),
    ("starvation", "starvation", {}),
]
WARNING = re.compile(r"^(.*?):(\d+):(\d+): warning: (.*) \[(async-[a-z-]+)\]$")
# Issues Infer expects that asynctidy leaves alone on purpose, with why. A
# read of a flag, counter or pointer that only one member function writes
# under the lock is a data race by the letter, and Infer reports it; on real
# code it is most often state handed over by a protocol the lock does not
# show, so async-unguarded-member asks for two locking functions before it
# speaks of a scalar (docs/checks/unguarded-member.md, "What it flags").
ONE_LOCKING_FUNCTION = ("not reported on purpose: a scalar that only one "
                        "member function locks around")
EXPLAINED_MISSES = {
    ("basics.cpp", "basics::Basic::get_suspiciously_read_bad"):
        ONE_LOCKING_FUNCTION,
    ("basics.cpp", "basics::Basic::read_double_suspiciously_read_bad"):
        ONE_LOCKING_FUNCTION,
    ("lock_guard_with_scope.cpp",
     "basics::LockGuardWithScope::suspiciously_read_bad"): ONE_LOCKING_FUNCTION,
    ("noreturn.cpp", "Noreturn::get_y_without_lock"): ONE_LOCKING_FUNCTION,
    ("scoped_lock.cpp", "ScopedLock::get_y_bad"): ONE_LOCKING_FUNCTION,
    ("std_lock.cpp", "basics::StdLock::get_bad"): ONE_LOCKING_FUNCTION,
    ("unique_lock.cpp", "basics::UniqueLock::suspiciously_read1_bad"):
        ONE_LOCKING_FUNCTION,
    ("unique_lock.cpp", "basics::UniqueLock::suspiciously_read2_trylock_bad"):
        ONE_LOCKING_FUNCTION,
    ("unique_lock.cpp", "basics::UniqueLock::suspiciously_read3_deferlock_bad"):
        ONE_LOCKING_FUNCTION,
}

# The other differences, each the same for every case of its kind
# (peers/README.md says more).
EXPLAINED_MISSES.update({
    ("conditional.cpp", "Conditional::get_y"):
        "not reported, rightly: Infer's own false positive in run_FP (a "
        "temporary unique_lock is released at the end of its full-expression)",
    ("without_mutex.cpp", "without_mutex::WithoutMutex::get_bad"):
        "not reported on purpose: the only lock is a mutex the caller passes "
        "in, which guards nothing of the class for certain",
})
AT_THE_CALLEE = ("reported where the deadlock is, in the private "
                 "`private_deadlock` that it calls, not at each caller")
for function in ("skipped::Skip::not_skipped_bad",
                 "skipped::SkipTemplate<void>::not_skipped_bad",
                 "skipped::UseTemplate::foo"):
    EXPLAINED_MISSES[("skip.cpp", function)] = AT_THE_CALLEE
# `_ok` functions reported under Infer's rule, with why.
EXPLAINED_REPORTS = {
    ("dereferencing.cpp", "dereferencing::Basic::pointer_arith_ok"):
        "reported under Infer's rule: the address of `q` goes to a non-const "
        "pointer parameter, which counts as a write (the callee's body is "
        "not read); silent by default",
}

NOTE = re.compile(r"^(.*?):(\d+):(\d+): note: (.*)$")


def extract(git_dir, commit, suite, into):
    prefix = f"infer/tests/codetoanalyze/cpp/{suite}/"
    names = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "--name-only", commit, prefix],
        check=True, capture_output=True, text=True).stdout.split()
    into.mkdir(parents=True, exist_ok=True)
    for name in names:
        blob = subprocess.run(["git", "--git-dir", git_dir, "show",
                               f"{commit}:{name}"], check=True,
                              capture_output=True).stdout
        (into / pathlib.Path(name).name).write_bytes(blob)


def function_extents(text):
    """(class or namespace-qualified last names, first line, last line) of
    every function body in text, found by brace matching."""
    extents = []
    code = re.sub(r"//[^\n]*|/\*.*?\*/",
                  lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    scopes = []  # (name or None, depth at which it opened)
    depth = 0
    pending = None
    for match in re.finditer(r"[{};]|\b(?:class|struct|namespace)\s+(\w+)|"
                             r"([\w:~]+)\s*\([^;{}]*\)[^;{}()]*(?=\{)", code):
        token = match.group(0)
        if match.group(1):
            pending = ("scope", match.group(1))
        elif match.group(2):
            pending = ("function", match.group(2), match.start())
        elif token == "{":
            depth += 1
            if pending and pending[0] == "scope":
                scopes.append((pending[1], depth))
            elif pending and pending[0] == "function":
                scopes.append((("fn", pending[1], pending[2]), depth))
            else:
                scopes.append((None, depth))
            pending = None
        elif token == "}":
            name, opened = scopes.pop() if scopes else (None, depth)
            if isinstance(name, tuple):
                outer = [s for s, _ in scopes if isinstance(s, str)]
                qualified = "::".join(outer + [name[1]])
                first = code.count("\n", 0, name[2]) + 1
                last = code.count("\n", 0, match.start()) + 1
                extents.append((qualified, first, last))
            depth -= 1
            pending = None
        elif token == ";":
            pending = None
    return extents


def locate(extents, qualified):
    """The extent of the function Infer calls qualified (a::B::f, or
    a::B<void>::f for an instantiation)."""
    wanted = re.sub(r"<[^<>]*>", "", qualified).split("::")
    best = None
    for name, first, last in extents:
        parts = name.replace("::", " ").split()
        if parts and parts[-1] == wanted[-1] and \
                all(p in wanted for p in parts):
            if best is None or len(parts) > len(best[0].split("::")):
                best = (name, first, last)
    return best


def run_suite(args, suite, options, work):
    std, issue_checks = SUITES[suite]
    directory = work / suite
    if not directory.is_dir():
        extract(args.infer_git, args.commit, suite, directory)
    config = "{CheckOptions: {%s}}" % ", ".join(
        f"{key}: '{value}'" for key, value in options.items())
    findings = []
    for source in sorted(directory.glob("*.cpp")):
        result = subprocess.run(
            [args.clang_tidy, f"-load={args.module}",
             "-checks=-*," + ",".join(sorted(set(issue_checks.values()))),
             f"-config={config}", str(source), "--", f"-std={std}",
             f"-I{directory}"],
            capture_output=True, text=True)
        # A note belongs to the warning before it: the other half of a lock
        # order inversion is a note, where Infer reports a second issue.
        check = None
        for line in result.stdout.splitlines():
            m = WARNING.match(line)
            if m:
                check = m.group(5)
                findings.append((pathlib.Path(m.group(1)).name, int(m.group(2)),
                                 check, m.group(4)))
            elif (m := NOTE.match(line)) and check:
                findings.append((pathlib.Path(m.group(1)).name, int(m.group(2)),
                                 check, "note: " + m.group(4)))
    expected = []
    for line in (directory / "issues.exp").read_text().splitlines():
        fields = [f.strip() for f in line.split(",")]
        if len(fields) > 3:
            expected.append((pathlib.Path(fields[0]).name, fields[1],
                             int(fields[2]), fields[3]))
    return directory, findings, expected, issue_checks


def judge(directory, findings, expected, issue_checks, explanations):
    rows, ok_rows, failures, differences = [], [], 0, 0
    extents = {p.name: function_extents(p.read_text())
               for p in directory.glob("*.cpp")}
    for file, function, line, issue in expected:
        check = issue_checks.get(issue)
        extent = locate(extents.get(file, []), function)
        cross_file = file.startswith("crossfile")
        # A warning or a note of the matching check inside the function.
        found = check and extent and any(
            f == file and c == check and extent[1] <= l <= extent[2]
            for f, l, c, _ in findings)
        status = "found" if found else (
            "not expected (needs two translation units)" if cross_file
            else explanations.get((file, function), "MISSED"))
        # The explanation holds only while the callee's warning is there.
        if status == AT_THE_CALLEE and not any(
                f == file and c == check and first <= l <= last
                for f, l, c, _ in findings
                for name, first, last in extents.get(file, [])
                if name.endswith("::private_deadlock")):
            status = "MISSED"
        failures += status == "MISSED"
        differences += status not in ("found", "MISSED") and not cross_file
        rows.append(f"| `{file}` | `{function}` | {issue} | {status} |")
    for file, functions in sorted(extents.items()):
        for name, first, last in functions:
            if not name.endswith("_ok"):
                continue
            inside = [f"{c} at line {l}" for f, l, c, m in findings
                      if f == file and first <= l <= last and
                      not m.startswith("note: ")]
            infer_too = any(e[0] == file and locate(functions, e[1]) and
                            locate(functions, e[1])[0] == name
                            for e in expected)
            status = "silent" if not inside else (
                "reported, as Infer does (a known false positive of both)"
                if infer_too else EXPLAINED_REPORTS.get(
                    (file, name), "REPORTED: " + "; ".join(inside)))
            failures += status.startswith("REPORTED")
            differences += status in EXPLAINED_REPORTS.values()
            ok_rows.append(f"| `{file}` | `{name}` | {status} |")
    return rows, ok_rows, failures, differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--infer-git", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--out")
    args = parser.parse_args()
    if not pathlib.Path(args.module).is_file():
        sys.exit(f"infer.py: no module at {args.module}")
    if subprocess.run(["git", "--git-dir", args.infer_git, "rev-parse",
                       args.commit], capture_output=True).returncode:
        sys.exit(f"infer.py: {args.infer_git} has no commit {args.commit}")
    report = ["# asynctidy on Infer's C++ lock suites", ""]
    failures = differences = 0
    with tempfile.TemporaryDirectory() as tmp:
        for title, suite, options in RUNS:
            directory, findings, expected, checks = run_suite(
                args, suite, options, pathlib.Path(tmp))
            # Under Infer's rule the scalar reads are no longer explained.
            explained = {key: why for key, why in EXPLAINED_MISSES.items()
                         if not (options and why == ONE_LOCKING_FUNCTION)}
            rows, ok_rows, failed, differ = judge(
                directory, findings, expected, checks, explained)
            failures += failed
            differences += differ
            report += [f"## {title}", "", "| file | function | Infer's issue |"
                       " asynctidy |", "|---|---|---|---|"] + rows + [
                "", "| file | `_ok` function | asynctidy |", "|---|---|---|"
            ] + ok_rows + [""]
    report.append(f"{failures} failures, {differences} explained differences")
    text = "\n".join(report) + "\n"
    if args.out:
        pathlib.Path(args.out).write_text(text)
    print(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
