#!/usr/bin/env bash
# Sets everything up, then runs the asynctidy checks over the example service
# in examples/: the findings in clang-tidy's format, then the diff that -fix
# makes, and a build of the fixed copy.
#   scripts/run-example.sh [LLVM version, default 19]
set -euo pipefail
cd "$(dirname "$0")/.."
v="${1:-19}"
scripts/setup.sh "$v"
scripts/build.sh "$v"
module="$PWD/build/llvm-$v/lib/asynctidy.so"

# run-clang-tidy learnt -load in LLVM 15; for LLVM 14 a two-line clang-tidy
# that loads the module stands in (docs/ci.md shows it).
load=(-load="$module")
if ! run-clang-tidy-"$v" --help | grep -q -- '-load'; then
  wrapper="$PWD/build/llvm-$v/clang-tidy-with-asynctidy"
  printf '#!/bin/sh\nexec clang-tidy-%s -load=%s "$@"\n' "$v" "$module" > "$wrapper"
  chmod +x "$wrapper"
  load=(-clang-tidy-binary "$wrapper")
fi

# The example is a CMake project: its compile_commands.json tells
# run-clang-tidy how each file is compiled.
cmake -S examples -B "build/example-$v" -G Ninja \
  -DCMAKE_CXX_COMPILER="/usr/lib/llvm-$v/bin/clang++" >/dev/null

echo
echo "== Findings: run-clang-tidy-$v -load=$module -p build/example-$v"
# run-clang-tidy exits non-zero when there are findings; its own errors (a
# module that does not load, say) still show on stderr.
run-clang-tidy-"$v" -quiet "${load[@]}" -checks='-*,async-*' \
  -p "build/example-$v" | grep -v '^clang-tidy-' || true

# Apply the fixes to a copy, so that examples/ stays as it is.
copy="build/example-fixed-$v"
rm -rf "$copy" && mkdir -p "$copy" && cp -r examples/. "$copy/"
cmake -S "$copy" -B "$copy/build" -G Ninja \
  -DCMAKE_CXX_COMPILER="/usr/lib/llvm-$v/bin/clang++" >/dev/null
run-clang-tidy-"$v" -quiet "${load[@]}" -checks='-*,async-*' \
  -p "$copy/build" -fix >/dev/null || true

echo
echo "== What -fix changes (the copy in $copy)"
diff -ru -x build examples "$copy" || true

echo
echo "== The fixed copy still builds"
ninja -C "$copy/build" >/dev/null && echo "ok: $copy/build/telemetry-service"
