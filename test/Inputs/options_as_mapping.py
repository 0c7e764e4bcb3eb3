"""Rewrites the CheckOptions that clang-tidy 14 dumps as a list of keys and
values ("- key: name" then "value: text") to the mapping form that later
versions dump ("name: text"), so that one test reads both."""
import re
import sys

key = None
for line in sys.stdin:
    match = re.match(r"\s*- key:\s+(\S+)\s*$", line)
    if match:
        key = match.group(1)
        continue
    match = re.match(r"\s*value:\s+(.*)$", line)
    if key and match:
        print("  %s: %s" % (key, match.group(1)))
        key = None
        continue
    sys.stdout.write(line)
