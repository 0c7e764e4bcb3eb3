#!/usr/bin/env bash
# Configures (once) and builds the module for one LLVM version (default 19)
# in build/llvm-N. Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
v="${1:-19}"
if [ ! -f "build/llvm-$v/build.ninja" ]; then
  cmake -S . -B "build/llvm-$v" -G Ninja -DASYNCTIDY_LLVM_VERSION="$v" \
    -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
ninja --quiet -C "build/llvm-$v"
echo "build: build/llvm-$v/lib/asynctidy.so (LLVM $v)"
