#!/usr/bin/env python3
"""Fails unless the checks the module registers (read from clang-tidy's
-list-checks output on stdin), the README's table of checks, the docs index
and the pages under docs/checks/ name the same checks."""
import os
import re
import sys

root = sys.argv[1]
registered = set(re.findall(r"^\s+(async-[a-z0-9-]+)\s*$", sys.stdin.read(), re.M))


def table_checks(path):
    text = open(os.path.join(root, path), encoding="utf-8").read()
    return set(re.findall(r"^\|\s*\[?`(async-[a-z0-9-]+)`", text, re.M))


sources = {
    "README.md table": table_checks("README.md"),
    "docs/index.md table": table_checks("docs/index.md"),
    "docs/checks/ pages": {"async-" + f[:-3] for f in
                           os.listdir(os.path.join(root, "docs", "checks"))
                           if f.endswith(".md")},
}
ok = bool(registered)
print("registered: " + " ".join(sorted(registered)))
for name, checks in sources.items():
    if checks != registered:
        ok = False
        print("%s differs: missing %s, extra %s" %
              (name, sorted(registered - checks) or "none",
               sorted(checks - registered) or "none"))
    # Each page must say it is about its check.
    if name == "docs/checks/ pages":
        for check in checks:
            page = os.path.join(root, "docs", "checks", check[6:] + ".md")
            if not open(page, encoding="utf-8").read().startswith("# " + check):
                ok = False
                print("%s does not start with '# %s'" % (page, check))
print("consistent" if ok else "inconsistent")
sys.exit(0 if ok else 1)
