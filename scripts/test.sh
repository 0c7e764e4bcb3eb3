#!/usr/bin/env bash
# Sets everything up, builds the module for each LLVM version (default: 19,
# 22, 14, 15 and 16) and runs the lit suite against each; its last line is
# always "N passed, N failed", counting the tests of every version.
#   scripts/test.sh [VERSION...]
set -uo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(19 22 14 15 16)

passed=0 failed=0 skipped=0 status=0
summary() {
  [ "$skipped" -eq 0 ] || echo "($skipped tests unsupported or skipped)"
  echo "$passed passed, $failed failed"
}
trap summary EXIT

if ! scripts/setup.sh "${versions[@]}"; then
  echo "error: setting up failed" >&2
  failed=$((failed + 1))
  exit 1
fi

# Each run is "VERSION" or "VERSION sanitize": the whole suite once more
# against a module built with ASan and UBSan (LLVM 19, whose Debian packages
# ship the sanitizer runtime); ASYNCTIDY_SANITIZE=0 skips it.
runs=()
for v in "${versions[@]}"; do runs+=("$v"); done
for v in "${versions[@]}"; do
  if [ "$v" = 19 ] && [ "${ASYNCTIDY_SANITIZE:-1}" != 0 ]; then
    runs+=("$v sanitize")
  fi
done

for run in "${runs[@]}"; do
  read -r v variant <<<"$run"
  dir="build/llvm-$v${variant:+-$variant}"
  echo "== LLVM $v${variant:+ ($variant)}: build"
  if ! scripts/build.sh "$v" $variant; then
    echo "error: the build for LLVM $v${variant:+ ($variant)} failed" >&2
    failed=$((failed + 1)) status=1
    continue
  fi
  echo "== LLVM $v${variant:+ ($variant)}: lit"
  # LLVM 19 ships lit as a script in its build tree, LLVM 22 as lit-22.
  lit=(python3 "/usr/lib/llvm-$v/build/utils/lit/lit.py")
  [ -f "${lit[1]}" ] || lit=("lit-$v")
  log="$dir/lit.log"
  rm -rf "$dir/sanitizer-reports"
  # The tests that need "once" run with the first version only, not in the
  # sanitizer run: docs/guarantees.md says which and why.
  params=()
  [ "$v" = "${versions[0]}" ] && [ -z "$variant" ] || params=(--param once=0)
  "${lit[@]}" -sv ${params[@]+"${params[@]}"} "$dir/test" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  count() { # the number after "  LABEL:" in lit's summary (labels are padded)
    sed -nE "s/^ *$1 *: *([0-9]+).*/\1/p" "$log" | tail -n 1 | grep . || echo 0
  }
  p=$(( $(count "Passed") + $(count "Expectedly Failed") ))
  f=$(( $(count "Failed") + $(count "Unexpectedly Passed") + $(count "Unresolved") + $(count "Timed Out") ))
  s=$(( $(count "Unsupported") + $(count "Skipped") ))
  if [ $((p + f)) -eq 0 ]; then
    echo "error: lit ran no test for LLVM $v" >&2
    f=1 status=1
  fi
  # A sanitizer report fails the run even if the test around it passed.
  if [ -n "$(ls -A "$dir/sanitizer-reports" 2>/dev/null)" ]; then
    echo "error: sanitizer reports in $dir/sanitizer-reports:" >&2
    cat "$dir"/sanitizer-reports/* >&2
    f=$((f + 1)) status=1
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
echo
exit $status
