#!/usr/bin/env bash
# Configures (once) and builds the module for one LLVM version (default 19)
# in build/llvm-N. Rebuilds only what changed.
#   scripts/build.sh [VERSION] [sanitize]
# With "sanitize", builds with ASan and UBSan in build/llvm-N-sanitize, for
# the sanitizer test run (scripts/test.sh does it for LLVM 19).
set -euo pipefail
cd "$(dirname "$0")/.."
v="${1:-19}"
dir="build/llvm-$v" flags=()
if [ "${2:-}" = sanitize ]; then
  dir="build/llvm-$v-sanitize" flags=(-DASYNCTIDY_SANITIZE=ON)
fi
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DASYNCTIDY_LLVM_VERSION="$v" \
    -DCMAKE_BUILD_TYPE=Release "${flags[@]}" >/dev/null
fi
ninja --quiet -C "$dir"
echo "build: $dir/lib/asynctidy.so (LLVM $v${2:+, $2})"
