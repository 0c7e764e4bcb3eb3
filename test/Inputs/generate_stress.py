#!/usr/bin/env python3
"""Writes a translation unit that stresses the checks' per-function analyses:

  long      one function of N blocks, each with a manual lock()/unlock()
            around a call that may throw, a guard, a swallowed exception and
            a map lookup followed by an insertion; and a coroutine of N
            co_awaits under one guard;
  deep      scopes nested N deep (if/for/try/lambda in turn), with a guard at
            the top, a swallowed exception at the bottom, and a coroutine
            whose co_await sits at the bottom of N nested blocks.

Each defect is counted in a comment on the first line,
`// expect: CHECK=COUNT ...`; `generate_stress.py check FILE OUTPUT` compares
it with clang-tidy's output (every async-* warning counted, none twice, no
crash).
"""

import collections
import re
import sys


def long_function(count):
    lines = []
    emit = lines.append
    emit("void longFunction(std::map<int, int> &table) {")
    for i in range(count):
        emit("  registry.lock();")
        emit("  work(%d);" % i)
        emit("  registry.unlock();")
        emit("  {")
        emit("    std::lock_guard<std::mutex> guard(registry);")
        emit("    shared_value += %d;" % i)
        emit("  }")
        emit("  try {")
        emit("    work(%d);" % i)
        emit("  } catch (...) {")
        emit("  }")
        emit("  if (table.find(%d) == table.end())" % i)
        emit("    table[%d] = %d;" % (i, i))
    emit("}")
    emit("lib::task<> longCoroutine() {")
    emit("  std::lock_guard<std::mutex> guard(registry);")
    for i in range(count):
        emit("  co_await lib::async_io();")
    emit("}")
    expected = {"async-manual-lock-unlock": count,
                "async-swallowed-exception": count,
                "async-check-then-insert": count,
                "async-lock-across-suspend": 1}
    return lines, expected


def deep_scopes(depth):
    lines = []
    emit = lines.append
    emit("void deepScopes(int n) {")
    emit("  std::lock_guard<std::mutex> guard(registry);")
    closers = []
    for level in range(depth):
        kind = level % 4
        indent = "  " * (level + 1)
        if kind == 0:
            emit(indent + "if (n > %d) {" % level)
            closers.append(indent + "}")
        elif kind == 1:
            emit(indent + "for (int i%d = 0; i%d < n; ++i%d) {" %
                 (level, level, level))
            closers.append(indent + "}")
        elif kind == 2:
            emit(indent + "try {")
            closers.append(indent + "} catch (const std::exception &e) {\n" +
                           indent + "  report(e);\n" + indent + "}")
        else:
            emit(indent + "[&] {")
            closers.append(indent + "}();")
    indent = "  " * (depth + 1)
    emit(indent + "shared_value += n;")
    emit(indent + "try {")
    emit(indent + "  work(n);")
    emit(indent + "} catch (...) {")
    emit(indent + "}")
    for closer in reversed(closers):
        emit(closer)
    emit("}")
    emit("lib::task<> deepCoroutine(int n) {")
    emit("  std::lock_guard<std::mutex> guard(registry);")
    for level in range(depth):
        emit("  " * (level + 1) + "if (n > %d) {" % level)
    emit("  " * (depth + 1) + "co_await lib::async_io();")
    for level in reversed(range(depth)):
        emit("  " * (level + 1) + "}")
    emit("}")
    expected = {"async-swallowed-exception": 1,
                "async-lock-across-suspend": 1}
    return lines, expected


def check(source, output_path):
    with open(source) as f:
        expected = dict((name, int(count)) for name, count in
                        re.findall(r"(async-[a-z-]+)=(\d+)", f.readline()))
    with open(output_path) as f:
        output = f.read()
    if "Stack dump" in output:
        sys.exit("clang-tidy crashed:\n" + output)
    warnings = re.findall(r"^(.*: warning: .*\[(async-[a-z-]+)\])$", output,
                          re.M)
    repeated = [w for w, n in collections.Counter(
        line for line, _ in warnings).items() if n > 1]
    if repeated:
        sys.exit("reported more than once:\n" + "\n".join(repeated[:5]))
    found = collections.Counter(name for _, name in warnings)
    if found != collections.Counter(expected):
        sys.exit("expected %s, found %s" % (sorted(expected.items()),
                                             sorted(found.items())))
    print("ok: " + " ".join("%s=%d" % item for item in sorted(found.items())))


def main():
    if sys.argv[1] == "check":
        return check(sys.argv[2], sys.argv[3])
    kind, size = sys.argv[1], int(sys.argv[2])
    body, expected = (long_function if kind == "long" else deep_scopes)(size)
    print("// expect: " + " ".join("%s=%d" % item
                                   for item in sorted(expected.items())))
    print('#include "task.h"')
    print("#include <exception>")
    print("#include <map>")
    print("#include <mutex>")
    print("std::mutex registry;")
    print("int shared_value = 0;")
    print("void work(int) noexcept(false);")
    print("void report(const std::exception &);")
    print("\n".join(body))


if __name__ == "__main__":
    main()
