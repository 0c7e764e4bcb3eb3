#!/usr/bin/env bash
# The benchmark in one command: sets up and builds (as scripts/test.sh does),
# then times clang-tidy with and without the asynctidy checks (bench/run.py).
#   bench/run.sh [VERSION] [--runs N] [--quick]
# Results go to build/bench-llvm-N/ (results.csv, size.svg).
set -euo pipefail
cd "$(dirname "$0")/.."
v=19
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then v="$1"; shift; fi
scripts/setup.sh "$v"
scripts/build.sh "$v"
exec python3 bench/run.py --clang-tidy "/usr/lib/llvm-$v/bin/clang-tidy" \
  --module "build/llvm-$v/lib/asynctidy.so" --output "build/bench-llvm-$v" "$@"
