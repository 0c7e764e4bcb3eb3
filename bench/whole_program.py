#!/usr/bin/env python3
"""Measures the whole-program merge at scale (docs/whole-program.md).

It generates a project of UNITS translation units (default 2,000): each
unit defines a class with a mutex and a container, takes its mutex and
calls into the next unit with it held (every tenth unit calls back nine
units: lock-order cycles of ten units), and defines two member functions
of the previous unit's class: one drains that class's container for three
classes in four (the fourth only grows, judged over two units), the other
adds to it, with the lock held except in those fourth classes (a member
written unguarded, whose guard only the other unit shows).

Then it measures:

  - the clang-tidy run over every unit with every async-* check, without
    and with the facts recorded (the two interleaved unit by unit, so that
    the machine's noise falls on both alike): facts may add at most 5 %;
  - asynctidy-merge over the facts of a quarter, half and all of the units:
    processor time (at most 10 seconds for all) and peak memory, which must
    grow linearly (at most 2.5x from half to all; the process's own
    baseline is included).

The exit status is 1 when a target is missed (not with --quick, which
generates 40 units and only shows that the benchmark works).
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import time

RECORDING_BUDGET = 0.05
MERGE_SECONDS = 10.0
MEMORY_GROWTH = 2.5


def header(i):
    return """#pragma once
#include <mutex>
#include <vector>

class Service%(i)d {
public:
  void handle(int Value);
  void poke();
  void drain();
  void refill();

private:
  std::mutex Mu;
  std::vector<int> Queue;
};
""" % {"i": i}


def unit(i, n):
    nxt, prev = (i + 1) % n, (i - 1) % n
    # Calls into the next unit with the mutex held; every tenth unit calls
    # back to the first of its group instead: cycles of ten.
    target = i - 9 if i % 10 == 9 else nxt
    includes = sorted({i, nxt, prev, target})
    drains = prev % 4 != 3
    return "\n".join(['#include "s%d.h"' % k for k in includes]) + """

extern Service%(target)d *Peer%(i)d;

void Service%(i)d::handle(int Value) {
  std::lock_guard<std::mutex> Lock(Mu);
  Queue.push_back(Value);
  Peer%(i)d->poke();
}

void Service%(i)d::poke() { std::lock_guard<std::mutex> Lock(Mu); }

// The previous unit's class, %(how)s.
void Service%(prev)d::drain() {
  std::lock_guard<std::mutex> Lock(Mu);
  %(body)s
}

void Service%(prev)d::refill() {
  %(lock)sQueue.push_back(0);
}
""" % {"i": i, "target": target, "prev": prev,
       "how": "drained here" if drains else "not drained: it only grows",
       "body": "Queue.clear();" if drains else "(void)Queue.size();",
       "lock": "std::lock_guard<std::mutex> Lock(Mu);\n  " if drains else ""}


def generate(root, n):
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    commands = []
    for i in range(n):
        with open(os.path.join(root, "s%d.h" % i), "w") as out:
            out.write(header(i))
        name = "s%d.cpp" % i
        with open(os.path.join(root, name), "w") as out:
            out.write(unit(i, n))
        commands.append({"directory": root, "file": os.path.join(root, name),
                         "arguments": ["c++", "-std=c++17", "-c", name]})
    with open(os.path.join(root, "compile_commands.json"), "w") as out:
        json.dump(commands, out)
    with open(os.path.join(root, ".clang-tidy"), "w") as out:
        out.write("Checks: '-*,async-*'\n")


def tidy(args, root, source, facts):
    """Processor time of one clang-tidy run, from the process's own usage."""
    env = dict(os.environ)
    env.pop("ASYNCTIDY_FACTS_DIRECTORY", None)
    if facts:
        env["ASYNCTIDY_FACTS_DIRECTORY"] = facts
    process = subprocess.Popen(
        [args.clang_tidy, "-load=" + args.module, "--quiet", "-p", root,
         source], cwd=root, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit("clang-tidy failed on %s" % source)
    return usage.ru_utime + usage.ru_stime


def run_pair(args, root, facts, i):
    source = os.path.join(root, "s%d.cpp" % i)
    # Alternate which goes first, so that neither is always warmer.
    if i % 2:
        plain = tidy(args, root, source, None)
        return plain, tidy(args, root, source, facts)
    recorded = tidy(args, root, source, facts)
    return tidy(args, root, source, None), recorded


def run_units(args, root, n):
    facts = os.path.join(root, "facts")
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        pairs = list(pool.map(lambda i: run_pair(args, root, facts, i),
                              range(n)))
    return sum(p for p, _ in pairs), sum(r for _, r in pairs), facts


def merge(args, root, facts, count):
    subset = os.path.join(root, "facts-%d" % count)
    shutil.rmtree(subset, ignore_errors=True)
    os.makedirs(subset)
    files = sorted(os.listdir(facts),
                   key=lambda f: int(f[1:f.index(".")]))
    chosen = [f for f in files if int(f[1:f.index(".")]) < count]
    for f in chosen:
        os.symlink(os.path.join(facts, f), os.path.join(subset, f))
    start = time.time()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", args.merge, subset],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        check=True)
    wall = time.time() - start
    user, system, rss = result.stderr.strip().splitlines()[-1].split()
    warnings = result.stdout.count(": warning: ")
    return {"units": count, "files": len(chosen), "cpu": float(user) +
            float(system), "wall": wall, "rss_mb": int(rss) / 1024.0,
            "warnings": warnings}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--merge", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    for tool in ("clang_tidy", "module", "merge"):
        setattr(args, tool, os.path.abspath(getattr(args, tool)))
    n = 40 if args.quick else args.units
    root = os.path.abspath(os.path.join(args.output, "program"))
    generate(root, n)
    plain, recorded, facts = run_units(args, root, n)
    size = sum(os.path.getsize(os.path.join(facts, f))
               for f in os.listdir(facts))
    overhead = recorded / plain - 1
    print("units %d: clang-tidy %.1f s without facts, %.1f s with "
          "(%+.1f %%); facts %d files, %.1f MB"
          % (n, plain, recorded, 100 * overhead, len(os.listdir(facts)),
             size / 1e6))
    rows = [merge(args, root, facts, count) for count in (n // 4, n // 2, n)]
    for row in rows:
        print("merge of %(units)5d units (%(files)5d files): %(cpu).2f s "
              "processor, %(wall).2f s, peak %(rss_mb).1f MB, "
              "%(warnings)d warnings" % row)
    with open(os.path.join(args.output, "whole-program.json"), "w") as out:
        json.dump({"units": n, "tidy_plain": plain, "tidy_facts": recorded,
                   "facts_bytes": size, "merges": rows}, out, indent=1)
    growth = rows[2]["rss_mb"] / rows[1]["rss_mb"]
    missed = []
    if overhead > RECORDING_BUDGET:
        missed.append("recording facts adds %.1f %%" % (100 * overhead))
    if rows[2]["cpu"] > MERGE_SECONDS:
        missed.append("the merge takes %.1f s" % rows[2]["cpu"])
    if growth > MEMORY_GROWTH:
        missed.append("the merge's memory grows x%.2f for x2 units" % growth)
    expected = {"cycles": n // 10, "containers": n // 4, "members": n // 4}
    print("expected findings: %(cycles)d cycles, %(containers)d containers, "
          "%(members)d unguarded members" % expected)
    if rows[2]["warnings"] != sum(expected.values()):
        print("WRONG: the merge found %d warnings, not %d"
              % (rows[2]["warnings"], sum(expected.values())))
        return 1
    if args.quick:
        print("quick run: targets not judged")
        return 0
    for line in missed:
        print("MISSED: " + line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
