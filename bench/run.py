#!/usr/bin/env python3
"""Measures what the asynctidy checks cost on top of clang-tidy's parsing.

Each translation unit is run through clang-tidy three ways, RUNS times each:

  parse      one cheap built-in check that matches almost nothing
             (llvm-namespace-comment): parsing and the AST, nearly alone;
  asynctidy  every async-* check;
  builtin    the built-in checks on neighbouring ground.

It reports the median processor time (user + system) and the peak memory of
each, the ratios to the parse-only run, and the time of each async-* check
from clang-tidy's check profile; it writes results.csv and size.svg (time
against translation-unit size, with gnuplot) to --output, and checks the
performance targets:

  - every async-* check together adds at most 5 % to the parse-only time on
    the real-header units and on the generated units of 16k lines and more,
    and no single check more than 1 %;
  - from the 16k to the 64k line generated unit, the checks' time grows by
    at most 5x (linear: the unit is 4x larger);
  - the peak memory with every check is within 5 % of parse-only.

The checks' cost is judged from clang-tidy's check profile (the median over
the runs with every check, of each check's time), measured inside the run: on this machine two runs of the same
configuration differ by several per cent, more than the checks cost, so
the difference between separate runs ("async+" in the table) is shown but
not judged; the spread between parse-only runs is printed beside it.

With --instructions, the parse-only and every-check runs of the generated
units judged are also counted in instructions with callgrind, which is
deterministic and holds none of the profile's clock reads (on a virtual
machine those reads are system calls, and the profile of a run that passes
from one check to another at almost every node counts them as the checks'
time); the budget of every check together is then judged on the count.

The exit status is 1 when a target is missed (not with --quick, whose small
inputs and single run only show that the benchmark works).
"""

import argparse
import csv
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

CONFIGS = {
    "parse": "-*,llvm-namespace-comment",
    "asynctidy": "-*,async-*",
    "builtin": "-*,misc-coroutine-hostile-raii,bugprone-unused-return-value,"
               "bugprone-empty-catch,bugprone-exception-escape,"
               "bugprone-spuriously-wake-up-functions",
}
TOTAL_BUDGET = 0.05
CHECK_BUDGET = 0.01
GROWTH_BUDGET = 5.0
MEMORY_BUDGET = 0.05


def inputs(args, workdir):
    """(name, kind, lines, source, compiler arguments) of every unit."""
    units = []
    examples = os.path.join(ROOT, "examples", "src")
    example_flags = ["-std=c++20", "-I" + examples, "-DASIO_HAS_CO_AWAIT"]
    sources = sorted(glob.glob(os.path.join(examples, "*.cpp")))
    if args.quick:
        sources = sources[:2]
    for source in sources:
        units.append(("examples/" + os.path.basename(source), "example",
                      line_count(source), source, example_flags))
    if not args.quick:
        for name, flags in (("asio_coroutines.cpp",
                             ["-std=c++20", "-DASIO_HAS_CO_AWAIT"]),
                            ("standard_library.cpp", ["-std=c++20"])):
            source = os.path.join(HERE, "inputs", name)
            units.append((name, "real-headers", line_count(source), source,
                          flags))
    sizes = [1000, 4000] if args.quick else [1000, 4000, 16000, 64000]
    # The two largest also as correct code (generate.py --correct): the
    # checks' own cost, without the reporting of three warnings every 51
    # lines.
    variants = [(size, False) for size in sizes] + \
        [(size, True) for size in sizes[-2:]]
    for size, correct in variants:
        name = "generated %dk%s" % (size // 1000, " correct" if correct else "")
        source = os.path.join(workdir, name.replace(" ", "_") + ".cpp")
        with open(source, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py")] +
                           (["--correct"] if correct else []) + [str(size)],
                           stdout=out, check=True)
        units.append((name, "generated-correct" if correct else "generated",
                      line_count(source), source,
                      ["-std=c++20", "-I" + os.path.join(ROOT, "test",
                                                         "Inputs")]))
    return units


def judged(row):
    """Whether the budgets of every check and of each one apply to \p row:
    the real-header units, and the generated units of 16k lines and more."""
    return row["kind"] == "real-headers" or (
        row["kind"].startswith("generated") and row["lines"] >= 16000)


def line_count(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f)


def measure(args, checks, source, flags, profile=False):
    """Processor seconds (user + system) and peak resident memory (KiB) of
    one clang-tidy run, and with `profile`, the seconds of each async-*
    check in it (clang-tidy's check profile)."""
    with tempfile.TemporaryDirectory() as directory:
        command = [args.clang_tidy, "-load=" + args.module,
                   "-checks=" + checks, "--quiet", source, "--"] + flags
        if profile:
            command[1:1] = ["--enable-check-profile",
                            "--store-check-profile=" + directory]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) < 0:
            sys.exit("clang-tidy crashed on %s" % source)
        return (usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                profile_times(directory) if profile else {})


def profile_times(directory):
    """Seconds (user + system) of each async-* check in a stored profile."""
    times = {}
    for path in glob.glob(os.path.join(directory, "*.json")):
        with open(path) as f:
            profile = json.load(f)["profile"]
        for key, value in profile.items():
            # time.clang-tidy.<check>.user / .sys / .wall
            parts = key.split(".")
            if parts[-1] in ("user", "sys") and parts[2].startswith("async-"):
                times[parts[2]] = times.get(parts[2], 0.0) + value
    return times


def counted(args, row):
    """Whether --instructions counts \p row: the generated units judged (the
    1k ones with --quick, to show that counting works)."""
    if args.quick:
        return row["kind"].startswith("generated") and row["lines"] < 2000
    return judged(row) and row["kind"] != "real-headers"


def count_instructions(args, source, flags):
    """Instructions of the parse-only and the every-check run, counted by
    callgrind (deterministic, unlike processor time on a shared machine; and
    without the clock reads of the check profile). Both run at once."""
    with tempfile.TemporaryDirectory() as directory:
        runs = {}
        for config in ("parse", "asynctidy"):
            command = ["valgrind", "--tool=callgrind",
                       "--callgrind-out-file=" + os.path.join(directory, config),
                       args.clang_tidy, "-load=" + args.module,
                       "-checks=" + CONFIGS[config], "--quiet", source,
                       "--"] + flags
            runs[config] = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                text=True)
        counts = {}
        for config, process in runs.items():
            _, log = process.communicate()
            found = re.search(r"Collected : (\d+)", log)
            if process.returncode < 0 or not found:
                sys.exit("callgrind failed on %s:\n%s" % (source, log[-2000:]))
            counts[config] = int(found.group(1))
        return counts


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", required=True)
    parser.add_argument("--quick", action="store_true",
                        help="small inputs, one run: a smoke test")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of the parse-only "
                        "and every-check runs\nof the generated units judged "
                        "(callgrind; with --quick, the 1k units),\nand judge "
                        "the budget of every check together on them")
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    os.makedirs(args.output, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="asynctidy-bench-")

    rows = []
    try:
        for name, kind, lines, source, flags in inputs(args, workdir):
            row = {"unit": name, "kind": kind, "lines": lines}
            # Interleaved, so that a slow spell of the machine hits every
            # configuration alike.
            samples = {config: [] for config in CONFIGS}
            measure(args, CONFIGS["parse"], source, flags)  # warms the caches
            for _ in range(args.runs):
                for config, checks in CONFIGS.items():
                    samples[config].append(measure(
                        args, checks, source, flags,
                        profile=config == "asynctidy"))
            for config in CONFIGS:
                times = [s[0] for s in samples[config]]
                row[config + "_s"] = statistics.median(times)
                row[config + "_kib"] = max(s[1] for s in samples[config])
                row[config + "_spread"] = (max(times) - min(times)) / \
                    statistics.median(times)
            # Each check's median over the runs.
            profiles = [s[2] for s in samples["asynctidy"]]
            row["checks"] = {
                check: statistics.median(p.get(check, 0.0) for p in profiles)
                for check in sorted({c for p in profiles for c in p})}
            if args.instructions and counted(args, row):
                row["instructions"] = count_instructions(args, source, flags)
            rows.append(row)
            print("measured %s" % name, file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    return report(args, rows)


def report(args, rows):
    failures = []
    header = ("%-24s %6s %8s %8s %9s %7s %8s %7s %8s %8s  %s" %
              ("unit", "lines", "parse s", "async s", "builtin s", "async+",
               "builtin+", "spread", "checks+", "memory+",
               "slowest async-* check"))
    print(header)
    print("-" * len(header))
    for row in rows:
        parse = row["parse_s"]
        row["async_ratio"] = row["asynctidy_s"] / parse - 1
        row["builtin_ratio"] = row["builtin_s"] / parse - 1
        row["checks_s"] = sum(row["checks"].values())
        row["checks_ratio"] = row["checks_s"] / parse
        row["memory_ratio"] = row["asynctidy_kib"] / row["parse_kib"] - 1
        slowest = max(row["checks"].items(), key=lambda kv: kv[1],
                      default=("-", 0.0))
        row["slowest_check"] = slowest[0]
        row["slowest_ratio"] = slowest[1] / parse
        print("%-24s %6d %8.3f %8.3f %9.3f %+6.1f%% %+7.1f%% %6.1f%% %7.2f%% "
              "%+7.1f%%  %s (%.2f%%)" % (
                  row["unit"][-24:], row["lines"], parse, row["asynctidy_s"],
                  row["builtin_s"], 100 * row["async_ratio"],
                  100 * row["builtin_ratio"], 100 * row["parse_spread"],
                  100 * row["checks_ratio"], 100 * row["memory_ratio"],
                  slowest[0], 100 * row["slowest_ratio"]))
        if "instructions" in row:
            counts = row["instructions"]
            row["instructions_ratio"] = counts["asynctidy"] / counts["parse"] - 1
        if judged(row):
            # Counted instructions, when there are, over the profile, which
            # also holds its own clock reads.
            total = row.get("instructions_ratio", row["checks_ratio"])
            if total > TOTAL_BUDGET:
                failures.append("%s: all async-* checks add %.2f%%%s (budget "
                                "%d%%)" % (row["unit"], 100 * total,
                                           " of instructions"
                                           if "instructions" in row else "",
                                           100 * TOTAL_BUDGET))
            for check, seconds in sorted(row["checks"].items()):
                if seconds / parse > CHECK_BUDGET:
                    failures.append("%s: %s adds %.2f%% (budget %d%%)" % (
                        row["unit"], check, 100 * seconds / parse,
                        100 * CHECK_BUDGET))
        if row["kind"] == "real-headers":
            if row["memory_ratio"] > MEMORY_BUDGET:
                failures.append("%s: peak memory +%.1f%% (budget %d%%)" % (
                    row["unit"], 100 * row["memory_ratio"],
                    100 * MEMORY_BUDGET))
    print("\nparse s, async s, builtin s: median processor time of %d runs; "
          "async+, builtin+: their\ndifference to parse-only; spread: "
          "(slowest - fastest) / median of the parse-only runs;\nchecks+: "
          "the async-* checks' own time (check profile) / parse-only time" %
          args.runs)

    checks = sorted({c for r in rows for c in r["checks"]})
    if checks:
        print("\nper check, % of parse-only time (clang-tidy's check profile):")
        print("%-36s %s" % ("check", " ".join("%12s" % short(r["unit"])
                                              for r in rows)))
        for check in checks:
            print("%-36s %s" % (check, " ".join(
                "%11.2f%%" % (100 * r["checks"].get(check, 0.0) / r["parse_s"])
                for r in rows)))

    counted_rows = [r for r in rows if "instructions" in r]
    if counted_rows:
        print("\ninstructions (callgrind), parse-only and every async-* check:")
        for r in counted_rows:
            counts = r["instructions"]
            print("%-24s %8.3f G %8.3f G  %+6.2f%%" % (
                r["unit"], counts["parse"] / 1e9, counts["asynctidy"] / 1e9,
                100 * r["instructions_ratio"]))

    generated = {r["lines"]: r for r in rows if r["kind"] == "generated"}
    sizes = sorted(generated)
    if len(sizes) >= 2:
        small, large = generated[sizes[-2]], generated[sizes[-1]]
        added = [max(r["checks_s"], 1e-3) for r in (small, large)]
        growth = added[1] / added[0]
        print("\nthe checks' time from %s to %s: x%.2f for x%.1f the lines" % (
            small["unit"], large["unit"], growth,
            large["lines"] / small["lines"]))
        if growth > GROWTH_BUDGET and not args.quick:
            failures.append("the checks' time grows x%.2f from %s to %s (budget "
                            "x%d)" % (growth, small["unit"], large["unit"],
                                      GROWTH_BUDGET))

    write_csv(args, rows)
    plot(args, rows)
    print("\nwrote %s and %s" % (os.path.join(args.output, "results.csv"),
                                 os.path.join(args.output, "size.svg")))
    if failures:
        print("\ntargets missed:\n  " + "\n  ".join(failures))
        return 0 if args.quick else 1
    print("\nall targets met" if not args.quick else
          "\nquick run: targets not judged")
    return 0


def short(unit):
    """A unit's name in at most 12 characters, for the per-check table."""
    name = os.path.splitext(os.path.basename(unit))[0]
    return name.replace("generated ", "gen-")[:12]


def write_csv(args, rows):
    checks = sorted({c for r in rows for c in r["checks"]})
    with open(os.path.join(args.output, "results.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["unit", "kind", "lines", "parse_s", "asynctidy_s",
                         "builtin_s", "parse_kib", "asynctidy_kib",
                         "builtin_kib"] + checks +
                        ["parse_instructions", "asynctidy_instructions"])
        for r in rows:
            counts = r.get("instructions", {})
            writer.writerow([r["unit"], r["kind"], r["lines"],
                             "%.4f" % r["parse_s"], "%.4f" % r["asynctidy_s"],
                             "%.4f" % r["builtin_s"], r["parse_kib"],
                             r["asynctidy_kib"], r["builtin_kib"]] +
                            ["%.4f" % r["checks"].get(c, 0.0) for c in checks] +
                            [counts.get("parse", ""),
                             counts.get("asynctidy", "")])


def plot(args, rows):
    generated = sorted((r for r in rows if r["kind"] == "generated"),
                       key=lambda r: r["lines"])
    data = os.path.join(args.output, "size.dat")
    with open(data, "w") as f:
        f.write("# lines parse asynctidy builtin\n")
        for r in generated:
            f.write("%d %.4f %.4f %.4f\n" % (r["lines"], r["parse_s"],
                                             r["asynctidy_s"], r["builtin_s"]))
    script = """
set terminal svg size 720,440 font "sans,12"
set output '%s'
set title 'clang-tidy processor time against translation-unit size'
set xlabel 'lines of generated code'
set ylabel 'seconds (median)'
set logscale xy
set key top left
set grid
plot '%s' using 1:2 with linespoints title 'parse only', \\
     '' using 1:3 with linespoints title 'all async-* checks', \\
     '' using 1:4 with linespoints title 'built-in neighbours'
""" % (os.path.join(args.output, "size.svg"), data)
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


if __name__ == "__main__":
    sys.exit(main())
