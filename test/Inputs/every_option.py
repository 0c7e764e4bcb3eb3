#!/usr/bin/env python3
"""Tries every option of every async-* check with a valid and an invalid value.

The options are those `clang-tidy --dump-config` lists, so a new option is
covered as soon as it exists, and one without test values here fails the run.
A valid value must be accepted silently and stored back as given; an invalid
one must give a configuration error naming the check and the option, and
clang-tidy must still finish without crashing.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# (valid, invalid) values by option name; most options are name lists.
NAME_LIST = ("::app::Thing;app_[a-z]+", "::app::(Thing")
VALUES = {
    "IncludeStyle": ("google", "sideways"),
    "AllowCastToVoid": ("true", "maybe"),
    "AllowStdIgnore": ("true", "2"),
    "CheckPredicateWaits": ("true", "yes please"),
    "IgnoreTestCode": ("false", "perhaps"),
    "IgnoreExampleCode": ("false", "rarely"),
    "IgnoreExplainedHandlers": ("false", "sometimes"),
    "UnknownCallsMayThrow": ("true", "often"),
    "ReportFunction": ("::app::report", "report(e)"),
    "WhenAllFunction": ("::app::when_all", "when all"),
    "DefaultTimeout": ("std::chrono::milliseconds(250)", "seconds(1); abort()"),
    "Replacements": ("::sleep=co_await app::sleep_async", "sleep=nothing"),
    "MaxSize": ("kMaxPending", "1024; abort()"),
    "OverflowPolicy": ("reject", "drop-newest"),
    "ScalarLockingFunctions": ("1", "0"),
    # Paths in the work directory, filled in by main(): a directory to make,
    # and one below a regular file.
    "FactsDirectory": ("{workdir}/facts", "{workdir}/options.cpp/facts"),
}
NAME_LISTS = {
    "AllowedFunctions", "AsyncMutexTypes", "BestEffortFunctions",
    "BlockingFunctions", "BlockingTypes",
    "CallbackFunctions", "CallbackTypes", "CheckedFunctions",
    "ConditionVariableTypes", "ContainerTypes", "CoSpawnFunctions",
    "DetachedTokenTypes", "ErrorTypes", "EventWaitFunctions", "FutureTypes",
    "GuardTypes", "IgnoredExceptionTypes", "MutexTypes", "OffloadFunctions",
    "RecursiveMutexTypes", "Reporters", "SequentialAwaitables",
    "SetUpFunctions", "SingleThreadedFunctions", "SpawnFunctions",
    "StopPredicates", "ThreadSafeTypes", "ThreadStarters",
    "ThreadTypes",
}

SOURCE = """\
#include <mutex>
#include <thread>
std::mutex m;
int shared;
void touch() { std::lock_guard<std::mutex> g(m); ++shared; }
void start() { std::thread t([] { touch(); }); t.join(); }
"""


def quote(value):
    return "'" + value.replace("'", "''") + "'"


def run(args, source, option, value):
    config = "{Checks: '-*,async-*', CheckOptions: {%s: %s}}" % (
        option, quote(value))
    return subprocess.run(
        [args.clang_tidy, "-load=" + args.module, "--config=" + config,
         source, "--", "-std=c++20"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        timeout=120)


def dumped_value(args, source, option, value):
    config = "{Checks: '-*,async-*', CheckOptions: {%s: %s}}" % (
        option, quote(value))
    output = subprocess.run(
        [args.clang_tidy, "-load=" + args.module, "--config=" + config,
         "--dump-config", source, "--", "-std=c++20"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        timeout=120).stdout
    match = re.search(r"^\s+%s:\s*(.*)$" % re.escape(option), output, re.M)
    if not match:
        return None
    text = match.group(1).strip()
    if text.startswith("'") and text.endswith("'"):
        text = text[1:-1].replace("''", "'")
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    source = os.path.join(args.workdir, "options.cpp")
    with open(source, "w") as out:
        out.write(SOURCE)

    dump = subprocess.run(
        [args.clang_tidy, "-load=" + args.module, "-checks=-*,async-*",
         "--dump-config", source, "--"],
        stdout=subprocess.PIPE, text=True, check=True).stdout
    options = re.findall(r"^\s+(async-[a-z-]+)\.([A-Za-z]+):", dump, re.M)
    if not options:
        sys.exit("every_option: --dump-config listed no async-* option")

    failures = 0
    checks = set()
    for check, name in options:
        checks.add(check)
        key = "%s.%s" % (check, name)
        values = VALUES.get(name, NAME_LIST if name in NAME_LISTS else None)
        if values is None:
            print("FAIL %s: no test values for this option; add them to %s"
                  % (key, os.path.basename(__file__)))
            failures += 1
            continue
        valid, invalid = (v.format(workdir=args.workdir) for v in values)

        result = run(args, source, key, valid)
        stored = dumped_value(args, source, key, valid)
        if (result.returncode != 0 or "[clang-tidy-config]" in result.stdout
                or "Stack dump" in result.stdout):
            print("FAIL %s: valid value %r was not accepted:\n%s"
                  % (key, valid, result.stdout))
            failures += 1
        elif stored != valid:
            print("FAIL %s: valid value %r is stored back as %r"
                  % (key, valid, stored))
            failures += 1

        result = run(args, source, key, invalid)
        error = re.search(r"error: [^\n]*'%s'[^\n]*\[clang-tidy-config\]"
                          % re.escape(key), result.stdout)
        if "Stack dump" in result.stdout or result.returncode < 0:
            print("FAIL %s: invalid value %r crashed clang-tidy:\n%s"
                  % (key, invalid, result.stdout))
            failures += 1
        elif not error or result.returncode == 0:
            print("FAIL %s: invalid value %r gave no configuration error "
                  "naming the option (exit %d):\n%s"
                  % (key, invalid, result.returncode, result.stdout))
            failures += 1
        else:
            print("ok %s: %s" % (key, error.group(0)))

    print("%d options of %d checks, %d failures"
          % (len(options), len(checks), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
